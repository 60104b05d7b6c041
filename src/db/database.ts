import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { MunicipalityKind } from '../domain/organisations/municipality-words.js';
import type { AccessLogReviewTables } from './tables/access-log-reviews.js';
import type { AnswerLinkTables } from './tables/answer-links.js';
import type { ApprovalTables } from './tables/approvals.js';
import type { AttachmentTables } from './tables/attachments.js';
import type { CertificationTables } from './tables/certifications.js';
import type { ContractReviewTables } from './tables/contract-reviews.js';
import type { ContractTables } from './tables/contracts.js';
import type { DeviceTables } from './tables/devices.js';
import type { HandoverTables } from './tables/handover.js';
import type { InspectionTables } from './tables/inspections.js';
import type { OperationalReportTables } from './tables/operational-reports.js';
import type { PriorApprovalTables } from './tables/prior-approvals.js';
import type { ProvisionTables } from './tables/provisions.js';
import type { ReportTables } from './tables/reports.js';
import type { SupervisionTables } from './tables/supervision.js';
import type { WebhookTables } from './tables/webhooks.js';

// Table types for Kysely. Columns are snake_case as in SQL; repositories map them to domain
// objects explicitly.

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string | T, string | T>;

/** 区・市 (tenants), companies (shared between wards), and the operator that runs the system. */
export type OrganisationKind = 'ward' | 'company' | 'operator';

export interface WardSettings {
  /** How many levels below the contractor may exist (1 = 再委託 only, 0 = none). */
  maxSubcontractDepth?: number;
  /** Internal sign-off chain (決裁), in order. */
  signOffChain?: Array<'ward_officer' | 'ward_chief' | 'ward_manager'>;
  /** Whether the ward's staff must sign in with a second factor (TOTP). */
  requireSecondFactor?: boolean;
  /** 特記事項: the template (forms/special-provisions) new contracts are made under. */
  provisionsTemplate?: string;
  /** 条例の根拠: the article council reports are made under (第14条第1項), unless an item names one. */
  councilReportArticle?: string;
}

export interface OrganisationsTable {
  id: Generated<string>;
  kind: OrganisationKind;
  name: string;
  name_kana: string | null;
  corporate_number: string | null;
  address: string | null;
  settings: Json<WardSettings>;
  /** A tenant's kind of municipality (special_ward, city, …); null for companies and the operator. */
  municipality_kind: MunicipalityKind | null;
  /** How the tenant speaks of itself (呼称: 区, 市, 町, 村, 組合, 連合). */
  self_word: string | null;
  /** Its council's name (個人情報保護審議会, …); null: none named. */
  council_name: string | null;
  /** Its ordinance's name, the basis of its reports. */
  ordinance_name: string | null;
  /** Its head's title when not the kind's (区長, 市長, …; 管理者, 広域連合長); null: the kind's. */
  head_title: string | null;
  /** The body its reports go to when not its council (情報公開・個人情報保護審査会); null: the council. */
  report_body_name: string | null;
  /** 代表者: title and name as documents print it (代表取締役　山田 太郎); null: not recorded. */
  representative: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface WardCompaniesTable {
  ward_id: string;
  company_id: string;
  linked_at: UpdatedAt;
}

export interface DepartmentsTable {
  ward_id: string;
  id: Generated<string>;
  name: string;
  code: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface UsersTable {
  id: Generated<string>;
  organisation_id: string;
  ward_id: string | null;
  department_id: string | null;
  email: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  disabled_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  refresh_hash: string;
  csrf_token: string;
  created_at: Timestamp;
  refreshed_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  user_agent: string | null;
  ip: string | null;
  /** Opened with the second factor. */
  second_factor: Generated<boolean>;
  /** The primary's WAL position after this session's last write (pg_lsn as 'X/Y'); read replicas only. */
  written_lsn: string | null;
}

export interface SecondFactorsTable {
  user_id: string;
  secret: string;
  confirmed_at: Timestamp | null;
  last_used_step: ColumnType<string | null, string | number | null, string | number | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface SignInChallengesTable {
  id: string;
  user_id: string;
  secret_hash: string;
  purpose: 'verify' | 'enrol';
  email: string;
  attempt_id: ColumnType<string, string | number, string | number>;
  attempts: Generated<number>;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SignInAttemptsTable {
  id: Generated<string>;
  email: string;
  ip: string | null;
  succeeded: boolean;
  at: Timestamp;
}

export interface SigningKeysTable {
  kid: string;
  alg: string;
  private_jwk: Json<Record<string, unknown>>;
  public_jwk: Json<Record<string, unknown>>;
  created_at: CreatedAt;
  retired_at: Timestamp | null;
}

/** The ward a row belongs to, or NIL_WARD_ID for none: the distribution column (docs/scale-out.md). */
type TenantWardId = string;

export interface AuditHeadsTable {
  tenant_ward_id: TenantWardId;
  chain_key: string;
  last_seq: ColumnType<string, string | number, string | number>;
  last_hash: string;
}

export interface AuditEntriesTable {
  tenant_ward_id: TenantWardId;
  chain_key: string;
  seq: ColumnType<string, string | number, never>;
  ward_id: string | null;
  at: Timestamp;
  actor_user_id: string | null;
  actor_org_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  before: Json | null;
  after: Json | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface Database
  extends AttachmentTables,
    CertificationTables,
    AnswerLinkTables,
    ContractTables,
    ApprovalTables,
    InspectionTables,
    HandoverTables,
    ProvisionTables,
    ReportTables,
    PriorApprovalTables,
    OperationalReportTables,
    AccessLogReviewTables,
    ContractReviewTables,
    DeviceTables,
    SupervisionTables,
    WebhookTables {
  organisations: OrganisationsTable;
  ward_companies: WardCompaniesTable;
  departments: DepartmentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  second_factors: SecondFactorsTable;
  recovery_codes: RecoveryCodesTable;
  sign_in_challenges: SignInChallengesTable;
  signing_keys: SigningKeysTable;
  audit_heads: AuditHeadsTable;
  audit_entries: AuditEntriesTable;
}

export type OrganisationRow = Selectable<OrganisationsTable>;
export type NewOrganisationRow = Insertable<OrganisationsTable>;
export type OrganisationUpdate = Updateable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type AuditEntryRow = Selectable<AuditEntriesTable>;
