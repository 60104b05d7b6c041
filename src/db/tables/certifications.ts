import type { Generated } from 'kysely';

/** プライバシーマーク, ISMS (ISO/IEC 27001), ISMAP registration of a cloud service. */
export type CertificationKind = 'privacy_mark' | 'isms' | 'ismap';

/** A company's certification (認証), owned by the company: a reference table. */
export interface CompanyCertificationsTable {
  id: Generated<string>;
  organisation_id: string;
  kind: CertificationKind;
  number: string;
  scope: string | null;
  issuer: string;
  /** YYYY-MM-DD (pg returns dates as text here). */
  valid_from: string | null;
  /** The last day it is valid, YYYY-MM-DD. */
  valid_until: string;
  attachment_id: string | null;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  updated_by: string | null;
  version: Generated<number>;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
}

export interface CertificationTables {
  company_certifications: CompanyCertificationsTable;
}
