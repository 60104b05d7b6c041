import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/create-database.js';
import { openTestDatabase } from '../helpers/test-database.js';

// Readiness for a PostgreSQL that shards by tenant (Citus): read the migrated schema from
// pg_catalog and refuse any key a sharded database could not enforce on one shard. Every table
// is either tenant-owned (distributed by the ward) or named below as a reference table (one copy
// on every node) with the reason. docs/scale-out.md is the plan these rules serve.

/** Tables every ward shares, copied whole to every node. Keep docs/scale-out.md in step. */
const REFERENCE_TABLES: Record<string, string> = {
  organisations: 'wards and companies themselves: every tenant table points at them',
  ward_companies:
    'which companies a ward knows; read to build a company user’s permissions before any ward is chosen',
  departments:
    'a ward’s few departments; users (a reference table) point at them, and a reference table may only point at reference tables',
  users: 'people sign in by e-mail before any ward is known, and company staff work for many wards',
  sessions: 'belong to a user, looked up by id on every request',
  sign_in_attempts: 'throttling by e-mail and address, before any user or ward is known',
  sign_in_challenges: 'second-factor challenges of a user',
  second_factors: 'belong to a user',
  recovery_codes: 'belong to a user',
  signing_keys: 'the keys that sign every token and package',
  job_runs: 'the scheduler’s own bookkeeping',
  kysely_migration: 'the migrator’s own bookkeeping',
  kysely_migration_lock: 'the migrator’s own bookkeeping',
  data_item_catalogue:
    'the standard data items (ward_id null) every ward picks from, and the few a ward adds',
  handlers:
    'people kept by their own company across every ward it works for; a ward names them per contract in handler_list_entries',
  handler_pledges: 'a handler’s pledges (誓約書), owned with the handler by the company',
  handler_trainings: 'a handler’s training (研修), owned with the handler by the company',
  attachments:
    'evidence metadata owned by the uploading organisation; company files (ward_id null, e.g. pledges) have no ward',
  company_certifications:
    'a company’s certifications (Pマーク, ISMS, ISMAP), owned by the company and read by every ward it contracts with, like organisations',
  attachment_blobs:
    'the bytes of attachments; leave the database for an object store (AttachmentStore) before distribution',
};

/**
 * Tenant-owned tables whose rows may belong to no ward (ward_id null, e.g. the global audit
 * chain): they carry tenant_ward_id, the ward or the nil uuid, as their distribution column.
 */
const NIL_WARD_TABLES = ['audit_heads', 'audit_entries', 'notifications'];

function distributionColumn(table: string): string {
  return NIL_WARD_TABLES.includes(table) ? 'tenant_ward_id' : 'ward_id';
}

interface Constraint {
  table: string;
  name: string;
  type: 'p' | 'u' | 'f';
  columns: string[];
  foreignTable: string | null;
  foreignColumns: string[];
}

interface UniqueIndex {
  table: string;
  name: string;
  /** Key columns by name; '' where the key is an expression. */
  columns: string[];
}

let handle: DatabaseHandle;
let tables: Map<string, Set<string>>;
let constraints: Constraint[];
let uniqueIndexes: UniqueIndex[];

