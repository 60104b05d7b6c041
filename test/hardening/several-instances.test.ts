import { type ChildProcess, spawn } from 'node:child_process';
import { createServer as createHttpServer, request, type Server } from 'node:http';
import { createServer } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../helpers/database-url.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, PASSWORD, USERS } from '../helpers/world.js';

// Two server processes (src/main.node.ts) on one PostgreSQL database behind a round-robin proxy,
// as behind a load balancer (README "Several instances"): whatever one instance starts, the other
// continues, and the work both do at once is done once. Both start at the same moment with the
// scheduler on, so both run the daily jobs' catch-up together, and with no signing key in force,
// so both race to make one. (PGlite is one process's embedded database: not applicable.)

const onPostgres = Boolean(process.env.DATABASE_URL);
let t: TestApp;
let proxy: Server;
let proxyUrl: string;
const servers: Array<{ process: ChildProcess; lines: string[]; served: number }> = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

function startServer(url: string, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.node.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      DATABASE_REPLICA_URL: '',
      PORT: String(port),
      DEMO_DATA: 'false',
      SCHEDULER: 'true',
      LOG_LEVEL: 'info',
      COOKIE_SECURE: 'false',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const server = { process: child, lines: [] as string[], served: 0, port };
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString('utf8');
    const lines = text.split('\n');
    rest = lines.pop()!;
    server.lines.push(...lines);
  });
  return server;
}

/** The server's log lines (pino JSON) with this message. */
function logged(server: { lines: string[] }, msg: string): Array<Record<string, any>> {
  return server.lines
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, any>)
    .filter((entry) => entry.msg === msg);
}

async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
}

/** A round-robin proxy: request n goes to server n mod 2, answered with `x-test-backend`. */
function startProxy(ports: number[]): Promise<Server> {
  let next = 0;
  const server = createHttpServer((req, res) => {
    const index = next++ % ports.length;
    servers[index]!.served++;
    const upstream = request(
      { host: '127.0.0.1', port: ports[index], method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-test-backend': String(index) });
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const backendOf = (res: Response) => Number(res.headers.get('x-test-backend'));

async function signInThroughProxy(email: string, password = PASSWORD) {
  const res = await fetch(`${proxyUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return res;
}

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp();
  await buildWorld(t);
  // no signing key in force: both instances make one at start, and must agree on which signs
  await t.handle.db.updateTable('signing_keys').set({ retired_at: new Date() }).execute();
  const db = (await sql<{ db: string }>`select current_database() as db`.execute(t.handle.db)).rows[0]!.db;
  const url = withDatabase(process.env.DATABASE_URL!, db);
  const ports = [await freePort(), await freePort()];
  servers.push(...ports.map((port) => startServer(url, port)));
  for (const port of ports) {
    await until(`server on ${port} ready`, async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/readyz`)).ok ? true : undefined;
      } catch {
        return undefined; // not listening yet
      }
    });
  }
  proxy = await startProxy(ports);
  proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
}, 120_000);

afterAll(async () => {
  proxy?.close();
  for (const server of servers) server.process.kill('SIGKILL');
  if (t) await t.close();
});

describe.skipIf(!onPostgres)(
  'several instances behind a load balancer (PostgreSQL only: PGlite is one process’s embedded database)',
  () => {
    it('runs the daily jobs on both at the same moment and issues each request once', async () => {
      const outcomes = await Promise.all(
        servers.map((server) =>
          until('the daily jobs to end', () => {
            const ended = [...logged(server, 'daily jobs ran'), ...logged(server, 'daily jobs failed')];
            return ended.length ? ended : undefined;
          }),
        ),
      );
      const runs = outcomes.flat();
      expect(runs.map((r) => r.msg)).toEqual(['daily jobs ran', 'daily jobs ran']);
      const period = runs[0]!.period as string;
      const rows = await t.handle.db
        .selectFrom('compliance_reports')
        .select(['contract_id', 'organisation_id'])
        .where('period', '=', period)
        .execute();
      expect(rows.length).toBeGreaterThan(0);
      // what the two runs say they issued is what exists: no request issued twice, none lost
      expect(runs.reduce((sum, r) => sum + (r.issued as number), 0)).toBe(rows.length);
      expect(new Set(rows.map((r) => `${r.contract_id}/${r.organisation_id}`)).size).toBe(rows.length);
    });

    it('keeps a session signed in on one instance signed in on the other', async () => {
      const signedIn = await signInThroughProxy(USERS.ward_officer!.email);
      expect(signedIn.status).toBe(200);
      const { accessToken } = (await signedIn.json()) as { accessToken: string };
      const backends = [backendOf(signedIn)];
      for (let i = 0; i < 2; i++) {
        const me = await fetch(`${proxyUrl}/api/v1/auth/session`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        expect(me.status).toBe(200);
        backends.push(backendOf(me));
      }
      expect(new Set(backends)).toEqual(new Set([0, 1]));
      // signing out on one ends the session on both
      const out = await fetch(`${proxyUrl}/api/v1/auth/sign-out`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(out.status).toBeLessThan(300);
      for (let i = 0; i < 2; i++) {
        const me = await fetch(`${proxyUrl}/api/v1/auth/session`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        expect(me.status).toBe(401);
      }
    });

    it('counts failed sign-ins across both instances', async () => {
      const email = USERS.inspector!.email;
      const byBackend = [0, 0];
      // five failures are free per address and client (DEFAULT_AUTH_SETTINGS), spread over both
      for (let i = 0; i < 5; i++) {
        const res = await signInThroughProxy(email, 'wrong password');
        expect(res.status).toBe(401);
        byBackend[backendOf(res)]!++;
      }
      expect(Math.max(...byBackend)).toBeLessThan(5);
      // whichever instance takes the next attempt knows of all five: the client waits
      for (let i = 0; i < 2; i++) {
        const res = await signInThroughProxy(email);
        expect(res.status).toBe(429);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    });

    it('accepts a session’s CSRF token on both, and draws each background summary PDF once', async () => {
      const signedIn = await signInThroughProxy(USERS.council_reviewer!.email);
      expect(signedIn.status).toBe(200);
      const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
      const cookie = signedIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const ask = (token: string | undefined) =>
        fetch(`${proxyUrl}/summaries/pdf`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ fiscalYear: '2026', ...(token ? { _csrf: token } : {}) }),
        });

      // without the token, or with another, neither instance lets the form in
      for (const token of [undefined, 'x'.repeat(csrfToken.length), undefined, 'not-the-token']) {
        expect((await ask(token)).status).toBe(403);
      }
      // with it, both do; each asks its own process to draw the PDFs waiting, so both work the queue
      const ids: string[] = [];
      const backends = new Set<number>();
      for (let i = 0; i < 4; i++) {
        const res = await ask(csrfToken);
        expect(res.status).toBe(303);
        backends.add(backendOf(res));
        ids.push(/\/summaries\/exports\/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '')![1]!);
      }
      expect(backends).toEqual(new Set([0, 1]));

      const exports = await until('the PDFs to be drawn', async () => {
        const rows = await t.handle.db
          .selectFrom('summary_exports')
          .select(['id', 'status'])
          .where('id', 'in', ids)
          .execute();
        return rows.every((r) => r.status === 'ready' || r.status === 'failed') ? rows : undefined;
      });
      expect(exports.map((r) => r.status)).toEqual(['ready', 'ready', 'ready', 'ready']);
      const drawings = servers.flatMap((server) => logged(server, 'summary PDF drawn'));
      for (const id of ids) expect(drawings.filter((d) => d.exportId === id)).toHaveLength(1);
    }, 90_000);
  },
);
