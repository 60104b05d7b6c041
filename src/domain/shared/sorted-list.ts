import { type SelectQueryBuilder, sql } from 'kysely';
import { ValidationError } from './errors.js';
import { decodeCursor, type Page, toPage } from './pagination.js';

// A list sorted by one of its columns (the pages' sortable headings), in SQL like the rules that
// filter it: each sortable column is an expression that is never null, so (value, id) is a total
// order a cursor continues from. The cursor names the order it was made for; one from another
// order (or forged) is a 422 rather than a misread page.

export interface ListSort<K extends string> {
  key: K;
  dir: 'asc' | 'desc';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function badCursor(): ValidationError {
  return new ValidationError({ en: 'The cursor is not valid', ja: 'カーソルの値が正しくありません' }, [
    {
      path: 'cursor',
      message: 'not a cursor of this order',
      message_ja: 'この並び順のカーソルではありません',
    },
  ]);
}

/**
 * One page of `q` (already holding the permission rules and filters) in the order of `columns[sort.key]`
 * (a SQL expression over the list's table, text, never null), then by `idColumn`.
 */
export async function sortedPage<K extends string, R extends { id: string }, T>(
  q: SelectQueryBuilder<any, any, R>,
  columns: Record<K, string>,
  idColumn: string,
  sort: ListSort<K>,
  cursor: string | undefined,
  limit: number,
  map: (row: R) => T,
): Promise<Page<T>> {
  const column = sql<string>`${sql.raw(columns[sort.key])}`;
  const id = sql.ref(idColumn);
  let query = q.select(column.as('sort_value')) as unknown as SelectQueryBuilder<
    any,
    any,
    R & { sort_value: string }
  >;
  if (cursor) {
    const [key, value, last] = decodeCursor(cursor, 3);
    if (key !== `${sort.key}.${sort.dir}` || typeof value !== 'string' || !UUID.test(String(last)))
      throw badCursor();
    const op = sql.raw(sort.dir === 'asc' ? '>' : '<');
    query = query.where(sql<boolean>`(${column}, ${id}) ${op} (${value}, ${last}::uuid)`);
  }
  const dir = sort.dir === 'asc' ? sql`asc` : sql`desc`;
  const rows = await query
    .orderBy(sql`${column} ${dir}`)
    .orderBy(sql`${id} ${dir}`)
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, (r) => [`${sort.key}.${sort.dir}`, r.sort_value, r.id], map);
}

/** `%words%` for ilike, with the pattern characters of the words taken literally. */
export function likePattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
