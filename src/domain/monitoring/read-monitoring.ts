import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { timeCursor } from '../inspections/read-inspections.js';
import { authorize } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { after, type Page, toPage } from '../shared/pagination.js';
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

/** Monitoring reports the actor may read, newest first. */
export async function listMonitoringReports(
  ctx: UseCaseContext,
  query: { contractId?: string; fiscalYear?: number; cursor?: string; limit: number },
): Promise<Page<MonitoringReport>> {
  let q = ctx.db
    .selectFrom('monitoring_reports')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'MonitoringReport', monitoringFields));
  if (query.contractId) q = q.where('contract_id', '=', query.contractId);
  if (query.fiscalYear !== undefined) q = q.where('fiscal_year', '=', query.fiscalYear);
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
