import type { ColumnType, Generated } from 'kysely';

type Json<T = unknown> = ColumnType<T, string | T, string | T>;
type DateText = ColumnType<string, string, string>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ComplianceReportsTable {
  /** The machine (id, version) whose snapshot the row stores. */
  machine_id: string;
  machine_version: number;
  ward_id: string;
  id: Generated<string>;
  contract_id: string;
  organisation_id: string;
  period: string;
  period_from: DateText;
  period_to: DateText;
  due_on: DateText;
  status: 'issued' | 'draft' | 'submitted' | 'returned' | 'received' | 'signed_off';
  answers: Json;
  prefill: Json;
  discrepancies: Json;
  chain: string[];
  step: Generated<number>;
  received_on: DateText | null;
  return_comment: string | null;
  submitted_by: string | null;
  submitted_at: Date | null;
  issued_at: Date;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface StepsTable {
  ward_id: string;
  seq: number;
  role: string;
  decision: string;
  comment: string | null;
  user_id: string | null;
  at: Date;
}

export interface IncidentsTable {
  /** The machine (id, version) whose snapshot the row stores. */
  machine_id: string;
  machine_version: number;
  ward_id: string;
  id: Generated<string>;
  contract_id: string;
  reporting_org_id: string;
  status: 'reported' | 'in_progress' | 'responded' | 'closed';
  information: string;
  record_count: number | null;
  location: string;
  circumstances: string;
  occurred_at: Date | null;
  discovered_at: Date;
  reported_at: Date;
  reported_by: string | null;
  ward_instructions: string | null;
  response: string | null;
  root_cause: string | null;
  prevention: string | null;
  published: Generated<boolean>;
  published_on: DateText | null;
  chain: string[];
  step: Generated<number>;
  closed_at: Date | null;
  /** 漏えい等報告: the answers that decide it (forms/breach-reporting) and the rules' version. */
  breach_answers: Json | null;
  breach_rules_version: string | null;
  breach_assessed_at: Date | null;
  breach_assessed_by: string | null;
  breach_report_required: Generated<boolean>;
  preliminary_report_due_on: DateText | null;
  final_report_due_on: DateText | null;
  preliminary_report_sent_on: DateText | null;
  final_report_sent_on: DateText | null;
  persons_notified_on: DateText | null;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface NotificationsTable {
  /** ward_id, or the nil uuid for none: the distribution column (docs/scale-out.md). */
  tenant_ward_id: string;
  id: Generated<string>;
  user_id: string;
  ward_id: string | null;
  kind: string;
  subject_type: string;
  subject_id: string;
  deadline_key: string;
  title: string;
  body: string;
  due_on: DateText | null;
  created_at: Date;
  read_at: Date | null;
  mailed_at: Date | null;
}

export interface ReportTables {
  compliance_reports: ComplianceReportsTable;
  compliance_report_steps: StepsTable & { report_id: string };
  incidents: IncidentsTable;
  incident_steps: StepsTable & { incident_id: string };
  notifications: NotificationsTable;
  job_runs: { job: string; last_run_at: Date };
  summary_exports: SummaryExportsTable;
}

/** 審議会向け集計のPDF, rendered in the background (see src/jobs/summary-exports.ts). */
export interface SummaryExportsTable {
  ward_id: string;
  id: Generated<string>;
  requested_by: string;
  fiscal_year: number;
  department_id: string | null;
  format: 'pdf';
  status: 'pending' | 'running' | 'ready' | 'failed';
  summary: Json;
  content: Uint8Array | null;
  size_bytes: number | null;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}
