import { sql } from 'kysely';
import type { Actor } from '../../../policies/actor.js';
import type { SignOffRole } from '../../../workflows/approval/approval.machine.js';
import type { Tx } from './context.js';

/**
 * The sign-off role (決裁) the actor acts in on a record: the awaited one if the actor holds it,
 * else any signer role it holds (the machine then refuses the step as not theirs).
 */
export function signerRole(
  actor: Actor,
  chain: readonly SignOffRole[],
  awaited: SignOffRole | undefined,
): SignOffRole {
  const held = chain.filter((r) => actor.roles.includes(r));
  return held.find((r) => r === awaited) ?? held[0] ?? 'ward_officer';
}

type StepTable =
  | { table: 'approval_steps'; key: 'approval_id' }
  | { table: 'compliance_report_steps'; key: 'report_id' }
  | { table: 'incident_steps'; key: 'incident_id' };

export interface StepRecord {
  wardId: string;
  recordId: string;
  role: string;
  decision: string;
  comment: string | null;
  userId: string;
  at: Date;
}

/** Appends one step to a record's sign-off history (the record's row is locked by the caller). */
export async function appendStep(tx: Tx, where: StepTable, step: StepRecord): Promise<void> {
  const table = sql.table(where.table);
  const key = sql.ref(where.key);
  await sql`
    insert into ${table} (ward_id, ${key}, seq, role, decision, comment, user_id, at)
    select ${step.wardId}, ${step.recordId}, coalesce(max(seq), 0) + 1, ${step.role}, ${step.decision}, ${step.comment}, ${step.userId}, ${step.at}
    from ${table} where ward_id = ${step.wardId} and ${key} = ${step.recordId}`.execute(tx);
}
