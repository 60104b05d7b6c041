import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';

/** Every application table (not Kysely's migration bookkeeping), in dependency-safe name order. */
export async function applicationTables(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name`.execute(db);
  return rows.rows.map((r) => r.table_name);
}

/**
 * The ORDER BY of a table: its primary key, so that the same rows always come out in the same
 * order, however they are stored (a restore, an UPDATE or a VACUUM moves rows on disk). Text key
 * columns compare byte-wise (COLLATE "C"), so PGlite and a PostgreSQL server of another locale
 * agree. A table without a primary key is ordered by its whole row.
 */
export async function keyOrder(db: Kysely<Database>, table: string) {
  const rows = await sql<{ column_name: string; is_text: boolean }>`
    select a.attname as column_name, a.atttypid in ('text'::regtype, 'varchar'::regtype) as is_text
    from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = ${table}::regclass and i.indisprimary
    order by array_position(i.indkey::int2[], a.attnum)`.execute(db);
  if (!rows.rows.length) return sql`t::text collate "C"`;
  return sql.join(
    rows.rows.map((r) =>
      r.is_text ? sql`${sql.ref(`t.${r.column_name}`)} collate "C"` : sql.ref(`t.${r.column_name}`),
    ),
  );
}

/**
 * A fingerprint of every table: row count and a hash over the rows in a stable order. Two
 * databases with equal fingerprints hold the same records (used to prove a restore).
 */
export async function fingerprint(
  db: Kysely<Database>,
): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const table of await applicationTables(db)) {
    const r = await sql<{ n: string; h: string | null }>`
      select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.table(table)} t`.execute(
      db,
    );
    out[table] = { rows: Number(r.rows[0]!.n), md5: r.rows[0]!.h ?? '' };
  }
  return out;
}
