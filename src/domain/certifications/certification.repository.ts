import { type Kysely, type Selectable, sql } from 'kysely';
import { type FieldMap, membership } from '../../../policies/rules-to-sql.js';
import type { Database } from '../../db/database.js';
import type { CertificationKind, CompanyCertificationsTable } from '../../db/tables/certifications.js';

export type { CertificationKind };

/** プライバシーマーク, ISMS (ISO/IEC 27001), ISMAP (a cloud service's registration). */
export const CERTIFICATION_KINDS = [
  'privacy_mark',
  'isms',
  'ismap',
] as const satisfies readonly CertificationKind[];

/** A company's certification (認証) as the API and pages read it. */
export interface Certification {
  id: string;
  /** The certified company. */
  organisationId: string;
  kind: CertificationKind;
  /** 登録番号 / 認証番号 */
  number: string;
  /** 適用範囲 (ISMS's scope, an ISMAP service's name); null where the whole company is certified. */
  scope: string | null;
  /** 付与機関 / 認証機関 (JIPDEC, a certification body, ISMAP運営委員会). */
  issuer: string;
  validFrom: string | null;
  /** The last day it is valid (有効期限). */
  validUntil: string;
  /** The certificate's copy (登録証・認証書の写し). */
  attachmentId: string | null;
  /** The wards the company is known to (ward_companies): whose staff read it. */
  wardIds: string[];
  createdAt: Date;
  createdBy: string | null;
  updatedAt: Date;
  version: number;
  withdrawnAt: Date | null;
}

/** How the policies' CompanyCertification fields read in SQL. */
export const certificationFields: FieldMap = {
  organisationId: 'company_certifications.organisation_id',
  wardIds: membership((eb, value) =>
    eb.exists(
      eb
        .selectFrom('ward_companies as wc')
        .select(sql`1`.as('one'))
        .whereRef('wc.company_id', '=', 'company_certifications.organisation_id')
        .where('wc.ward_id', '=', value as string),
    ),
  ),
};

export function toCertification(
  row: Selectable<CompanyCertificationsTable>,
  wardIds: string[],
): Certification {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    kind: row.kind,
    number: row.number,
    scope: row.scope,
    issuer: row.issuer,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    attachmentId: row.attachment_id,
    wardIds,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    version: row.version,
    withdrawnAt: row.withdrawn_at,
  };
}

/** The wards a company is known to: what the ward side of the policy asks about. */
export async function companyWardIds(db: Kysely<Database>, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ward_companies')
    .select('ward_id')
    .where('company_id', '=', organisationId)
    .execute();
  return rows.map((r) => r.ward_id);
}

export async function findCertification(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<Certification | undefined> {
  let q = db.selectFrom('company_certifications').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toCertification(row, await companyWardIds(db, row.organisation_id));
}
