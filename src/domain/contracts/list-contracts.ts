import { accessibleBy } from '../../../policies/rules-to-sql.js';
import type { UseCaseContext } from '../shared/context.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { type Contract, contractFields, toContract } from './contract.repository.js';

export interface ContractQuery {
  status?: Contract['status'];
  departmentId?: string;
  /** Words in the title (件名) or the contract number. */
  q?: string;
  /** Only contracts directly under this one (its sub-contracts). */
  parentContractId?: string;
  cursor?: string;
  limit: number;
}

/** Contracts the actor may read, newest first; the permission rules run inside the SQL. */
export async function listContracts(ctx: UseCaseContext, query: ContractQuery): Promise<Page<Contract>> {
  let q = ctx.db
    .selectFrom('contracts')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Contract', contractFields));
  if (query.status) q = q.where('status', '=', query.status);
  if (query.departmentId) q = q.where('department_id', '=', query.departmentId);
  if (query.parentContractId) q = q.where('parent_contract_id', '=', query.parentContractId);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('title', 'ilike', pattern), eb('contract_number', 'ilike', pattern)]));
  }
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) => after(eb, ['contracts.created_at', 'contracts.id'], [createdAt, id], 'desc'));
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.created_at.toISOString(), r.id], toContract);
}
