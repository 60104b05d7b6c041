import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { WITH_CONTRACTOR } from '../../../workflows/compliance-report/compliance-report.machine.js';
import { contractWords } from '../contracts/contract-words.js';
import { authorize } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { type ListSort, sortedPage } from '../shared/sorted-list.js';
import { readSignOff } from '../sign-off/read-sign-off.js';
import {
  type ComplianceReport,
  findReport,
  reportFields,
  reportQuery,
  toReport,
} from './report.repository.js';
import { reportWorkflow } from './report.workflow.js';
import { gatherFacts, prefillFrom } from './report-facts.js';

/** One report; while it is with the contractor, the prefill is computed from the records now. */
export async function getReport(ctx: UseCaseContext, id: string) {
  const report = await findReport(ctx.db, id);
  if (!report) throw notFound('Compliance report', '遵守状況報告書');
  authorize(ctx.ability, 'read', 'ComplianceReport', report);
  const open = WITH_CONTRACTOR.includes(report.status);
  const prefill = open ? prefillFrom(await gatherFacts(ctx.db as never, report)) : report.prefill;
  return {
    ...report,
    prefill,
    overdue: open && report.dueOn < toJapanDate(ctx.now()),
    ...(await readSignOff(ctx.db, reportWorkflow, report)),
  };
}

export const REPORT_SORT_KEYS = ['period', 'dueOn', 'status'] as const;
export type ReportSortKey = (typeof REPORT_SORT_KEYS)[number];

const REPORT_SORT_COLUMNS: Record<ReportSortKey, string> = {
  period: 'compliance_reports.period',
  dueOn: "to_char(compliance_reports.due_on, 'YYYY-MM-DD')",
  // the order of a report's life, not the alphabet of its state names
  status:
    "case compliance_reports.status when 'issued' then '1' when 'draft' then '2' when 'submitted' then '3' when 'returned' then '4' when 'received' then '5' else '6' end",
};

export interface ReportQuery {
  period?: string;
  status?: string;
  contractId?: string;
  overdue?: boolean;
  withDiscrepancies?: boolean;
  /** Words in the contract's title or number (where the actor may read the contract). */
  q?: string;
  sort?: ListSort<ReportSortKey>;
  cursor?: string;
  limit: number;
}

/** Reports the actor may read, by due date or by a column; the rules and filters run in the SQL. */
export async function listReports(
  ctx: UseCaseContext,
  query: ReportQuery,
): Promise<Page<ComplianceReport & { overdue: boolean }>> {
  const today = toJapanDate(ctx.now());
  let q = reportQuery(ctx.db).where((eb) =>
    accessibleBy(eb, ctx.ability, 'read', 'ComplianceReport', reportFields),
  );
  if (query.period) q = q.where('compliance_reports.period', '=', query.period);
  if (query.status) q = q.where('compliance_reports.status', '=', query.status as never);
  if (query.contractId) q = q.where('compliance_reports.contract_id', '=', query.contractId);
  if (query.overdue) {
    q = q
      .where('compliance_reports.status', 'in', [...WITH_CONTRACTOR])
      .where('compliance_reports.due_on', '<', today);
  }
  if (query.withDiscrepancies)
    q = q.where((eb) => eb(eb.fn('jsonb_array_length', ['compliance_reports.discrepancies']), '>', 0));
  if (query.q) q = q.where(contractWords(ctx, query.q));
  const withOverdue = (r: Parameters<typeof toReport>[0]) => {
    const report = toReport(r);
    return { ...report, overdue: WITH_CONTRACTOR.includes(report.status) && report.dueOn < today };
  };
  if (query.sort)
    return sortedPage(
      q,
      REPORT_SORT_COLUMNS,
      'compliance_reports.id',
      query.sort,
      query.cursor,
      query.limit,
      withOverdue,
    );
  if (query.cursor) {
    const [dueOn, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) => after(eb, ['compliance_reports.due_on', 'compliance_reports.id'], [dueOn, id]));
  }
  const rows = await q
    .orderBy('compliance_reports.due_on')
    .orderBy('compliance_reports.id')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.due_on, r.id], withOverdue);
}
