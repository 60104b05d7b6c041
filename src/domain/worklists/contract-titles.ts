import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { contractFields } from '../contracts/contract.repository.js';
import type { UseCaseContext } from '../shared/context.js';

/**
 * Titles of the contracts among `ids` that the actor may read (the Contract rules in SQL), to show
 * beside reports and incidents; a contract the actor may not read stays unnamed.
 */
export async function contractTitles(ctx: UseCaseContext, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.db
    .selectFrom('contracts')
    .select(['id', 'title'])
    .where('id', 'in', unique)
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Contract', contractFields))
    .execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}
