import type { ColumnType, Generated } from 'kysely';

// Table types of on-site inspections (実地検査), findings (指摘事項) and monitoring reports
// (業務委託モニタリング報告書).

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;
/** SQL date columns, read as 'YYYY-MM-DD' text. */
type DateText = ColumnType<string, string, string>;

export interface ChecklistTemplatesTable {
  ward_id: string;
  id: Generated<string>;
  key: string;
  version: number;
  definition: Json;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export type InspectionStatus = 'planned' | 'in_progress' | 'submitted' | 'signed_off' | 'cancelled';

export interface InspectionsTable {
  /** The machine (id, version) whose snapshot the row stores. */
  machine_id: string;
  machine_version: number;
  ward_id: string;
  id: Generated<string>;
  contract_id: string;
  organisation_id: string;
  template_key: string;
  template_version: number;
  purpose: 'privacy' | 'performance' | 'labour' | 'contracting';
  template: Json;
  applicability: Json;
  fiscal_year: number;
  planned_on: DateText;
  place: string | null;
  inspector_id: string;
  /** The company that inspects (the contractor, of its sub-contractor); null: the ward itself. */
  inspecting_org_id: string | null;
  assistant_ids: Generated<string[]>;
  status: InspectionStatus;
  chain: Generated<string[]>;
  step: Generated<number>;
  started_at: Date | null;
  submitted_at: Date | null;
  signed_off_at: Date | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string, never>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  version: Generated<number>;
}

export interface InspectionItemsTable {
  ward_id: string;
  inspection_id: string;
  item_key: string;
  position: number;
  result: 'ok' | 'ng' | 'na' | 'partial' | null;
  checked_on: DateText | null;
  observation: string | null;
  photo_ids: Generated<string[]>;
  remote_method: 'video' | 'photos' | null;
  recheck_on: DateText | null;
  recheck_result: 'ok' | 'ng' | null;
  recheck_note: string | null;
  recorded_by: string | null;
  recorded_at: Date | null;
  version: Generated<number>;
}

export type FindingStatus = 'open' | 'reported' | 'closed' | 'carried' | 'withdrawn';

export interface InspectionFindingsTable {
  /** The machine (id, version) whose snapshot the row stores. */
  machine_id: string;
  machine_version: number;
  ward_id: string;
  id: Generated<string>;
  inspection_id: string;
  item_key: string;
  organisation_id: string;
  status: FindingStatus;
  observation: string;
  due_on: DateText;
  improvement_report: string | null;
  improvement_attachment_ids: Generated<string[]>;
  reported_by: string | null;
  reported_at: Date | null;
  carried_reason: string | null;
  carried_by: string | null;
  closed_at: Date | null;
  created_at: ColumnType<Date, Date | string, never>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  version: Generated<number>;
}

export interface InspectionStepsTable {
  ward_id: string;
  inspection_id: string;
  seq: number;
  role: string;
  decision: 'start' | 'cancel' | 'submit' | 'approve' | 'send_back' | 'complete';
  comment: string | null;
  user_id: string | null;
  at: Date;
}

export interface MonitoringReportsTable {
  ward_id: string;
  id: Generated<string>;
  contract_id: string;
  organisation_id: string;
  fiscal_year: number;
  hearing_on: DateText;
  ratings: Json<Record<string, string>>;
  comments: Json<Record<string, string>>;
  overall: string | null;
  improvements: string | null;
  financials: Json | null;
  financial_grade: 'S' | 'A' | 'B' | 'C' | null;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string, never>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  version: Generated<number>;
}

export interface InspectionTables {
  checklist_templates: ChecklistTemplatesTable;
  inspections: InspectionsTable;
  inspection_items: InspectionItemsTable;
  inspection_findings: InspectionFindingsTable;
  inspection_steps: InspectionStepsTable;
  monitoring_reports: MonitoringReportsTable;
}
