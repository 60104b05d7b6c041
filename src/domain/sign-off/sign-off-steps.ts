import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Tx } from '../shared/context.js';

// 決裁の記録: every step taken on a record with a sign-off — by the ward's signers and by the other
// side (submitting, responding) — one row each, numbered per record. Four records keep them in
// their own tables; this is the one way they are written and read.

export type StepTable =
  | 'approval_steps'
  | 'compliance_report_steps'
  | 'incident_steps'
  | 'inspection_steps'
  | 'operational_report_steps'
  | 'prior_approval_steps';

const RECORD_KEY: Record<StepTable, string> = {
  approval_steps: 'approval_id',
  compliance_report_steps: 'report_id',
  incident_steps: 'incident_id',
  inspection_steps: 'inspection_id',
  operational_report_steps: 'operational_report_id',
  prior_approval_steps: 'prior_approval_id',
};

export interface StepInput {
  wardId: string;
  recordId: string;
  /** The sign-off role the machine accepted, or the other side's role (applicant, contractor…). */
  role: string;
  decision: string;
  comment: string | null;
  /** Null for a company's contact acting through a one-time link (回答用リンク). */
  userId: string | null;
  at: Date;
}

export interface SignOffStep {
  seq: number;
  role: string;
  decision: string;
  comment: string | null;
  userId: string | null;
  /** The signer's display name, for the stamp boxes. */
  userName: string | null;
  at: Date;
}

/** Appends one step to a record's history (the record's row is locked by the caller). */
export async function appendSignOffStep(tx: Tx, table: StepTable, step: StepInput): Promise<void> {
  const t = sql.table(table);
  const key = sql.ref(RECORD_KEY[table]);
  await sql`
    insert into ${t} (ward_id, ${key}, seq, role, decision, comment, user_id, at)
    select ${step.wardId}, ${step.recordId}, coalesce(max(seq), 0) + 1, ${step.role}, ${step.decision}, ${step.comment}, ${step.userId}, ${step.at}
    from ${t} where ward_id = ${step.wardId} and ${key} = ${step.recordId}`.execute(tx);
}

/** A record's steps in order, with the names of those who took them. */
export async function readSignOffSteps(
  db: Kysely<Database>,
  table: StepTable,
  wardId: string,
  recordId: string,
): Promise<SignOffStep[]> {
  const t = sql.table(table);
  const key = sql.ref(`s.${RECORD_KEY[table]}`);
  const { rows } = await sql<{
    seq: number;
    role: string;
    decision: string;
    comment: string | null;
    user_id: string | null;
    display_name: string | null;
    at: Date;
  }>`
    select s.seq, s.role, s.decision, s.comment, s.user_id, u.display_name, s.at
    from ${t} as s left join users u on u.id = s.user_id
    where s.ward_id = ${wardId} and ${key} = ${recordId}
    order by s.seq`.execute(db);
  return rows.map((r) => ({
    seq: r.seq,
    role: r.role,
    decision: r.decision,
    comment: r.comment,
    userId: r.user_id,
    userName: r.display_name,
    at: r.at,
  }));
}
