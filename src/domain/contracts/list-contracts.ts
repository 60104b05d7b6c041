import { type SelectQueryBuilder, sql } from 'kysely';
import { accessibleBy } from '../../../policies/rules-to-sql.js';
import type { Database } from '../../db/database.js';
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
  /** A column to sort by instead of newest first (the pages' sortable headings). */
  sort?: ContractSort;
  cursor?: string;
  limit: number;
}

export const CONTRACT_SORT_KEYS = ['title', 'contractNumber', 'periodFrom', 'periodTo', 'status'] as const;
export type ContractSortKey = (typeof CONTRACT_SORT_KEYS)[number];
export interface ContractSort {
  key: ContractSortKey;
  dir: 'asc' | 'desc';
}

// Each sortable column as an expression that is never null, so that (value, id) is a total order
// a cursor can continue from.
const SORT_COLUMNS: Record<ContractSortKey, string> = {
  title: 'contracts.title',
  contractNumber: "coalesce(contracts.contract_number, '')",
  periodFrom: "to_char(contracts.period_from, 'YYYY-MM-DD')",
  periodTo: "to_char(contracts.period_to, 'YYYY-MM-DD')",
  // the order of a contract's life, not the alphabet of its state names
  status:
    "case contracts.status when 'draft' then '1' when 'approved' then '2' when 'active' then '3' when 'ending' then '4' else '5' end",
};

// created_at comes from the database with microseconds (rows of one transaction even share it);
// a cursor cut to a JavaScript Date's milliseconds would skip rows within the same millisecond.
const createdKey = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
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
  if (query.sort) return listSorted(ctx, query, query.sort);
  const cursor = query.cursor ? readCursor(query.cursor) : null;
  if (ctx.actor.organisationKind === 'company') return listForCompany(ctx, query, cursor);

  let q = ctx.db
    .selectFrom('contracts')
    .selectAll()
    .select(createdKey('contracts.created_at').as('created_key'))
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Contract', contractFields));
  q = applyFilters(q, query);
  if (cursor) {
    q = q.where((eb) =>
      after(
        eb,
        ['contracts.created_at', 'contracts.id'],
        [sql`${cursor.createdAt}::timestamptz`, cursor.id],
        'desc',
      ),
    );
  }
  const rows = await q
    .orderBy('contracts.created_at', 'desc')
    .orderBy('contracts.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.created_key, r.id], toContract);
}

/**
 * A company reads its contracts in every ward through contract_readers (see its migration): one
 * index range over (org_id, created_at, contract_id) in list order, each contract then fetched by
 * its key and still held to the CASL rules and the filters. Read over contracts directly, the
 * rules' OR (contractor, or in the chain) made PostgreSQL fetch and sort every match, which grows
 * with the number of wards a national company works for.
 */
async function listForCompany(
  ctx: UseCaseContext,
  query: ContractQuery,
  cursor: { createdAt: string; id: string } | null,
): Promise<Page<Contract>> {
  let q = ctx.db
    .selectFrom('contract_readers as r')
    .innerJoinLateral(
      (eb) =>
        applyFilters(
          eb
            .selectFrom('contracts')
            .selectAll('contracts')
            .whereRef('contracts.ward_id', '=', 'r.ward_id')
            .whereRef('contracts.id', '=', 'r.contract_id')
            .where((inner) => accessibleBy(inner, ctx.ability, 'read', 'Contract', contractFields)),
          query,
        )
          // A fence: without it the planner flattens the subquery, misjudges how many rows the
          // rules keep, and hash-joins every contract instead of walking the reader index.
          .offset(0)
          .as('c'),
      (join) => join.onTrue(),
    )
    .selectAll('c')
    .select(createdKey('r.created_at').as('created_key'))
    .where('r.org_id', '=', ctx.actor.organisationId);
  if (cursor) {
    q = q.where((eb) =>
      after(
        eb,
        ['r.created_at', 'r.contract_id'],
        [sql`${cursor.createdAt}::timestamptz`, cursor.id],
        'desc',
      ),
    );
  }
  const rows = await q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.contract_id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.created_key, r.id], toContract);
}

/**
 * Sorted by a column (then by id), for every kind of viewer with the rules in the SQL. A cursor
 * carries the column it was made for, so one from another order is refused rather than misread.
 */
async function listSorted(
  ctx: UseCaseContext,
  query: ContractQuery,
  sort: ContractSort,
): Promise<Page<Contract>> {
  const column = sql<string>`${sql.raw(SORT_COLUMNS[sort.key])}`;
  let q = applyFilters(
    ctx.db
      .selectFrom('contracts')
      .selectAll()
      .select(column.as('sort_value'))
      .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Contract', contractFields)),
    query,
  );
  if (query.cursor) {
    const [key, value, id] = decodeCursor(query.cursor, 3);
    if (key !== `${sort.key}.${sort.dir}` || typeof value !== 'string' || !UUID.test(String(id))) {
      throw new ValidationError({ en: 'The cursor is not valid', ja: 'カーソルの値が正しくありません' }, [
        {
          path: 'cursor',
          message: 'not a cursor of this order',
          message_ja: 'この並び順のカーソルではありません',
        },
      ]);
    }
    const op = sql.raw(sort.dir === 'asc' ? '>' : '<');
    q = q.where(sql<boolean>`(${column}, contracts.id) ${op} (${value}, ${id}::uuid)`);
  }
  const dir = sort.dir === 'asc' ? sql`asc` : sql`desc`;
  const rows = await q
    .orderBy(sql`${column} ${dir}`)
    .orderBy(sql`contracts.id ${dir}`)
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [`${sort.key}.${sort.dir}`, r.sort_value, r.id], toContract);
}

function readCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = decodeCursor(cursor, 2);
  checkCursor(createdAt, id);
  return { createdAt: createdAt as string, id: id as string };
}

/** Both list paths filter a query whose scope holds contracts. */
function applyFilters<Q extends SelectQueryBuilder<any, any, any>>(q: Q, query: ContractQuery): Q {
  let f = q as SelectQueryBuilder<Database, 'contracts', unknown>;
  if (query.status) f = f.where('contracts.status', '=', query.status);
  if (query.departmentId) f = f.where('contracts.department_id', '=', query.departmentId);
  if (query.parentContractId) f = f.where('contracts.parent_contract_id', '=', query.parentContractId);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    f = f.where((eb) =>
      eb.or([eb('contracts.title', 'ilike', pattern), eb('contracts.contract_number', 'ilike', pattern)]),
    );
  }
  return f as unknown as Q;
}
