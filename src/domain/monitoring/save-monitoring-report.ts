import { checkRatings, type Grade } from '../../../forms/monitoring-report/monitoring-report.form.js';
import { resolveInspectedParty } from '../inspections/inspected-party.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound, ValidationError } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';
import { fiscalYearOf } from '../shared/wareki.js';
import { type FinancialFigures, rateFinancials } from './financial-rating.js';
import {
  type FinancialUnit,
  findMonitoringReport,
  type MonitoringFinancials,
  type MonitoringReport,
} from './monitoring.repository.js';

export interface MonitoringContent {
  hearingOn: string;
  ratings?: Record<string, Grade>;
  comments?: MonitoringReport['comments'];
  overall?: string | null;
  improvements?: string | null;
  financials?: (FinancialFigures & { unit: FinancialUnit; statementsOf?: string | null }) | null;
}

/** The stored form of the content: ratings checked, the financial item rated by the seed's table. */
function prepare(input: MonitoringContent) {
  const ratings = { ...(input.ratings ?? {}) };
  const errors = checkRatings(ratings);
  if (errors.length)
    throw new ValidationError({ en: 'The ratings are not valid', ja: '評価の入力に誤りがあります' }, errors);
  let financials: MonitoringFinancials | null = null;
  if (input.financials) {
    const { unit, statementsOf, ...figures } = input.financials;
    financials = { unit, statementsOf: statementsOf ?? null, figures, rating: rateFinancials(figures) };
    ratings.k1 = financials.rating.grade;
  }
  return {
    hearing_on: input.hearingOn,
    fiscal_year: fiscalYearOf(input.hearingOn),
    ratings: JSON.stringify(ratings),
    comments: JSON.stringify(input.comments ?? {}),
    overall: input.overall?.trim() || null,
    improvements: input.improvements?.trim() || null,
    financials: financials ? JSON.stringify(financials) : null,
    financial_grade: financials?.rating.grade ?? null,
  };
}

/** Records a monitoring report (モニタリング報告書) of the contractor or a sub-contractor. */
export async function createMonitoringReport(
  ctx: UseCaseContext,
  input: MonitoringContent & { contractId: string; organisationId?: string },
): Promise<MonitoringReport> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const { contract } = await resolveInspectedParty(ctx, tx, input.contractId, input.organisationId);
    authorize(ctx.ability, 'create', 'MonitoringReport', {
      wardId: contract.wardId,
      organisationId: contract.contractorOrgId,
    });
    const now = ctx.now();
    const row = await tx
      .insertInto('monitoring_reports')
      .values({
        ward_id: contract.wardId,
        contract_id: contract.id,
        organisation_id: contract.contractorOrgId,
        ...prepare(input),
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const report = (await findMonitoringReport(tx, row.id))!;
    await audit({
      wardId: report.wardId,
      action: 'monitoring_report.create',
      subjectType: 'MonitoringReport',
      subjectId: report.id,
      before: null,
      after: {
        contractId: report.contractId,
        organisationId: report.organisationId,
        ratings: report.ratings,
        financialGrade: report.financialGrade,
      },
    });
    return report;
  });
}

/** Replaces the content of a monitoring report, against the version read. */
export async function updateMonitoringReport(
  ctx: UseCaseContext,
  id: string,
  input: MonitoringContent,
  expectedVersion: number,
): Promise<MonitoringReport> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const before = await findMonitoringReport(tx, id, true);
    if (!before) throw notFound('Monitoring report', 'モニタリング報告書');
    authorize(ctx.ability, 'update', 'MonitoringReport', before);
    checkVersion('モニタリング報告書 / Monitoring report', expectedVersion, before.version);
    await tx
      .updateTable('monitoring_reports')
      .set({ ...prepare(input), updated_at: ctx.now(), version: before.version + 1 })
      .where('ward_id', '=', before.wardId)
      .where('id', '=', id)
      .execute();
    const after = (await findMonitoringReport(tx, id))!;
    await audit({
      wardId: before.wardId,
      action: 'monitoring_report.update',
      subjectType: 'MonitoringReport',
      subjectId: id,
      before: { ratings: before.ratings, financialGrade: before.financialGrade, version: before.version },
      after: { ratings: after.ratings, financialGrade: after.financialGrade, version: after.version },
    });
    return after;
  });
}
