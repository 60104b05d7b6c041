import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { timeCursor } from '../inspections/read-inspections.js';
import { authorize } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { after, type Page, toPage } from '../shared/pagination.js';
import { type ListSort, likePattern, sortedPage } from '../shared/sorted-list.js';
import {
  findMonitoringReport,
  type MonitoringReport,
  monitoringFields,
  toMonitoringReport,
} from './monitoring.repository.js';

export async function getMonitoringReport(ctx: UseCaseContext, id: string): Promise<MonitoringReport> {
  const report = await findMonitoringReport(ctx.db, id);
  if (!report) throw notFound('Monitoring report', 'モニタリング報告書');
  authorize(ctx.ability, 'read', 'MonitoringReport', report);
  return report;
}

export const MONITORING_SORT_KEYS = ['hearingOn', 'fiscalYear', 'financialGrade', 'updatedAt'] as const;
export type MonitoringSortKey = (typeof MONITORING_SORT_KEYS)[number];

const SORT_COLUMNS: Record<MonitoringSortKey, string> = {
  hearingOn: "to_char(monitoring_reports.hearing_on, 'YYYY-MM-DD')",
  fiscalYear: "lpad(monitoring_reports.fiscal_year::text, 4, '0')",
  // S before A before B before C; reports without the financial sheet last
  financialGrade: "coalesce(translate(monitoring_reports.financial_grade, 'SABC', '0123'), '9')",
  updatedAt: `to_char(monitoring_reports.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
};

/** Monitoring reports the actor may read, newest first or by a column; the rules run in the SQL. */
export async function listMonitoringReports(
  ctx: UseCaseContext,
  query: {
    contractId?: string;
    fiscalYear?: number;
    /** Words in the title (件名) or number of the contract. */
    q?: string;
    sort?: ListSort<MonitoringSortKey>;
    cursor?: string;
    limit: number;
  },
): Promise<Page<MonitoringReport>> {
  let q = ctx.db
    .selectFrom('monitoring_reports')
    .selectAll('monitoring_reports')
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'MonitoringReport', monitoringFields));
  if (query.contractId) q = q.where('contract_id', '=', query.contractId);
  if (query.fiscalYear !== undefined) q = q.where('fiscal_year', '=', query.fiscalYear);
  if (query.q) {
    const pattern = likePattern(query.q);
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('contracts')
          .select(eb.lit(1).as('one'))
          .whereRef('contracts.ward_id', '=', 'monitoring_reports.ward_id')
          .whereRef('contracts.id', '=', 'monitoring_reports.contract_id')
          .where((c) =>
            c.or([c('contracts.title', 'ilike', pattern), c('contracts.contract_number', 'ilike', pattern)]),
          ),
      ),
    );
  }
  if (query.sort)
    return sortedPage(
      q,
      SORT_COLUMNS,
      'monitoring_reports.id',
      query.sort,
      query.cursor,
      query.limit,
      toMonitoringReport,
    );
  if (query.cursor) {
    const [createdAt, id] = timeCursor(query.cursor);
    q = q.where((eb) =>
      after(eb, ['monitoring_reports.created_at', 'monitoring_reports.id'], [createdAt, id], 'desc'),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.created_at.toISOString(), r.id], toMonitoringReport);
}
