import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { authorize } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
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

export interface ErasureQuery {
  contractId?: string;
  status?: string;
  cursor?: string;
  limit: number;
}

export async function listErasures(ctx: UseCaseContext, query: ErasureQuery): Promise<Page<ErasureRecord>> {
  let q = erasureQuery(ctx.db).where((eb) =>
    accessibleBy(eb, ctx.ability, 'read', 'ErasureRecord', erasureFields),
  );
  if (query.contractId) q = q.where('erasure_records.contract_id', '=', query.contractId);
  if (query.status) q = q.where('erasure_records.status', '=', query.status as never);
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
