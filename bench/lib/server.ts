import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

// Starting the real server (and the baseline servers) as separate processes on loopback, waiting
// for readiness, reading their memory from /proc, and signing in through the API.

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface RunningServer {
  process: ChildProcess;
  base: string;
  /** Milliseconds from spawn to the first 200 from /readyz. */
  readyMs: number;
  stop(): Promise<void>;
}

/** Spawns `node [nodeArgs] --import tsx <entry>` with the environment given; resolves once /readyz answers 200. */
export async function startNodeServer(
  entry: string,
  env: Record<string, string>,
  options: { readyPath?: string; timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', entry], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + String(chunk)).slice(-4000);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = started + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}: ${stderr}`);
    try {
      const res = await fetch(`${base}${options.readyPath ?? '/readyz'}`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} did not become ready: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - started;
  return {
    process: child,
    base,
    readyMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** The product server as the benchmark runs it: no demo data, no scheduler, no logging. */
export function startAppServer(
  databaseUrl: string | undefined,
  extra: Record<string, string> = {},
  nodeArgs: string[] = [],
) {
  return startNodeServer(
    'src/main.node.ts',
    {
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      DEMO_DATA: 'false',
      SCHEDULER: 'false',
      LOG_LEVEL: 'silent',
      COOKIE_SECURE: 'false',
      ...extra,
    },
    { nodeArgs },
  );
}

/** Resident set size of a process in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Samples a process's RSS every `everyMs` until stopped; returns the peak and the last value. */
export function sampleRss(pid: number, everyMs = 100) {
  let peak = 0;
  let last = 0;
  const timer = setInterval(() => {
    try {
      last = rssMiB(pid);
      peak = Math.max(peak, last);
    } catch {
      // the process ended
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakMiB: round(peak), lastMiB: round(last) };
    },
  };
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export interface Session {
  email: string;
  accessToken: string;
}

/** Signs in through the API, as a client would. */
export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { accessToken: string };
  return { email, accessToken: body.accessToken };
}

/** GET with a bearer token; throws unless 200. */
export async function getJson<T>(base: string, path: string, token: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
