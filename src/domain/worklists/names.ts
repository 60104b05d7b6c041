import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { departmentFields } from '../organisations/departments.js';
import { organisationFields } from '../organisations/organisation.repository.js';
import type { UseCaseContext } from '../shared/context.js';

// Names to show beside ids on pages. Only names the actor may read come back (the same rules as
// GET /organisations/{id}); a page shows an id it cannot name as such, never the hidden name.

/** Names of the organisations among `ids` that the actor may read. */
export async function organisationNames(ctx: UseCaseContext, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', 'in', unique)
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Organisation', organisationFields))
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Names of the departments (所管課) among `ids` that the actor may read. */
export async function departmentNames(ctx: UseCaseContext, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('id', 'in', unique)
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Department', departmentFields))
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
