import type { ColumnType, Generated } from 'kysely';
import type { StepsTable } from './reports.js';

/** SQL date columns, read as text (YYYY-MM-DD). */
type DateText = ColumnType<string, string, string>;

/** 業務日報・業務月報・業務年報, and 随時報告 (seed 004 4(4)②). */
export type OperationalReportKind = 'daily' | 'monthly' | 'yearly' | 'adhoc';
/** 随時報告の種類: トラブル, 緊急課題, 協議事項, 業務従事者交代. */
export type AdhocReportKind = 'trouble' | 'urgent' | 'consultation' | 'staff_change';

export interface ContractOperationalReportSettingsTable {
  ward_id: string;
  contract_id: string;
  required_kinds: OperationalReportKind[];
  updated_by: string | null;
  updated_at: Date;
  version: Generated<number>;
}

export interface OperationalReportsTable {
  ward_id: string;
  id: Generated<string>;
  contract_id: string;
  organisation_id: string;
  kind: OperationalReportKind;
  adhoc_kind: AdhocReportKind | null;
  period: string | null;
  period_from: DateText;
  period_to: DateText;
  due_on: DateText;
  status: string;
  machine_id: string;
  machine_version: number;
  receipt_only: boolean;
  chain: string[];
  step: Generated<number>;
  title: string | null;
  results: string | null;
  service_level: string | null;
  issues: string | null;
  body: string | null;
  submitted_at: Date | null;
  submitted_by: string | null;
  received_on: DateText | null;
  return_comment: string | null;
  issued_at: Date;
  updated_at: Date;
  version: Generated<number>;
}

/** 定例会議 (monthly, seed 004 3 and 4(5)). */
export interface RegularMeetingsTable {
  ward_id: string;
  id: Generated<string>;
  contract_id: string;
  organisation_id: string;
  held_on: DateText;
  attendees: string[];
  minutes: string;
  recorded_by: string;
  recorded_by_org_id: string;
  recorded_at: Date;
}

/** 改善勧告 (seed 004 6): the city's recommendation and the contractor's written answer. */
export interface ImprovementRecommendationsTable {
  ward_id: string;
  id: Generated<string>;
  contract_id: string;
  organisation_id: string;
  status: string;
  machine_id: string;
  machine_version: number;
  title: string;
  contents: string;
  due_on: DateText;
  measures: string | null;
  result: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  send_back_comment: string | null;
  closing_comment: string | null;
  closed_at: Date | null;
  recommended_by: string;
  recommended_at: Date;
  updated_at: Date;
  version: Generated<number>;
}

export interface OperationalReportTables {
  contract_operational_report_settings: ContractOperationalReportSettingsTable;
  operational_reports: OperationalReportsTable;
  operational_report_steps: StepsTable & { operational_report_id: string };
  regular_meetings: RegularMeetingsTable;
  improvement_recommendations: ImprovementRecommendationsTable;
}
