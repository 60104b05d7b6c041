import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { contractWords } from '../contracts/contract-words.js';
import { authorize } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { type ListSort, likePattern, sortedPage } from '../shared/sorted-list.js';
import {
  type ErasureCertificate,
  type ErasureRecord,
  erasureFields,
  erasureQuery,
  findCertificateOf,
  findErasure,
  toErasure,
} from './erasure.repository.js';

/** One erasure record, with its certificate once issued. */
export async function getErasure(
  ctx: UseCaseContext,
  id: string,
): Promise<ErasureRecord & { certificate: ErasureCertificate | null }> {
  const record = await findErasure(ctx.db, id);
  if (!record) throw notFound('Erasure record', '消去の記録');
  authorize(ctx.ability, 'read', 'ErasureRecord', record);
  return { ...record, certificate: (await findCertificateOf(ctx.db, record.wardId, id)) ?? null };
}

/** The certificate of a record (消去証明書): its recipients and the recording organisation read it. */
export async function getCertificate(ctx: UseCaseContext, id: string): Promise<ErasureCertificate> {
  const record = await findErasure(ctx.db, id);
  if (!record) throw notFound('Erasure record', '消去の記録');
  authorize(ctx.ability, 'read', 'ErasureCertificate', record);
  const certificate = await findCertificateOf(ctx.db, record.wardId, id);
  if (!certificate) throw notFound('Erasure certificate', '消去証明書');
  return certificate;
}

// Not by the contract's title: a sub-contract whose approval was revoked keeps its erasure records
// readable but not its title, and an order by it would tell what the page may not show.
export const ERASURE_SORT_KEYS = ['erasedAt', 'recordedAt', 'scope', 'status'] as const;
export type ErasureSortKey = (typeof ERASURE_SORT_KEYS)[number];

const ERASURE_SORT_COLUMNS: Record<ErasureSortKey, string> = {
  erasedAt: `to_char(erasure_records.erased_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
  recordedAt: `to_char(erasure_records.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
  scope: "case erasure_records.scope when 'no_longer_needed' then '1' else '2' end",
  // recorded, then certified: the order of the record's life
  status: "case erasure_records.status when 'recorded' then '1' else '2' end",
};

export interface ErasureQuery {
  contractId?: string;
  status?: string;
  /** Words in the record's note (備考), or the contract's title or number where the actor may read it. */
  q?: string;
  sort?: ListSort<ErasureSortKey>;
  cursor?: string;
  limit: number;
}

/** Erasure records the actor may read, newest first or by a column; the rules run in the SQL. */
export async function listErasures(ctx: UseCaseContext, query: ErasureQuery): Promise<Page<ErasureRecord>> {
  let q = erasureQuery(ctx.db).where((eb) =>
    accessibleBy(eb, ctx.ability, 'read', 'ErasureRecord', erasureFields),
  );
  if (query.contractId) q = q.where('erasure_records.contract_id', '=', query.contractId);
  if (query.status) q = q.where('erasure_records.status', '=', query.status as never);
  if (query.q) {
    const pattern = likePattern(query.q);
    const words = contractWords(ctx, query.q);
    q = q.where((eb) => eb.or([eb('erasure_records.note', 'ilike', pattern), words(eb)]));
  }
  if (query.sort)
    return sortedPage(
      q,
      ERASURE_SORT_COLUMNS,
      'erasure_records.id',
      query.sort,
      query.cursor,
      query.limit,
      toErasure,
    );
  if (query.cursor) {
    const [recordedAt, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) =>
      after(eb, ['erasure_records.recorded_at', 'erasure_records.id'], [recordedAt, id], 'desc'),
    );
  }
  const rows = await q
    .orderBy('erasure_records.recorded_at', 'desc')
    .orderBy('erasure_records.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.recorded_at.toISOString(), r.id], toErasure);
}
