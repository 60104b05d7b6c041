import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import { tenantWardId } from '../../db/tenant-ward.js';
import { asStoredJson, GENESIS_HASH, hashAuditFields } from './audit-hash.js';

export interface AuditInput {
  wardId: string | null;
  actorUserId: string | null;
  actorOrgId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
  requestId: string | null;
  at: Date;
}

/** The chain an entry belongs to: its ward's, or the global one for events outside any ward. */
export function chainKeyOf(wardId: string | null): string {
  return wardId ?? 'global';
}

/**
 * Appends one entry to its ward's hash chain inside the caller's transaction. The chain head row
 * is locked, so concurrent writers of one ward queue here and the chain never forks.
 */
export async function appendAuditEntry(tx: Transaction<Database>, input: AuditInput): Promise<void> {
  const chainKey = chainKeyOf(input.wardId);
  // The chain lives with its ward: every statement names the ward, so a sharded database sends
  // it to the ward's shard (docs/scale-out.md).
  const tenant = tenantWardId(input.wardId);
  await tx
    .insertInto('audit_heads')
    .values({ tenant_ward_id: tenant, chain_key: chainKey, last_seq: 0, last_hash: GENESIS_HASH })
    .onConflict((oc) => oc.columns(['tenant_ward_id', 'chain_key']).doNothing())
    .execute();
  const head = await tx
    .selectFrom('audit_heads')
    .select(['last_seq', 'last_hash'])
    .where('tenant_ward_id', '=', tenant)
    .where('chain_key', '=', chainKey)
    .forUpdate()
    .executeTakeFirstOrThrow();

  const seq = (BigInt(head.last_seq) + 1n).toString();
  const before = asStoredJson(input.before);
  const after = asStoredJson(input.after);
  const hash = await hashAuditFields({
    chainKey,
    seq,
    wardId: input.wardId,
    at: input.at.toISOString(),
    actorUserId: input.actorUserId,
    actorOrgId: input.actorOrgId,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    before,
    after,
    requestId: input.requestId,
    prevHash: head.last_hash,
  });

  await tx
    .insertInto('audit_entries')
    .values({
      tenant_ward_id: tenant,
      chain_key: chainKey,
      seq: sql<string>`${seq}::bigint`,
      ward_id: input.wardId,
      at: input.at,
      actor_user_id: input.actorUserId,
      actor_org_id: input.actorOrgId,
      action: input.action,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      before: JSON.stringify(before),
      after: JSON.stringify(after),
      request_id: input.requestId,
      prev_hash: head.last_hash,
      hash,
    } as never)
    .execute();
  await tx
    .updateTable('audit_heads')
    .set({ last_seq: seq, last_hash: hash })
    .where('tenant_ward_id', '=', tenant)
    .where('chain_key', '=', chainKey)
    .execute();
}
