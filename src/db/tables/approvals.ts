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
  /** 整理番号: R8-再委託-0003 / R8-委託-0001, per ward per fiscal year. */
  number: string;
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
  /** 条例の根拠: the article reported under (第14条第1項); null: the ward's setting. */
  ordinance_article: string | null;
  /** The kinds of outsourcing reported (電子計算機による処理委託, …). */
  outsourcing_kinds: ColumnType<string[], string[] | undefined, string[]>;
  /** 事業の概要: 目的, 対象者, 事業内容. */
  purpose: string | null;
  target_people: string | null;
  overview: string | null;
  /** 会議日, when the item is not on a scheduled meeting. */
  meeting_on: DateText | null;
  /** 選定方法 while the contractor is not chosen yet, and when the choice is expected. */
  contractor_selection: string | null;
  contractor_decision_note: string | null;
}

/** 一括契約の内訳: one part of a bundled contract, as the ward officer records it. */
export interface CouncilReportItemPartsTable {
  ward_id: string;
  item_id: string;
  position: number;
  name: string;
  handles_personal_info: boolean;
  /** 既承認: the council's earlier approval (平成9年度第1回本審議会にて了承済). */
  prior_approval: string | null;
  newly_added: boolean;
}

export interface RecordNumberCountersTable {
  ward_id: string;
  fiscal_year: number;
  kind: string;
  last: number;
}

export interface ApprovalTables {
  record_number_counters: RecordNumberCountersTable;
  approvals: ApprovalsTable;
  approval_steps: ApprovalStepsTable;
  subcontractor_suspensions: SubcontractorSuspensionsTable;
  council_meetings: CouncilMeetingsTable;
  council_report_items: CouncilReportItemsTable;
  council_report_item_parts: CouncilReportItemPartsTable;
}
