import type { ColumnType, Generated } from 'kysely';

/** SQL date columns, read as text (YYYY-MM-DD). */
type DateText = ColumnType<string, string, string>;

export type ReportRequestStatus = 'requested' | 'answered' | 'returned' | 'accepted' | 'withdrawn';

/** 報告の求め: a report asked of a company in a contract's chain by its contractor or the ward. */
export interface ReportRequestsTable {
  ward_id: string;
  id: Generated<string>;
  contract_id: string;
  requester_org_id: string;
  subject_org_id: string;
  status: ReportRequestStatus;
  machine_id: string;
  machine_version: number;
  topic: string;
  detail: string | null;
  due_on: DateText;
  answer_text: string | null;
  answer_attachment_ids: Generated<string[]>;
  answered_by: string | null;
  answered_at: Date | null;
  review_comment: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  requested_by: string;
  requested_at: Date;
  updated_at: Date;
  version: Generated<number>;
}

export interface SupervisionTables {
  report_requests: ReportRequestsTable;
}
