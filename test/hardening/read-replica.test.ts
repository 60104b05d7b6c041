import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type KyselyPlugin, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../src/db/create-database.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { openReadReplica, type ReadReplica } from '../../src/db/read-replica.js';
import { CONTRACTS, contractInput, expectStatus } from '../helpers/contracts.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../helpers/world.js';

// A real streaming replica (README "Read replicas"). The machine's PostgreSQL does not allow
// replication connections (pg_hba.conf has no `replication` line) and a test may not change its
// configuration, so the test makes a primary of its own (initdb, as the postgres OS user) and
// streams a replica from it (pg_basebackup -R -X stream); both are removed afterwards. Only on the
// PostgreSQL pass of the suite: PGlite is one process's embedded database and has no replica.

const onPostgres = Boolean(process.env.DATABASE_URL);
const BIN = '/usr/lib/postgresql/15/bin';
const exec = promisify(execFile);
const asPostgres = (tool: string, args: string[]) =>
  exec('runuser', ['-u', 'postgres', '--', join(BIN, tool), ...args]);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

let dir: string;
let primaryPort: number;
let replicaPort: number;
let started: string[] = [];
let primary: DatabaseHandle;
let replica: ReadReplica;
let replicaAdmin: DatabaseHandle;
let t: TestApp;
let w: World;

/** What the app asked of the replica: its queries and its questions about replay. */
const touched = { queries: 0, replayChecks: 0 };
const countQueries: KyselyPlugin = {
  transformQuery: (args) => {
    touched.queries++;
    return args.node;
  },
  transformResult: async (args) => args.result,
};

async function startCluster(name: string, port: number) {
  await asPostgres('pg_ctl', [
    '-D',
    join(dir, name),
    '-l',
    join(dir, `${name}.log`),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-w',
    'start',
  ]);
  started.push(name);
}

