import { sql } from 'kysely';
import { accessibleBy } from '../../../policies/rules-to-sql.js';
import type { UseCaseContext } from '../shared/context.js';
import { ValidationError } from '../shared/errors.js';
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

// created_at comes from the database with microseconds (rows of one transaction even share it);
// a cursor cut to a JavaScript Date's milliseconds would skip rows within the same millisecond.
const createdKey = sql<string>`to_char(contracts.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const CREATED_KEY = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A forged cursor must be a 422, not a database error over a malformed timestamp or uuid. */
function checkCursor(createdAt: unknown, id: unknown): void {
  const ms = typeof createdAt === 'string' ? CREATED_KEY.exec(createdAt)?.[1] : undefined;
  const valid =
    ms !== undefined && !Number.isNaN(Date.parse(`${ms}Z`)) && new Date(`${ms}Z`).toISOString() === `${ms}Z`;
  if (valid && UUID.test(String(id))) return;
  throw new ValidationError({ en: 'The cursor is not valid', ja: 'カーソルの値が正しくありません' }, [
    { path: 'cursor', message: 'not a cursor of this list', message_ja: 'この一覧のカーソルではありません' },
  ]);
}

/** Contracts the actor may read, newest first; the permission rules run inside the SQL. */
export async function listContracts(ctx: UseCaseContext, query: ContractQuery): Promise<Page<Contract>> {
  let q = ctx.db
    .selectFrom('contracts')
    .selectAll()
    .select(createdKey.as('created_key'))
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
    checkCursor(createdAt, id);
    q = q.where((eb) =>
      after(eb, ['contracts.created_at', 'contracts.id'], [sql`${createdAt}::timestamptz`, id], 'desc'),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.created_key, r.id], toContract);
}