const names = (list: string | null) => (list ? list.split(',') : []);

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  const columnRows = await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where n.nspname = 'public' and c.relkind in ('r', 'p')`.execute(db);
  tables = new Map();
  for (const r of columnRows.rows) {
    if (!tables.has(r.table)) tables.set(r.table, new Set());
    tables.get(r.table)!.add(r.column);
  }
  // Column lists in key order, joined with commas: plain text reads alike from pg and PGlite.
  const constraintRows = await sql<{
    table: string;
    name: string;
    type: 'p' | 'u' | 'f';
    columns: string | null;
    foreign_table: string | null;
    foreign_columns: string | null;
  }>`
    select c.relname as table, con.conname as name, con.contype::text as type,
      (select string_agg(a.attname::text, ',' order by k.o)
         from unnest(con.conkey) with ordinality k(n, o)
         join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n) as columns,
      f.relname as foreign_table,
      (select string_agg(a.attname::text, ',' order by k.o)
         from unnest(con.confkey) with ordinality k(n, o)
         join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n) as foreign_columns
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_class f on f.oid = con.confrelid
     where n.nspname = 'public' and con.contype in ('p', 'u', 'f')`.execute(db);
  constraints = constraintRows.rows.map((r) => ({
    table: r.table,
    name: r.name,
    type: r.type,
    columns: names(r.columns),
    foreignTable: r.foreign_table,
    foreignColumns: names(r.foreign_columns),
  }));
  // Unique indexes that no constraint owns (partial and expression ones among them).
  const indexRows = await sql<{ table: string; name: string; columns: string | null }>`
    select c.relname as table, ic.relname as name,
      (select string_agg(coalesce(a.attname::text, ''), ',' order by k.o)
         from unnest(i.indkey::int2[]) with ordinality k(n, o)
         left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.n
        where k.o <= i.indnkeyatts) as columns
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_class ic on ic.oid = i.indexrelid
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and i.indisunique
       and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid)`.execute(
    db,
  );
  uniqueIndexes = indexRows.rows.map((r) => ({ table: r.table, name: r.name, columns: names(r.columns) }));
});
afterAll(() => handle?.close());

const isReference = (table: string) => table in REFERENCE_TABLES;

describe('every table can be sharded by its ward or copied to every node', () => {
  it('the lists name only tables that exist', () => {
    const unknown = [...Object.keys(REFERENCE_TABLES), ...NIL_WARD_TABLES].filter((t) => !tables.has(t));
    expect(unknown).toEqual([]);
  });

  it('every table that is not a reference table has its distribution column', () => {
    const offenders = [...tables.keys()]
      .filter((t) => !isReference(t) && !tables.get(t)!.has(distributionColumn(t)))
      .sort();
    expect(offenders, 'tenant-owned tables without ward_id (or name them reference tables)').toEqual([]);
  });

  it('a tenant-owned table has its distribution column first in the primary key', () => {
    const withKey = new Set(constraints.filter((c) => c.type === 'p').map((c) => c.table));
    const offenders = [
      ...constraints
        .filter(
          (c) => c.type === 'p' && !isReference(c.table) && c.columns[0] !== distributionColumn(c.table),
        )
        .map((c) => `${c.table}: primary key (${c.columns.join(', ')})`),
      ...[...tables.keys()]
        .filter((t) => !isReference(t) && !withKey.has(t))
        .map((t) => `${t}: no primary key`),
    ].sort();
    expect(offenders).toEqual([]);
  });

  it('a tenant-owned table has its distribution column in every unique constraint and unique index', () => {
    const offenders = [
      ...constraints
        .filter((c) => c.type === 'u')
        .map((c) => ({ table: c.table, name: c.name, columns: c.columns })),
      ...uniqueIndexes,
    ]
      .filter((u) => !isReference(u.table) && !u.columns.includes(distributionColumn(u.table)))
      .map((u) => `${u.table}: ${u.name} (${u.columns.map((c) => c || '<expression>').join(', ')})`)
      .sort();
    expect(offenders).toEqual([]);
  });

  it('a foreign key between tenant-owned tables carries the ward on both sides, in the same place', () => {
    const offenders = constraints
      .filter(
        (c) => c.type === 'f' && !isReference(c.table) && c.foreignTable && !isReference(c.foreignTable),
      )
      .filter((c) => {
        const at = c.columns.indexOf(distributionColumn(c.table));
        return at < 0 || c.foreignColumns[at] !== distributionColumn(c.foreignTable!);
      })
      .map(
        (c) =>
          `${c.table}: ${c.name} (${c.columns.join(', ')}) → ${c.foreignTable} (${c.foreignColumns.join(', ')})`,
      )
      .sort();
    expect(offenders).toEqual([]);
  });

  it('a reference table points only at reference tables (a sharded database allows no other)', () => {
    const offenders = constraints
      .filter((c) => c.type === 'f' && isReference(c.table) && c.foreignTable && !isReference(c.foreignTable))
      .map((c) => `${c.table}: ${c.name} → ${c.foreignTable}`)
      .sort();
    expect(offenders).toEqual([]);
  });
});