/** Waits until the replica has replayed everything the primary has written so far. */
async function replicaCaughtUp() {
  const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(primary.db);
  for (let i = 0; i < 300; i++) {
    const caught = await sql<{ ok: boolean }>`
      select coalesce(pg_last_wal_replay_lsn() >= ${rows[0]!.lsn}::pg_lsn, false) as ok`.execute(
      replicaAdmin.db,
    );
    if (caught.rows[0]!.ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the replica did not catch up');
}

const titles = (res: { body: { items: Array<{ title: string }> } }) => res.body.items.map((k) => k.title);

beforeAll(async () => {
  if (!onPostgres) return;
  dir = await mkdtemp(join(tmpdir(), 'replica-test-'));
  await exec('chown', ['postgres:postgres', dir]);
  primaryPort = await freePort();
  replicaPort = await freePort();
  await asPostgres('initdb', [
    '-D',
    join(dir, 'primary'),
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--no-locale',
    '--no-sync',
  ]);
  await startCluster('primary', primaryPort);

  primary = await createDatabase({
    databaseUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    poolSize: 5,
  });
  await migrateToLatest(primary.db);
  t = await createTestApp({ handle: primary });
  w = await buildWorld(t);

  await asPostgres('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primaryPort),
    '-U',
    'postgres',
    '-D',
    join(dir, 'replica'),
    '-R',
    '-X',
    'stream',
  ]);
  await startCluster('replica', replicaPort);
  const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/postgres`;
  replicaAdmin = await createDatabase({ databaseUrl: replicaUrl, poolSize: 1 });
  const opened = openReadReplica({ databaseUrl: replicaUrl, poolSize: 2 });
  replica = {
    db: opened.db.withPlugin(countQueries),
    hasReplayed: (lsn) => {
      touched.replayChecks++;
      return opened.hasReplayed(lsn);
    },
    close: opened.close,
  };
  // the app of this test now reads through the replica, as a server with DATABASE_REPLICA_URL does
  t.deps.readReplica = replica;
  await replicaCaughtUp();
}, 180_000);

afterAll(async () => {
  if (!onPostgres) return;
  await replica?.close();
  await replicaAdmin?.close();
  await primary?.close();
  for (const name of started.reverse()) {
    await asPostgres('pg_ctl', ['-D', join(dir, name), '-m', 'immediate', 'stop']).catch(() => undefined);
  }
  started = [];
  if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

describe.skipIf(!onPostgres)(
  'read replica (PostgreSQL only: PGlite has no replica and ignores DATABASE_REPLICA_URL)',
  () => {
    it('lists read the replica; the writing session reads the primary until the replica has replayed its write', async () => {
      // two sessions of the same officer: A writes, B only reads
      const writer = await signIn(t, USERS.ward_officer!.email);
      const reader = w.tokens.ward_officer!;
      await replicaCaughtUp();
      await sql`select pg_wal_replay_pause()`.execute(replicaAdmin.db);
      try {
        const title = '複製遅延の確認用委託';
        const created = expectStatus(
          await t.call('POST', CONTRACTS, { token: writer, json: contractInput(w, { title }) }),
          201,
        );

        // B reads the paused replica: the new contract is not there yet
        const before = touched.queries;
        const stale = await t.call('GET', `${CONTRACTS}?limit=100`, { token: reader });
        expect(stale.status).toBe(200);
        expect(titles(stale)).not.toContain(title);
        expect(touched.queries).toBeGreaterThan(before);

        // A reads its own write at once: its session is past what the replica has replayed
        const own = await t.call('GET', `${CONTRACTS}?limit=100`, { token: writer });
        expect(titles(own)).toContain(title);
        // the same session's contracts page (a listed read too)
        const page = await t.app.request('/contracts', {
          headers: { cookie: `pg_access=${writer}` },
        });
        expect(await page.text()).toContain(title);

        // one record by id is not a listed read: B finds it on the primary
        expect((await t.call('GET', `${CONTRACTS}/${created.id}`, { token: reader })).status).toBe(200);
      } finally {
        await sql`select pg_wal_replay_resume()`.execute(replicaAdmin.db);
      }
      await replicaCaughtUp();
      const fresh = await t.call('GET', `${CONTRACTS}?limit=100`, { token: reader });
      expect(titles(fresh)).toContain('複製遅延の確認用委託');
    });

    it('never touches the replica for a change, even one reading what the replica has not replayed', async () => {
      const writer = await signIn(t, USERS.ward_officer!.email);
      const other = await signIn(t, USERS.ward_officer!.email);
      await replicaCaughtUp();
      await sql`select pg_wal_replay_pause()`.execute(replicaAdmin.db);
      try {
        const created = expectStatus(
          await t.call('POST', CONTRACTS, {
            token: writer,
            json: contractInput(w, { title: '複製前の変更' }),
          }),
          201,
        );
        const queries = touched.queries;
        const checks = touched.replayChecks;
        // the other session changes the contract the replica does not have yet: the step runner
        // reads and locks it in its transaction on the primary
        const edited = await t.call('PATCH', `${CONTRACTS}/${created.id}`, {
          token: other,
          json: { title: '複製前の変更（修正）', version: created.version },
        });
        expect(edited.status).toBe(200);
        // a stale version is still a 409, decided on the primary
        const conflict = await t.call('PATCH', `${CONTRACTS}/${created.id}`, {
          token: other,
          json: { title: '古い版からの変更', version: created.version },
        });
        expect(conflict.status).toBe(409);
        expect(touched.queries).toBe(queries);
        expect(touched.replayChecks).toBe(checks);

        // having written, that session now reads the primary too, and sees its change
        const own = await t.call('GET', `${CONTRACTS}?limit=100`, { token: other });
        expect(titles(own)).toContain('複製前の変更（修正）');
        const stored = await primary.db
          .selectFrom('sessions')
          .select('written_lsn')
          .where('written_lsn', 'is not', null)
          .execute();
        expect(stored.length).toBeGreaterThanOrEqual(2);
      } finally {
        await sql`select pg_wal_replay_resume()`.execute(replicaAdmin.db);
      }
    });

    it('draws summaries and their PDF from the replica', async () => {
      await replicaCaughtUp();
      const before = touched.queries;
      const json = await t.call('GET', '/api/v1/summaries?fiscalYear=2026', {
        token: w.tokens.council_reviewer,
      });
      expect(json.status).toBe(200);
      const pdf = await t.app.request('/api/v1/summaries?fiscalYear=2026&format=pdf', {
        headers: { authorization: `Bearer ${w.tokens.council_reviewer}` },
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(touched.queries).toBeGreaterThan(before);
    });

    it('refuses a write on the replica itself (it is a hot standby, read only)', async () => {
      await expect(sql`update sessions set written_lsn = null`.execute(replica.db)).rejects.toThrow(
        /read-only/,
      );
    });
  },
);
