import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { authorize } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import {
  findOrganisation,
  type Organisation,
  organisationFields,
  toOrganisation,
} from './organisation.repository.js';

export interface OrganisationQuery {
  kind?: 'ward' | 'company' | 'operator';
  /** A search: part of the name (or its kana), or the start of the corporate number (法人番号). */
  q?: string;
  cursor?: string;
  limit: number;
}

/** The organisations the actor may read, by name; the permission rules run inside the SQL. */
export async function listOrganisations(
  ctx: UseCaseContext,
  query: OrganisationQuery,
): Promise<Page<Omit<Organisation, 'linkedOrgIds' | 'partnerOrgIds'>>> {
  let q = ctx.db
    .selectFrom('organisations')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Organisation', organisationFields));
  if (query.kind) q = q.where('kind', '=', query.kind);
  const search = query.q?.normalize('NFKC').trim();
  if (search) {
    // LIKE's own characters are searched for as themselves
    const like = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const digits = search.replace(/[\s-]/g, '');
    q = q.where((eb) =>
      eb.or([
        eb('organisations.name', 'ilike', like),
        eb('organisations.name_kana', 'ilike', like),
        ...(/^\d+$/.test(digits) ? [eb('organisations.corporate_number', 'like', `${digits}%`)] : []),
      ]),
    );
  }
  if (query.cursor) {
    const [name, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) => after(eb, ['organisations.name', 'organisations.id'], [name, id]));
  }
  const rows = await q
    .orderBy('name')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  return toPage(
    rows,
    query.limit,
    (r) => [r.name, r.id],
    (r) => {
      const { linkedOrgIds: _links, partnerOrgIds: _partners, ...org } = toOrganisation(r, []);
      return org;
    },
  );
}

export async function getOrganisation(ctx: UseCaseContext, id: string): Promise<Organisation> {
  const org = await findOrganisation(ctx.db, id);
  if (!org) throw notFound('Organisation', '組織');
  authorize(ctx.ability, 'read', 'Organisation', org);
  return org;
}
