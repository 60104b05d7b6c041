import type { ColumnType, Generated } from 'kysely';

// Encrypted media handover (受渡データ) and its chain of custody, erasure records (消去の記録) and
// certificates (消去証明書). See migrations/2026-11-22T0500-handover-erasure.ts.

type Json<T = unknown> = ColumnType<T, string | T, string | T>;
/** bigint: pg returns it as a string. */
type BigIntColumn = ColumnType<string, number | string, number | string>;

export type PackageStatus =
  | 'prepared'
  | 'media_handed_over'
  | 'password_handed_over'
  | 'stored_awaiting_password'
  | 'in_custody'
  | 'taken_out'
  | 'returned'
  | 'verified'
  | 'erased'
  | 'withdrawn';

export interface HandoverPackagesTable {
  /** The machine (id, version) whose snapshot the row stores. */
  machine_id: string;
  machine_version: number;
  ward_id: string;
  id: Generated<string>;
  /** 整理番号: R8-受渡-0012, per ward per fiscal year. */
  number: string;
  contract_id: string;
  recipient_org_id: string;
  title: string;
  items: Json;
  files: Json;
  ciphertext_sha256: string;
  ciphertext_bytes: BigIntColumn;
  jwe_alg: string;
  jwe_enc: string;
  pbes2_count: number;
  status: PackageStatus;
  storage_place: string | null;
  key_holder_handler_id: string | null;
  stored_at: Date | null;
  prepared_by: string;
  prepared_at: Date;
  updated_at: Date;
  version: Generated<number>;
}

export interface PackageHandoversTable {
  ward_id: string;
  id: Generated<string>;
  package_id: string;
  kind: 'media' | 'password_notice' | 'return';
  handed_at: Date;
  method: 'by_hand';
  giver_org_id: string;
  giver_user_id: string | null;
  giver_handler_id: string | null;
  giver_name: string;
  receiver_org_id: string;
  receiver_user_id: string | null;
  receiver_handler_id: string | null;
  receiver_name: string;
  identity_check: string;
  identity_note: string | null;
  contents: string;
  recorded_by: string;
  recorded_at: Date;
}

export type TakeOutStatus = 'requested' | 'approved' | 'refused' | 'out' | 'back' | 'returned';

export interface PackageTakeOutsTable {
  /** The machine (id, version) whose snapshot the row stores. */
  machine_id: string;
  machine_version: number;
  ward_id: string;
  id: Generated<string>;
  package_id: string;
  purpose: 'delivery' | 'return' | 'other';
  purpose_detail: string;
  contents: string;
  handler_id: string;
  status: TakeOutStatus;
  requested_by: string;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  out_at: Date | null;
  back_at: Date | null;
  back_check: string | null;
}

export interface PackageHashChecksTable {
  ward_id: string;
  id: Generated<string>;
  package_id: string;
  sha256: string;
  size_bytes: BigIntColumn;
  matches: boolean;
  checked_by: string;
  checked_at: Date;
}

export interface ErasureRecordsTable {
  /** The machine (id, version) whose snapshot the row stores. */
  machine_id: string;
  machine_version: number;
  ward_id: string;
  id: Generated<string>;
  contract_id: string;
  organisation_id: string;
  scope: 'no_longer_needed' | 'contract_end';
  status: 'recorded' | 'certified';
  items: Json;
  package_ids: string[];
  media: Json;
  devices: Json;
  paper: Json;
  methods: Json;
  erased_at: Date;
  performed_by_handler_id: string;
  witnesses: Json;
  evidence_attachment_ids: string[];
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
  updated_at: Date;
  version: Generated<number>;
}

export interface ErasureCertificatesTable {
  ward_id: string;
  id: Generated<string>;
  erasure_record_id: string;
  fiscal_year: number;
  serial: number;
  certificate_number: string;
  recipient_org_ids: string[];
  payload: Json;
  payload_sha256: string;
  jws: string;
  kid: string;
  issued_by: string;
  issued_at: Date;
}

/** The ciphertext of a just-prepared package, for its preparer to download for a short while. */
export interface PackageDownloadsTable {
  ward_id: string;
  package_id: string;
  prepared_by: string;
  jwe: string;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface HandoverTables {
  handover_packages: HandoverPackagesTable;
  package_handovers: PackageHandoversTable;
  package_take_outs: PackageTakeOutsTable;
  package_hash_checks: PackageHashChecksTable;
  erasure_records: ErasureRecordsTable;
  erasure_certificates: ErasureCertificatesTable;
  package_downloads: PackageDownloadsTable;
}
