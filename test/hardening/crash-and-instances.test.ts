import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../../src/domain/audit/verify-audit-chain.js';
import { withDatabase } from '../helpers/database-url.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, PASSWORD, type World } from '../helpers/world.js';

// Real processes on real PostgreSQL: a server killed with SIGKILL in the middle of a write load
// leaves no half-applied change and an audit chain that verifies; two processes issuing the same
// period issue each request once. (PGlite is one process's embedded database: not applicable.)

const onPostgres = Boolean(process.env.DATABASE_URL);
const run = promisify(execFile);
let t: TestApp;
let w: World;
let url: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

function startServer(port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.node.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      DEMO_DATA: 'false',
      SCHEDULER: 'false',
      LOG_LEVEL: 'silent',
      COOKIE_SECURE: 'false',
    },
    stdio: 'ignore',
  });
}

async function waitReady(port: number) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become ready');
}

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp();
  w = await buildWorld(t);
  const db = (await sql<{ db: string }>`select current_database() as db`.execute(t.handle.db)).rows[0]!.db;
  url = withDatabase(process.env.DATABASE_URL!, db);
});
afterAll(async () => {
  if (t) await t.close();
});

describe.skipIf(!onPostgres)('crash and several instances (PostgreSQL)', () => {
  it('keeps every acknowledged write and no half-applied one after kill -9', async () => {
    const port = await freePort();
    const server = startServer(port);
    const acknowledged: string[] = [];
    try {
      await waitReady(port);
      const signIn = await fetch(`http://127.0.0.1:${port}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'officer@city.shinjuku.example.jp', password: PASSWORD }),
      });
      const { accessToken } = (await signIn.json()) as { accessToken: string };
      let stop = false;
      const worker = async (n: number) => {
        for (let i = 0; !stop && i < 500; i++) {
          const name = `負荷試験課-${n}-${i}`;
          try {
            const res = await fetch(`http://127.0.0.1:${port}/api/v1/organisations/${w.wardId}/departments`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
              body: JSON.stringify({ name }),
            });
            if (res.status === 201) acknowledged.push(name);
          } catch {
            return; // the server is gone
          }
        }
      };
      const load = Promise.all([1, 2, 3, 4, 5, 6].map(worker));
      await new Promise((r) => setTimeout(r, 1500));
      server.kill('SIGKILL');
      stop = true;
      await load;
    } finally {
      server.kill('SIGKILL');
    }

    const rows = await t.handle.db
      .selectFrom('departments')
      .select('name')
      .where('name', 'like', '負荷試験課-%')
      .execute();
    const stored = new Set(rows.map((r) => r.name));
    expect(acknowledged.length).toBeGreaterThan(0);
    // every write a client saw acknowledged is there; a few more may have committed unacknowledged
    expect(acknowledged.filter((name) => !stored.has(name))).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
    const acknowledgedRows = await t.handle.db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'department.create')
      .where(sql<boolean>`after->>'name' like '負荷試験課-%'`)
      .executeTakeFirstOrThrow();
    // every department stored has its audit entry (one transaction), and none is missing
    expect(Number(acknowledgedRows.n)).toBe(stored.size);
    const report = await verifyAuditChains(t.handle.db);
    expect(report.breaks).toEqual([]);
  }, 60_000);

  it('issues each period once when two processes run the issuing at the same moment', async () => {
    const env = { ...process.env, DATABASE_URL: url };
    const runs = await Promise.all(
      [1, 2].map(() =>
        run(process.execPath, ['--import', 'tsx', 'src/cli/reports-issue.ts', '--period', '2026H1'], { env }),
      ),
    );
    const issued = runs.map((r) => Number(/(\d+) request/.exec(r.stdout)?.[1]));
    const rows = await t.handle.db
      .selectFrom('compliance_reports')
      .select(['contract_id', 'organisation_id'])
      .where('period', '=', '2026H1')
      .execute();
    expect(issued.reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => `${r.contract_id}/${r.organisation_id}`)).size).toBe(rows.length);
  }, 60_000);
});
