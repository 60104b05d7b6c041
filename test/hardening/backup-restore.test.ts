import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTables } from '../../src/adapters/export-csv.js';
import { createDatabase } from '../../src/db/create-database.js';
import { verifyAuditChains } from '../../src/domain/audit/verify-audit-chain.js';
import { fingerprint } from '../../src/domain/backup/table-snapshot.js';
import { withDatabase } from '../helpers/database-url.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld } from '../helpers/world.js';

// Backup and restore prove themselves: a restored database holds the same records (a hash over
// every table) and an audit chain that verifies with the same entries.

const run = promisify(execFile);
let t: TestApp;
let dir: string;

beforeAll(async () => {
  t = await createTestApp();
  await buildWorld(t);
  dir = await mkdtemp(join(tmpdir(), 'backup-test-'));
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores into an empty database with identical records and audit chain', async () => {
    const before = await fingerprint(t.handle.db);
    const exported = (await exportTables(t.handle.db, join(dir, 'before-restore'))).tables;
    const chain = await verifyAuditChains(t.handle.db);
    expect(chain.breaks).toEqual([]);
    expect(before.contracts!.rows).toBeGreaterThan(0);

    if (t.handle.kind === 'pglite') {
      const dump = await t.handle.dumpDataDir!();
      const restored = await createDatabase({ loadDataDir: dump });
      try {
        expect(await fingerprint(restored.db)).toEqual(before);
        expect(await verifyAuditChains(restored.db)).toEqual(chain);
        // the export of the restored database has the same hashes, file by file
        expect((await exportTables(restored.db, join(dir, `restored-${restored.kind}`))).tables).toEqual(
          exported,
        );
      } finally {
        await restored.close();
      }
      return;
    }

    // PostgreSQL: pg_dump --format=custom, pg_restore into a new empty database
    const url = process.env.DATABASE_URL!;
    const source = (
      await t.handle.db
        .selectNoFrom((eb) => eb.fn<string>('current_database', []).as('db'))
        .executeTakeFirstOrThrow()
    ).db;
    const target = `${source}_restored`;
    const file = join(dir, 'backup.dump');
    await run('pg_dump', ['--format=custom', '--file', file, withDatabase(url, source)]);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create database ${target}`);
      await run('pg_restore', ['--no-owner', '--dbname', withDatabase(url, target), file]);
      const restored = await createDatabase({ databaseUrl: withDatabase(url, target) });
      try {
        expect(await fingerprint(restored.db)).toEqual(before);
        expect(await verifyAuditChains(restored.db)).toEqual(chain);
        // the export of the restored database has the same hashes, file by file
        expect((await exportTables(restored.db, join(dir, `restored-${restored.kind}`))).tables).toEqual(
          exported,
        );
      } finally {
        await restored.close();
      }
    } finally {
      await admin.query(`drop database if exists ${target} with (force)`);
      await admin.end();
    }
  });

  it('exports every table as CSV with a manifest of row counts and hashes', async () => {
    const out = join(dir, 'export');
    const manifest = await exportTables(t.handle.db, out);
    const before = await fingerprint(t.handle.db);
    expect(manifest.tables.map((m) => m.table).sort()).toEqual(Object.keys(before).sort());
    for (const entry of manifest.tables) expect(entry.rows, entry.table).toBe(before[entry.table]!.rows);
    const contracts = await readFile(join(out, 'contracts.csv'), 'utf8');
    expect(contracts.charCodeAt(0)).toBe(0xfeff);
    expect(contracts).toContain('"総合自転車対策業務一括委託"');
    const onDisk = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(onDisk.tables).toEqual(manifest.tables);
  });

  it('gives the same hashes for the same content, whatever order the rows are stored in', async () => {
    const first = await exportTables(t.handle.db, join(dir, 'export-1'));
    // An UPDATE writes a new row version at the end of the table: the same content, stored in
    // another order (as after a restore). Tables whose first column repeats show it.
    for (const [table, column] of [
      ['ward_companies', 'linked_at'],
      ['departments', 'created_at'],
      ['users', 'created_at'],
      ['organisations', 'created_at'],
    ] as const) {
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${sql.ref(column)}
        where ctid = (select min(ctid) from ${sql.table(table)})`.execute(t.handle.db);
    }
    const second = await exportTables(t.handle.db, join(dir, 'export-2'));
    expect(second.tables).toEqual(first.tables);
  });
});
