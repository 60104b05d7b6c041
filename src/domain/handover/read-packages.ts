import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { authorize } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { type ListSort, likePattern, sortedPage } from '../shared/sorted-list.js';
import { CUSTODY_STATE_NAMES } from './custody.workflow.js';
import {
  type Custody,
  findPackage,
  type HandoverPackage,
  loadCustodies,
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
  /** Words in the package's number or title. */
  q?: string;
  sort?: ListSort<PackageSortKey>;
  cursor?: string;
  limit: number;
}

export const PACKAGE_SORT_KEYS = ['number', 'title', 'preparedAt', 'status'] as const;
export type PackageSortKey = (typeof PACKAGE_SORT_KEYS)[number];

// the states' order in the workflow's list (the chain of custody), as two-digit text
const CUSTODY_ORDER = `case handover_packages.status ${Object.keys(CUSTODY_STATE_NAMES)
  .map((state, i) => `when '${state}' then '${String(i).padStart(2, '0')}'`)
  .join(' ')} else '99' end`;

const PACKAGE_SORT_COLUMNS: Record<PackageSortKey, string> = {
  number: 'handover_packages.number',
  title: 'handover_packages.title',
  preparedAt: `to_char(handover_packages.prepared_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
  // the order of the chain of custody, not the alphabet of the state names
  status: CUSTODY_ORDER,
};

/** The packages the actor may see, newest first; the rules become SQL, nothing is filtered here. */
export async function listPackages(ctx: UseCaseContext, query: PackageQuery): Promise<Page<HandoverPackage>> {
  let q = packageQuery(ctx.db).where((eb) =>
    accessibleBy(eb, ctx.ability, 'read', 'HandoverPackage', packageFields),
  );
  if (query.contractId) q = q.where('handover_packages.contract_id', '=', query.contractId);
  if (typeof query.status === 'string') q = q.where('handover_packages.status', '=', query.status as never);
  else if (query.status?.length) q = q.where('handover_packages.status', 'in', query.status as never);
  if (query.q) {
    const pattern = likePattern(query.q);
    q = q.where((eb) =>
      eb.or([
        eb('handover_packages.number', 'ilike', pattern),
        eb('handover_packages.title', 'ilike', pattern),
      ]),
    );
  }
  if (query.sort)
    return sortedPage(
      q,
      PACKAGE_SORT_COLUMNS,
      'handover_packages.id',
      query.sort,
      query.cursor,
      query.limit,
      toPackage,
    );
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

/** The packages of a page with their chains of custody (what allowedActions are asked from), in three statements. */
export async function withCustodies(
  ctx: UseCaseContext,
  pkgs: HandoverPackage[],
): Promise<Array<HandoverPackage & Custody>> {
  const custody = await loadCustodies(ctx.db, pkgs);
  return pkgs.map((p) => ({ ...p, ...custody.get(p.id)! }));
}
