import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
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
    const chain = await verifyAuditChains(t.handle.db);
    expect(chain.breaks).toEqual([]);
    expect(before.contracts!.rows).toBeGreaterThan(0);

    if (t.handle.kind === 'pglite') {
      const dump = await t.handle.dumpDataDir!();
      const restored = await createDatabase({ loadDataDir: dump });
      try {
        expect(await fingerprint(restored.db)).toEqual(before);
        expect(await verifyAuditChains(restored.db)).toEqual(chain);
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
});
