import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 16: `npm run reports:issue` opened the running server's PGlite directory as a second
// database engine — it printed "3 request(s) issued" and the server never saw them. Here the real
// server runs on PGlite (npm start, over a real socket) and the real command line tools meet it:
// they are refused by the directory's lock, or go through the server's "run now" route; once the
// server is killed outright, its stale lock is taken over.

const PASSWORD = 'correct horse battery staple';
let dataDir: string;
let port: number;
let server: ChildProcess;
let serverOutput = '';
let base: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

// PGlite whatever the suite runs on: the lock is PGlite's concern
const env = (extra: Record<string, string> = {}) => ({
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  LOG_LEVEL: 'silent',
  COOKIE_SECURE: 'false',
  DEMO_PASSWORD: PASSWORD,
  SCHEDULER: 'false',
  SERVER_URL: '',
  API_TOKEN: '',
  ...extra,
});

function startServer(p: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.node.ts'], {
    env: env({ PORT: String(p) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function tool(script: string, args: string[] = [], extra: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `src/cli/${script}.ts`, ...args],
      { env: env(extra), timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function reportsOf(period: string, token: string): Promise<number> {
  const res = await fetch(`${base}/api/v1/compliance-reports?period=${period}&limit=200`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: unknown[] }).items.length;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pglite-lock-'));
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = startServer(port);
  server.stdout!.on('data', (chunk) => {
    serverOutput += chunk;
  });
  server.stderr!.on('data', (chunk) => {
    serverOutput += chunk;
  });
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited at start:\n${serverOutput}`);
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 900) throw new Error(`the server did not start:\n${serverOutput}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}, 240_000);

afterAll(async () => {
  server?.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

describe('the PGlite directory of a running server (real processes, real socket)', () => {
  it('refuses a second server and the tools that would open the directory, naming the server', async () => {
    const lock = JSON.parse(readFileSync(join(dataDir, 'pglite.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: server.pid, command: 'server', url: base });

    const second = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const other = spawn(process.execPath, ['--import', 'tsx', 'src/main.node.ts'], {
        env: env({ PORT: '0' }),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let output = '';
      other.stderr!.on('data', (chunk) => {
        output += chunk;
      });
      other.once('exit', (code) => resolve({ code, output }));
    });
    expect(second.code).toBe(3);
    expect(second.output).toContain(`pid ${server.pid}`);

    const args: Record<string, string[]> = {
      backup: ['--out', join(dataDir, 'b.tar.gz')],
      restore: ['--from', join(dataDir, 'b.tar.gz')],
    };
    for (const script of ['migrate', 'export', 'audit-verify', 'backup', 'restore']) {
      const run = await tool(script, args[script] ?? []);
      expect(run.code, script).toBe(3);
      expect(run.stderr, script).toContain(`pid ${server.pid}`);
      expect(run.stderr, script).toContain('サーバー（npm start）');
      expect(run.stderr, script).toContain('Stop the server first');
    }
    // the server is unharmed
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  }, 240_000);

  it('issues report requests through the server: refused without a token, done by the server with one', async () => {
    const admin = await signIn('admin@city.shinjuku.example.jp');

    const noToken = await tool('reports-issue');
    expect(noToken.code).toBe(3);
    expect(noToken.stderr).toContain(`pid ${server.pid}`);
    expect(noToken.stderr).toContain('API_TOKEN');
    expect(noToken.stderr).toContain('POST /api/v1/scheduled-jobs/run');

    const manager = await signIn('manager@city.shinjuku.example.jp');
    const refused = await tool('reports-issue', [], { API_TOKEN: manager });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('403');
    expect(refused.stderr).toContain('システム管理者');

    const first = await tool('reports-issue', [], { API_TOKEN: admin });
    expect(first.code, first.stderr).toBe(0);
    const match = /period (\d{4}H[12]): (\d+) request\(s\) issued by the server at (\S+)/.exec(first.stdout);
    expect(match, first.stdout).not.toBeNull();
    const [, period, issued, url] = match!;
    expect(url).toBe(base);
    expect(Number(issued)).toBeGreaterThan(0);
    // the server sees exactly what the tool reported
    expect(await reportsOf(period!, admin)).toBe(Number(issued));

    // again, naming the server and reading the token from a file: nothing is issued twice
    const tokenFile = join(dataDir, 'token.txt');
    writeFileSync(tokenFile, `${admin}\n`);
    const again = await tool('reports-issue', [
      '--server',
      base,
      '--token-file',
      tokenFile,
      '--period',
      period!,
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`period ${period}: 0 request(s) issued by the server at ${base}`);
    expect(await reportsOf(period!, admin)).toBe(Number(issued));
  }, 240_000);

  it('takes the directory over once the server is killed outright, and finds what the server wrote', async () => {
    const admin = await signIn('admin@city.shinjuku.example.jp');
    const period = '2026H1';
    const seen = await reportsOf(period, admin);
    server.kill('SIGKILL');
    await new Promise((r) =>
      server.exitCode !== null || server.signalCode ? r(null) : server.once('exit', r),
    );

    const migrate = await tool('migrate');
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain('nothing to apply');
    // opened by the tool itself now: the requests the server issued are in the directory
    const local = await tool('reports-issue', ['--period', period]);
    expect(local.code, local.stderr).toBe(0);
    expect(local.stdout).toBe(`period ${period}: 0 request(s) issued\n`);
    expect(seen).toBeGreaterThan(0);
  }, 240_000);
});
