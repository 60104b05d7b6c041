import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;
type DateText = ColumnType<string, string, string>;

export type ApprovalKind = 'delegation' | 'subdelegation';
export type CouncilMode = 'none' | 'report' | 'consult';

export interface ApprovalsTable {
  /** The machine (id, version) whose snapshot the row stores. */
  machine_id: string;
  machine_version: number;
  ward_id: string;
  id: Generated<string>;
  kind: ApprovalKind;
  contract_id: string;
  parent_contract_id: string | null;
  applicant_org_id: string;
  status: string;
  chain: string[];
  step: Generated<number>;
  council_mode: CouncilMode;
  council_answer: Json | null;
  application: Json;
  register_revision: number;
  review_due_on: DateText | null;
  supersedes_id: string | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface ApprovalStepsTable {
  ward_id: string;
  approval_id: string;
  seq: number;
  role: string;
  decision: string;
  comment: string | null;
  user_id: string | null;
  at: Date;
}

export interface SubcontractorSuspensionsTable {
  ward_id: string;
  id: Generated<string>;
  company_id: string;
  reason: string;
  suspended_from: DateText;
  suspended_to: DateText | null;
  created_by: string | null;
  created_at: CreatedAt;
  version: Generated<number>;
  /** 解除: the day the suspension ends early (no longer in force from that day), and why. */
  lifted_on: DateText | null;
  lift_reason: string | null;
  lifted_by: string | null;
  lifted_at: Date | null;
}

export interface CouncilMeetingsTable {
  ward_id: string;
  id: Generated<string>;
  title: string;
  held_on: DateText;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface CouncilReportItemsTable {
  ward_id: string;
  id: Generated<string>;
  approval_id: string;
  meeting_id: string | null;
  kind: ApprovalKind;
  title: string;
  content: Json;
  created_at: Date;
  version: Generated<number>;
}

export interface ApprovalTables {
  approvals: ApprovalsTable;
  approval_steps: ApprovalStepsTable;
  subcontractor_suspensions: SubcontractorSuspensionsTable;
  council_meetings: CouncilMeetingsTable;
  council_report_items: CouncilReportItemsTable;
}
