import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';

/** One contract of a chain: the root (委託) or a sub-contract below it (再委託, 再々委託). */
export interface ChainMember {
  id: string;
  parentContractId: string | null;
  contractorOrgId: string;
  status: string;
}

/**
 * The contract and every sub-contract below it, root first. The caller has checked that the root
 * may be read; its sub-contracts are part of what the municipality supervises under it.
 */
export async function contractChain(
  db: Kysely<Database>,
  wardId: string,
  rootId: string,
): Promise<ChainMember[]> {
  const { rows } = await sql<{
    id: string;
    parent_contract_id: string | null;
    contractor_org_id: string;
    status: string;
    depth: number;
  }>`
    with recursive chain as (
      select id, parent_contract_id, contractor_org_id, status, 0 as depth from contracts
        where ward_id = ${wardId} and id = ${rootId}
      union all
      select c.id, c.parent_contract_id, c.contractor_org_id, c.status, chain.depth + 1 from contracts c
        join chain on c.parent_contract_id = chain.id
        where c.ward_id = ${wardId}
    )
    select id, parent_contract_id, contractor_org_id, status, depth from chain order by depth, id
  `.execute(db);
  return rows.map((r) => ({
    id: r.id,
    parentContractId: r.parent_contract_id,
    contractorOrgId: r.contractor_org_id,
    status: r.status,
  }));
}
