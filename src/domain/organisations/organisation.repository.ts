import { type Kysely, sql } from 'kysely';
import { type FieldMap, membership } from '../../../policies/rules-to-sql.js';
import type { Database, OrganisationRow, WardSettings } from '../../db/database.js';

export interface Organisation {
  id: string;
  kind: 'ward' | 'company' | 'operator';
  name: string;
  nameKana: string | null;
  corporateNumber: string | null;
  address: string | null;
  settings: WardSettings;
  /** For a company, the wards it is known to; for a ward, the companies known to it. */
  linkedOrgIds: string[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
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
};

export function toOrganisation(row: OrganisationRow, linkedOrgIds: string[]): Organisation {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    nameKana: row.name_kana,
    corporateNumber: row.corporate_number,
    address: row.address,
    settings: row.settings,
    linkedOrgIds,
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
  return toOrganisation(
    row,
    links.map((l) => (l.ward_id === id ? l.company_id : l.ward_id)),
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
