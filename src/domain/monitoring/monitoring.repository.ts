import type { Kysely, Selectable } from 'kysely';
import type { Grade } from '../../../forms/monitoring-report/monitoring-report.form.js';
import type { FieldMap } from '../../../policies/rules-to-sql.js';
import type { Database } from '../../db/database.js';
import type { MonitoringReportsTable } from '../../db/tables/inspections.js';
import type { FinancialFigures, FinancialRating } from './financial-rating.js';

/** 業務委託モニタリング報告書 of one organisation's contract, from one hearing (ヒアリング). */
export interface MonitoringReport {
  id: string;
  wardId: string;
  contractId: string;
  organisationId: string;
  fiscalYear: number;
  hearingOn: string;
  /** S/A/B/C per check item; the financial item (k1) comes from the financial checksheet. */
  ratings: Record<string, Grade>;
  /** 自由意見 per area. */
  comments: Partial<Record<'compliance' | 'service' | 'continuity', string>>;
  /** 総合的な評価 */
  overall: string | null;
  /** 今後改善につなげる事項など */
  improvements: string | null;
  financials: MonitoringFinancials | null;
  financialGrade: Grade | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export type FinancialUnit = 'million_yen' | 'thousand_yen' | 'yen';

/** 財務状況(安全性)チェックシート: the figures as entered and their rating. */
export interface MonitoringFinancials {
  unit: FinancialUnit;
  /** The statements the figures come from (最新の財務書類), e.g. 2025年3月期. */
  statementsOf: string | null;
  figures: FinancialFigures;
  rating: FinancialRating;
}

export const monitoringFields: FieldMap = {
  id: 'monitoring_reports.id',
  wardId: 'monitoring_reports.ward_id',
  organisationId: 'monitoring_reports.organisation_id',
};

export function toMonitoringReport(row: Selectable<MonitoringReportsTable>): MonitoringReport {
  return {
    id: row.id,
    wardId: row.ward_id,
    contractId: row.contract_id,
    organisationId: row.organisation_id,
    fiscalYear: row.fiscal_year,
    hearingOn: row.hearing_on,
    ratings: row.ratings as Record<string, Grade>,
    comments: row.comments as MonitoringReport['comments'],
    overall: row.overall,
    improvements: row.improvements,
    financials: row.financials as MonitoringFinancials | null,
    financialGrade: row.financial_grade,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export async function findMonitoringReport(db: Kysely<Database>, id: string, lock = false) {
  let q = db.selectFrom('monitoring_reports').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toMonitoringReport(row);
}
