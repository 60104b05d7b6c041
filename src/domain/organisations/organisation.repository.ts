import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { type FieldMap, membership } from '../../../policies/rules-to-sql.js';
import type { Database, OrganisationRow, WardSettings } from '../../db/database.js';
import type { MunicipalityKind } from './municipality-words.js';

export interface Organisation {
  id: string;
  kind: 'ward' | 'company' | 'operator';
  name: string;
  nameKana: string | null;
  corporateNumber: string | null;
  address: string | null;
  settings: WardSettings;
  /** A tenant's kind of municipality (特別区, 市, …); null for companies and the operator. */
  municipalityKind: MunicipalityKind | null;
  /** How the tenant speaks of itself (呼称: 区, 市, 町, 村, 組合, 連合); null for others. */
  selfWord: string | null;
  /** The tenant's council (個人情報保護審議会, …); null: none named. */
  councilName: string | null;
  /** The tenant's ordinance, the basis of its reports. */
  ordinanceName: string | null;
  /** Its head's title when not the kind's (区長, 市長, …, 管理者, 広域連合長); null: the kind's. */
  headTitle: string | null;
  /** The body its reports go to when not its council; null: the council (or none set). */
  reportBodyName: string | null;
  /** 代表者 as documents print it (代表取締役　山田 太郎); null: not recorded. */
  representative: string | null;
  /** For a company, the wards it is known to; for a ward, the companies known to it. */
  linkedOrgIds: string[];
  /**
   * For a company, the companies it works with: its sub-contractors (再委託先, any level below it)
   * and, once it has been given access, the companies above it in a chain. A company may name a
   * partner by id; any other company it knows only by its corporate number (法人番号).
   */
  partnerOrgIds: string[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/**
 * Whether `reader` works with `org` (see Organisation.partnerOrgIds): `org` is a sub-contractor
 * below `reader` in some chain, or `reader` was given access to a contract with `org` above it.
 */
function worksWith(org: Expression<string>, reader: Expression<string>) {
  return sql<SqlBool>`exists (
    select 1 from contracts c
    where (c.contractor_org_id = ${org} and c.chain_org_ids @> array[${reader}]::uuid[])
       or (c.contractor_org_id = ${reader} and c.contractor_access and c.chain_org_ids @> array[${org}]::uuid[])
  )`;
}

/** How the policies' Organisation fields read in SQL. */
export const organisationFields: FieldMap = {
  id: 'organisations.id',
  kind: 'organisations.kind',
  linkedOrgIds: membership((eb, value) =>
    eb.exists(
      eb
        .selectFrom('ward_companies as wc')
        .select(sql`1`.as('one'))
        .where((w) =>
          w.or([
            w.and([
              w('wc.ward_id', '=', w.ref('organisations.id')),
              w('wc.company_id', '=', value as string),
            ]),
            w.and([
              w('wc.company_id', '=', w.ref('organisations.id')),
              w('wc.ward_id', '=', value as string),
            ]),
          ]),
        ),
    ),
  ),
  partnerOrgIds: membership((eb, value) =>
    eb.and([
      eb('organisations.kind', '=', 'company'),
      worksWith(eb.ref('organisations.id'), sql`${value}::uuid`),
    ]),
  ),
};

export function toOrganisation(
  row: OrganisationRow,
  linkedOrgIds: string[],
  partnerOrgIds: string[] = [],
): Organisation {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    nameKana: row.name_kana,
    corporateNumber: row.corporate_number,
    address: row.address,
    settings: row.settings,
    municipalityKind: row.municipality_kind,
    selfWord: row.self_word,
    councilName: row.council_name,
    ordinanceName: row.ordinance_name,
    headTitle: row.head_title,
    reportBodyName: row.report_body_name,
    representative: row.representative,
    linkedOrgIds,
    partnerOrgIds,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export async function findOrganisation(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<Organisation | undefined> {
  let query = db.selectFrom('organisations').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const links = await db
    .selectFrom('ward_companies')
    .select(['ward_id', 'company_id'])
    .where((eb) => eb.or([eb('ward_id', '=', id), eb('company_id', '=', id)]))
    .execute();
  const partners =
    row.kind === 'company'
      ? await db
          .selectFrom('organisations as o')
          .select('o.id')
          .where('o.kind', '=', 'company')
          .where((eb) => worksWith(sql`${id}::uuid`, eb.ref('o.id')))
          .execute()
      : [];
  return toOrganisation(
    row,
    links.map((l) => (l.ward_id === id ? l.company_id : l.ward_id)),
    partners.map((p) => p.id),
  );
}

/** Makes a company known to a ward (idempotent). */
export async function linkCompanyToWard(
  db: Kysely<Database>,
  wardId: string,
  companyId: string,
): Promise<void> {
  await db
    .insertInto('ward_companies')
    .values({ ward_id: wardId, company_id: companyId })
    .onConflict((oc) => oc.columns(['ward_id', 'company_id']).doNothing())
    .execute();
}
