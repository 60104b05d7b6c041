import { type ExpressionBuilder, sql } from 'kysely';
import { accessibleBy } from '../../../policies/rules-to-sql.js';
import type { UseCaseContext } from '../shared/context.js';
import { likePattern } from '../shared/sorted-list.js';
import { contractFields } from './contract.repository.js';

/**
 * A list joined to `contracts` (erasure records, compliance reports, …) filtered by words in the
 * contract's title or number: only where the actor may read that contract, as the page shows its
 * title only then (a revoked sub-contract's records stay readable, its title does not), so the
 * filter tells nothing the page would not.
 */
export function contractWords(ctx: UseCaseContext, words: string) {
  const pattern = likePattern(words);
  // any list that joins `contracts` under that name
  return (eb: ExpressionBuilder<any, any>) =>
    eb.and([
      accessibleBy(eb, ctx.ability, 'read', 'Contract', contractFields),
      eb.or([eb('contracts.title', 'ilike', pattern), eb('contracts.contract_number', 'ilike', pattern)]),
    ]);
}

/**
 * The same for a list that does not join `contracts`: rows of `table` (with ward_id and
 * contract_id) whose contract the actor may read and whose title or number holds the words.
 */
export function ofContractWithWords(ctx: UseCaseContext, words: string, table: string) {
  return (eb: ExpressionBuilder<any, any>) =>
    eb.exists(
      eb
        .selectFrom('contracts')
        .select(sql`1`.as('one'))
        .whereRef('contracts.ward_id', '=', `${table}.ward_id`)
        .whereRef('contracts.id', '=', `${table}.contract_id`)
        .where(contractWords(ctx, words)),
    );
}
