import { sql } from 'kysely';
import { accessibleBy } from '../../../policies/rules-to-sql.js';
import type { InspectionStatus } from '../../db/tables/inspections.js';
import { authorize } from '../shared/authorize.js';
import { chainOf } from '../shared/chain-membership.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound, ValidationError } from '../shared/errors.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { type ListSort, likePattern, sortedPage } from '../shared/sorted-list.js';
import { readSignOff } from '../sign-off/read-sign-off.js';
import { type Finding, findFindings, findingFields, toFinding } from './finding.repository.js';
import {
  findInspection,
  findItems,
  type Inspection,
  inspectionFields,
  toInspection,
} from './inspection.repository.js';
import { inspectionWorkflow } from './inspection.workflow.js';
import { inspectionView } from './inspection-view.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A (created_at, id) cursor; a forged one is a 422, never a database error. */
export function timeCursor(cursor: string): [string, string] {
  const [at, id] = decodeCursor(cursor, 2);
  if (
    typeof at === 'string' &&
    ISO.test(at) &&
    !Number.isNaN(Date.parse(at)) &&
    new Date(at).toISOString() === at &&
    typeof id === 'string' &&
    UUID.test(id)
  )
    return [at, id];
  throw new ValidationError({ en: 'The cursor is not valid', ja: 'カーソルの値が正しくありません' }, [
    { path: 'cursor', message: 'not a cursor of this list', message_ja: 'この一覧のカーソルではありません' },
  ]);
}

/** One inspection with its items (answers beside the template), findings and steps. */
export async function getInspection(ctx: UseCaseContext, id: string) {
  const inspection = await findInspection(ctx.db, id);
  if (!inspection) throw notFound('Inspection', '実地検査');
  const chainOrgIds = await chainOf(ctx.db, inspection.wardId, inspection.contractId);
  authorize(ctx.ability, 'read', 'Inspection', { ...inspection, chainOrgIds });
  const [items, findings, signOff] = await Promise.all([
    findItems(ctx.db, inspection.wardId, id),
    findFindings(ctx.db, inspection.wardId, id),
    readSignOff(ctx.db, inspectionWorkflow, inspection),
  ]);
  return { inspection, items, findings, ...signOff, ...inspectionView(inspection, items, findings) };
}

export interface InspectionQuery {
  contractId?: string;
  organisationId?: string;
  status?: InspectionStatus;
  fiscalYear?: number;
  /** The ward's own inspections, or contractors' inspections of their sub-contractors. */
  inspectedBy?: 'ward' | 'company';
  /** Words in the inspected organisation's name, the place or the template's title. */
  q?: string;
  sort?: ListSort<InspectionSortKey>;
  cursor?: string;
  limit: number;
}

export const INSPECTION_SORT_KEYS = ['plannedOn', 'status', 'template'] as const;
export type InspectionSortKey = (typeof INSPECTION_SORT_KEYS)[number];

const INSPECTION_SORT_COLUMNS: Record<InspectionSortKey, string> = {
  plannedOn: "to_char(inspections.planned_on, 'YYYY-MM-DD')",
  // the order of an inspection's life, not the alphabet of its state names
  status:
    "case inspections.status when 'planned' then '1' when 'in_progress' then '2' when 'submitted' then '3' when 'signed_off' then '4' else '5' end",
  template: "coalesce(inspections.template->>'title', '')",
};

/** Inspections the actor may read, newest first; the rules run inside the SQL. */
export async function listInspections(
  ctx: UseCaseContext,
  query: InspectionQuery,
): Promise<Page<Inspection>> {
  let q = ctx.db
    .selectFrom('inspections')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Inspection', inspectionFields));
  if (query.contractId) q = q.where('contract_id', '=', query.contractId);
  if (query.organisationId) q = q.where('organisation_id', '=', query.organisationId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.fiscalYear !== undefined) q = q.where('fiscal_year', '=', query.fiscalYear);
  if (query.inspectedBy)
    q = q.where('inspecting_org_id', query.inspectedBy === 'ward' ? 'is' : 'is not', null);
  if (query.q) {
    const pattern = likePattern(query.q);
    q = q.where((eb) =>
      eb.or([
        eb('inspections.place', 'ilike', pattern),
        eb(sql`inspections.template->>'title'`, 'ilike', pattern),
        eb.exists(
          eb
            .selectFrom('organisations')
            .select(eb.lit(1).as('one'))
            .whereRef('organisations.id', '=', 'inspections.organisation_id')
            .where('organisations.name', 'ilike', pattern),
        ),
      ]),
    );
  }
  if (query.sort)
    return sortedPage(
      q,
      INSPECTION_SORT_COLUMNS,
      'inspections.id',
      query.sort,
      query.cursor,
      query.limit,
      toInspection,
    );
  if (query.cursor) {
    const [createdAt, id] = timeCursor(query.cursor);
    q = q.where((eb) => after(eb, ['inspections.created_at', 'inspections.id'], [createdAt, id], 'desc'));
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.created_at.toISOString(), r.id], toInspection);
}

export interface FindingQuery {
  status?: Finding['status'];
  inspectionId?: string;
  /** Only findings waiting for improvement past their deadline (as of `today`). */
  overdueOn?: string;
  cursor?: string;
  limit: number;
}

/** Findings the actor may read (a company: its own), newest first. */
export async function listFindings(ctx: UseCaseContext, query: FindingQuery): Promise<Page<Finding>> {
  let q = ctx.db
    .selectFrom('inspection_findings')
    .selectAll()
    .where('status', '<>', 'withdrawn')
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Finding', findingFields));
  if (query.status) q = q.where('status', '=', query.status);
  if (query.inspectionId) q = q.where('inspection_id', '=', query.inspectionId);
  if (query.overdueOn) q = q.where('status', '=', 'open').where('due_on', '<', query.overdueOn);
  if (query.cursor) {
    const [createdAt, id] = timeCursor(query.cursor);
    q = q.where((eb) =>
      after(eb, ['inspection_findings.created_at', 'inspection_findings.id'], [createdAt, id], 'desc'),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.created_at.toISOString(), r.id], toFinding);
}
