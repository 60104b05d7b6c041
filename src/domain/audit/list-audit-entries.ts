import { sql } from 'kysely';
import { accessibleBy, type FieldMap } from '../../../policies/rules-to-sql.js';
import type { AuditEntryRow } from '../../db/database.js';
import type { UseCaseContext } from '../shared/context.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';

export const auditEntryFields: FieldMap = { wardId: 'audit_entries.ward_id' };

export interface AuditEntry {
  chainKey: string;
  seq: string;
  wardId: string | null;
  at: Date;
  actorUserId: string | null;
  actorOrgId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  hash: string;
  prevHash: string;
}

function toEntry(row: AuditEntryRow): AuditEntry {
  return {
    chainKey: row.chain_key,
    seq: row.seq,
    wardId: row.ward_id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorOrgId: row.actor_org_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}

/** Newest first; the ward's entries only, unless the actor administers the whole system. */
export async function listAuditEntries(
  ctx: UseCaseContext,
  query: { subjectType?: string; subjectId?: string; cursor?: string; limit: number },
): Promise<Page<AuditEntry>> {
  let q = ctx.db
    .selectFrom('audit_entries')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'AuditEntry', auditEntryFields));
  if (query.subjectType) q = q.where('subject_type', '=', query.subjectType);
  if (query.subjectId) q = q.where('subject_id', '=', query.subjectId);
  if (query.cursor) {
    const [at, chainKey, seq] = decodeCursor(query.cursor, 3);
    q = q.where((eb) =>
      after(
        eb,
        ['audit_entries.at', 'audit_entries.chain_key', 'audit_entries.seq'],
        [at, chainKey, sql`${seq}::bigint`],
        'desc',
      ),
    );
  }
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('chain_key', 'desc')
    .orderBy('seq', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.at.toISOString(), r.chain_key, r.seq], toEntry);
}
