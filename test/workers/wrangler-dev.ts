import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free port on 127.0.0.1 (taken from the system, then released for wrangler). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface WranglerDev {
  url: string;
  log: string;
  stop(): Promise<void>;
}

/**
 * Starts `wrangler dev` (workerd from its npm package) on the project's wrangler.toml, with
 * Hyperdrive's local connection going to `databaseUrl`, and waits until the Worker answers.
 */
export async function startWranglerDev(options: {
  databaseUrl: string;
  vars?: Record<string, string>;
}): Promise<WranglerDev> {
  const [port, inspector] = [await freePort(), await freePort()];
  const log = join(tmpdir(), `wrangler-dev-${process.pid}-${port}.log`);
  const out = createWriteStream(log);
  // Hyperdrive's local connection string must carry a password; the trust-auth server ignores it
  const url = new URL(options.databaseUrl);
  if (!url.password) url.password = 'local';
  const args = ['scripts/wrangler.mjs', 'dev', '--ip', '127.0.0.1', '--port', String(port)];
  args.push(
    '--inspector-port',
    String(inspector),
    '--test-scheduled',
    '--show-interactive-dev-session=false',
  );
  for (const [key, value] of Object.entries(options.vars ?? {})) args.push('--var', `${key}:${value}`);
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: join(import.meta.dirname, '..', '..'),
    env: { ...process.env, CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: url.toString() },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) break;
    const up = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url: base, log, stop };
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  const tail = (await readFile(log, 'utf8').catch(() => '')).split('\n').slice(-30).join('\n');
  throw new Error(`wrangler dev did not start (log ${log}):\n${tail}`);
}
