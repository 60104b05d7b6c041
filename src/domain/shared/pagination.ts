import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { ValidationError } from './errors.js';

// Keyset (cursor) pagination: stable under inserts and as fast on page 100 as on page 1.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export function encodeCursor(values: readonly (string | number | null)[]): string {
  return btoa(unescape(encodeURIComponent(JSON.stringify(values))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function decodeCursor(cursor: string, arity: number): (string | number | null)[] {
  try {
    const json = decodeURIComponent(escape(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))));
    const values = JSON.parse(json) as unknown;
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return values;
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError({ en: 'The cursor is not valid', ja: 'カーソルの値が正しくありません' }, [
    {
      path: 'cursor',
      message: 'not a cursor returned by this API',
      message_ja: 'このAPIが返したカーソルではありません',
    },
  ]);
}

/** `(col1, col2, …) > (v1, v2, …)` for ascending keyset order, `<` for descending. */
export function after(
  eb: ExpressionBuilder<any, any>,
  columns: string[],
  values: unknown[],
  direction: 'asc' | 'desc' = 'asc',
): Expression<SqlBool> {
  const refs = sql.join(columns.map((c) => eb.ref(c)));
  return sql<SqlBool>`(${refs}) ${sql.raw(direction === 'asc' ? '>' : '<')} (${sql.join(values)})`;
}

/** Cuts a fetched page of limit+1 rows and makes the cursor from the last row kept. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  key: (row: R) => (string | number | null)[],
  map: (row: R) => T,
): Page<T> {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return {
    items: kept.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null,
  };
}
