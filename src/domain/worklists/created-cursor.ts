import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { ValidationError } from '../shared/errors.js';
import { after, decodeCursor } from '../shared/pagination.js';

// Keyset cursors on (created_at, id), ascending or descending. created_at comes from the database with
// microseconds (rows of one transaction even share it), so the cursor carries the full
// microsecond text rather than a JavaScript Date, which would skip rows within one millisecond.

const KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The sortable text of `<table>.created_at` (or another timestamp column), to select as a key. */
export function createdKey(table: string, column = 'created_at') {
  return sql<string>`to_char(${sql.ref(`${table}.${column}`)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Rows after the cursor; a forged cursor is a 422 naming the field, never a database error. */
export function afterCreated(
  eb: ExpressionBuilder<any, any>,
  table: string,
  cursor: string,
  column = 'created_at',
  direction: 'asc' | 'desc' = 'asc',
): Expression<SqlBool> {
  const [key, id] = decodeCursor(cursor, 2);
  if (typeof key !== 'string' || !KEY.test(key) || Number.isNaN(Date.parse(key)) || !UUID.test(String(id))) {
    throw new ValidationError({ en: 'The cursor is not valid', ja: 'カーソルの値が正しくありません' }, [
      {
        path: 'cursor',
        message: 'not a cursor of this list',
        message_ja: 'この一覧のカーソルではありません',
      },
    ]);
  }
  return after(eb, [`${table}.${column}`, `${table}.id`], [sql`${key}::timestamptz`, id], direction);
}
