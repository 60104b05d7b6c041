import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;
/** SQL date columns: pg returns them as Date at local midnight, so they are read as text (YYYY-MM-DD). */
type DateText = ColumnType<string, string, string>;

export interface Measures {
  /** 運用上の対策 */
  operational: string[];
  /** システム上の対策 */
  system: string[];
}

/** 契約解除: why, under which article, from which day, recorded by whom and when. */
export interface ContractTermination {
  reason: string;
  article: string;
  terminatedOn: string;
  recordedBy: string;
  recordedAt: string;
}

export interface ContractsTable {
  /** The machine (id, version) whose snapshot the row stores. */
  machine_id: string;
  machine_version: number;
  ward_id: string;
  id: Generated<string>;
  department_id: string;
  parent_contract_id: string | null;
  depth: Generated<number>;
  contractor_org_id: string;
  chain_org_ids: Generated<string[]>;
  contractor_access: Generated<boolean>;
  title: string;
  contract_number: string | null;
  contract_date: DateText | null;
  period_from: DateText;
  period_to: DateText;
  amount_yen: ColumnType<string | null, string | number | null, string | number | null>;
  place: string | null;
  handles_personal_info: boolean;
  processing_modes: Generated<string[]>;
  selection_method: string | null;
  required_certifications: Generated<string[]>;
  work_description: string | null;
  reason: string | null;
  ward_measures: Json<Measures>;
  contractor_measures: Json<Measures>;
  status: Generated<'draft' | 'approved' | 'active' | 'ending' | 'closed'>;
  /** The state a sub-contract had when it followed its parent into ending; resuming restores it. */
  followed_parent_from: 'approved' | 'active' | null;
  /** When the contract started (activation); null for one that never did. */
  started_at: Date | null;
  /** 契約解除: its grounds, recorded by the 課長 (migration 2026-12-08T2001). */
  termination: Json<ContractTermination | null>;
  predecessor_contract_id: string | null;
  renewal_count: Generated<number>;
  register_revision: Generated<number>;
  /** 既存記録の取込み: when and by which import the contract was brought in (migration 2026-12-09T1500). */
  imported_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  import_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

/** Access path for company contract lists, kept by triggers (migration 2026-12-06T0000). */
export interface ContractReadersTable {
  org_id: string;
  created_at: Date;
  contract_id: string;
  ward_id: string;
}

export interface RegisterRevisionsTable {
  ward_id: string;
  contract_id: string;
  revision: number;
  document: Json;
  changed_by: string | null;
  changed_at: Date;
  note: string | null;
  import_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DataItemCatalogueTable {
  id: Generated<string>;
  ward_id: string | null;
  code: string;
  name: string;
  name_en: string;
  special_category: 'belief' | 'social_status' | 'crime' | null;
  my_number: Generated<boolean>;
  source: string | null;
  created_at: CreatedAt;
}

export interface HandlersTable {
  id: Generated<string>;
  organisation_id: string;
  full_name: string;
  full_name_kana: string | null;
  job_title: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface HandlerPledgesTable {
  id: Generated<string>;
  handler_id: string;
  signed_on: DateText;
  attachment_id: string | null;
  recorded_by: string | null;
  recorded_at: Date;
  /** The wording (版) of the pledge signed (seed 004 5(1)③). */
  wording_version: string | null;
  binds_after_contract: Generated<boolean>;
  binds_after_leaving: Generated<boolean>;
}

export interface HandlerTrainingsTable {
  id: Generated<string>;
  handler_id: string;
  held_on: DateText;
  subject: string;
  recorded_by: string | null;
  recorded_at: Date;
}

export interface HandlerListSubmissionsTable {
  /** The machine (id, version) whose snapshot the row stores. */
  machine_id: string;
  machine_version: number;
  ward_id: string;
  id: Generated<string>;
  contract_id: string;
  organisation_id: string;
  status: 'submitted' | 'acknowledged' | 'returned';
  submitted_by: string | null;
  submitted_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  comment: string | null;
  version: Generated<number>;
  imported_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  import_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface HandlerListEntriesTable {
  ward_id: string;
  submission_id: string;
  handler_id: string;
  role: RosterRole;
  effective_from: DateText;
  effective_to: DateText | null;
  /** 業務: the task a 業務責任者 / 副業務責任者 (and optionally a 業務従事者) is placed on. */
  task: string | null;
  /** May handle 特定個人情報 (named staff of a My Number contract). */
  handles_my_number: Generated<boolean>;
}

/**
 * A person's role on the list: 取扱責任者 (responsible), 取扱者 (handler) and, as seed 004 names them,
 * 統括責任者 (general_manager), 業務責任者 (task_lead), 副業務責任者 (deputy_task_lead), 業務従事者 (worker).
 */
export type RosterRole =
  | 'responsible'
  | 'handler'
  | 'general_manager'
  | 'task_lead'
  | 'deputy_task_lead'
  | 'worker';

/** 既存記録の取込み: one file brought in (migration 2026-12-09T1500). */
export interface ImportsTable {
  ward_id: string;
  id: Generated<string>;
  kind: 'contracts' | 'register' | 'handlers' | 'approvals' | 'handovers';
  file_name: string;
  sha256: string;
  row_count: number;
  record_count: number;
  imported_by: string | null;
  imported_at: Date;
}

export type ImportedHistoryKind =
  | 'subcontract_approval'
  | 'media_handover'
  | 'password_handover'
  | 'return'
  | 'erasure';

/** 取込み（過去の記録）: a past approval or handover of a contract, as recorded (migration 2026-12-10T0200). */
export interface ImportedHistoryTable {
  ward_id: string;
  id: Generated<string>;
  import_id: string;
  contract_id: string;
  kind: ImportedHistoryKind;
  occurred_at: Date;
  source_row: number;
  /** The row's cells by the template's headings, as typed (dates normalised). */
  details: ColumnType<Record<string, string>, string, string>;
}

export interface ContractTables {
  imports: ImportsTable;
  imported_history: ImportedHistoryTable;
  contracts: ContractsTable;
  contract_readers: ContractReadersTable;
  register_revisions: RegisterRevisionsTable;
  data_item_catalogue: DataItemCatalogueTable;
  handlers: HandlersTable;
  handler_pledges: HandlerPledgesTable;
  handler_trainings: HandlerTrainingsTable;
  handler_list_submissions: HandlerListSubmissionsTable;
  handler_list_entries: HandlerListEntriesTable;
}
