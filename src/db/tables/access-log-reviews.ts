import type { ColumnType, Generated } from 'kysely';

/** SQL date columns, read as text (YYYY-MM-DD). */
type DateText = ColumnType<string, string, string>;

/** How often a My Number contract's access logs are reviewed (アクセスログの確認). */
export type AccessLogReviewInterval = 'monthly' | 'quarterly';

export interface ContractAccessLogReviewSettingsTable {
  ward_id: string;
  contract_id: string;
  review_interval: AccessLogReviewInterval;
  updated_by: string | null;
  updated_at: Date;
  version: Generated<number>;
}

export interface AccessLogReviewsTable {
  ward_id: string;
  id: Generated<string>;
  contract_id: string;
  organisation_id: string;
  period: string;
  period_from: DateText;
  period_to: DateText;
  due_on: DateText;
  status: string;
  machine_id: string;
  machine_version: number;
  reviewed_on: DateText | null;
  reviewer_name: string | null;
  logs_reviewed: string | null;
  anomalies_found: boolean | null;
  anomaly_description: string | null;
  action_taken: string | null;
  recorded_by: string | null;
  recorded_at: Date | null;
  return_comment: string | null;
  confirmed_by: string | null;
  confirmed_at: Date | null;
  confirm_comment: string | null;
  issued_at: Date;
  updated_at: Date;
  version: Generated<number>;
}

export interface AccessLogReviewTables {
  contract_access_log_review_settings: ContractAccessLogReviewSettingsTable;
  access_log_reviews: AccessLogReviewsTable;
}
