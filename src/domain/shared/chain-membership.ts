import { type Kysely, sql } from 'kysely';
import { type FieldSql, membership } from '../../../policies/rules-to-sql.js';
import type { Database } from '../../db/database.js';

/**
 * `chainOrgIds` of a record that belongs to a contract: the organisations above that contract in
 * its chain (乙 above 丙), which supervise it (001 第7条3・5: the contractor answers for all its
 * sub-contractors do). In SQL an EXISTS over the contract row, so lists stay filtered in the query.
 * `contractRef` names the record's contract column, e.g. 'approvals.contract_id'.
 */
export function chainMembership(wardRef: string, contractRef: string): FieldSql {
  return membership((eb, orgId) =>
    eb.exists(
      eb
        .selectFrom('contracts as chain_c')
        .select(sql`1`.as('one'))
        .where(sql<boolean>`chain_c.ward_id = ${sql.ref(wardRef)}`)
        .where(sql<boolean>`chain_c.id = ${sql.ref(contractRef)}`)
        .where(sql<boolean>`${orgId}::uuid = any(chain_c.chain_org_ids)`),
    ),
  );
}

/** The same chain for one record read by id, so the in-memory check agrees with the SQL. */
export async function chainOf(db: Kysely<Database>, wardId: string, contractId: string): Promise<string[]> {
  const row = await db
    .selectFrom('contracts')
    .select('chain_org_ids')
    .where('ward_id', '=', wardId)
    .where('id', '=', contractId)
    .executeTakeFirst();
  return row?.chain_org_ids ?? [];
}
