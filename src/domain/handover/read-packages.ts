import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { authorize } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import {
  type Custody,
  findPackage,
  type HandoverPackage,
  loadCustody,
  packageFields,
  packageQuery,
  toPackage,
} from './package.repository.js';

/** One package with its chain of custody (受渡記録, 持出記録, hash checks). */
export async function getPackage(ctx: UseCaseContext, id: string): Promise<HandoverPackage & Custody> {
  const pkg = await findPackage(ctx.db, id);
  if (!pkg) throw notFound('Handover package', '受渡データ');
  authorize(ctx.ability, 'read', 'HandoverPackage', pkg);
  return { ...pkg, ...(await loadCustody(ctx.db, pkg)) };
}

export interface PackageQuery {
  contractId?: string;
  /** One state, or any of several (the packages an erasure may list). */
  status?: string | readonly string[];
  cursor?: string;
  limit: number;
}

/** The packages the actor may see, newest first; the rules become SQL, nothing is filtered here. */
export async function listPackages(ctx: UseCaseContext, query: PackageQuery): Promise<Page<HandoverPackage>> {
  let q = packageQuery(ctx.db).where((eb) =>
    accessibleBy(eb, ctx.ability, 'read', 'HandoverPackage', packageFields),
  );
  if (query.contractId) q = q.where('handover_packages.contract_id', '=', query.contractId);
  if (typeof query.status === 'string') q = q.where('handover_packages.status', '=', query.status as never);
  else if (query.status?.length) q = q.where('handover_packages.status', 'in', query.status as never);
  if (query.cursor) {
    const [preparedAt, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) =>
      after(eb, ['handover_packages.prepared_at', 'handover_packages.id'], [preparedAt, id], 'desc'),
    );
  }
  const rows = await q
    .orderBy('handover_packages.prepared_at', 'desc')
    .orderBy('handover_packages.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.prepared_at.toISOString(), r.id], toPackage);
}
