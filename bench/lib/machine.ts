import { execFile, execFileSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { promisify } from 'node:util';
import pg from 'pg';

// What the figures were measured on, and whether anything else was running.

const run = promisify(execFile);

export interface Machine {
  date: string;
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  gitCommit: string;
  gitDirty: boolean;
  loadAvg: number[];
}

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const version = (await client.query('show server_version')).rows[0].server_version as string;
    const settings: Record<string, string> = {};
    for (const name of ['shared_buffers', 'work_mem', 'max_connections', 'synchronous_commit', 'fsync']) {
      settings[name] = (await client.query(`show ${name}`)).rows[0][name];
    }
    const git = (args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    return {
      date: new Date().toISOString(),
      nproc: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      postgres: version,
      postgresSettings: settings,
      gitCommit: git(['rev-parse', '--short', 'HEAD']),
      gitDirty: git(['status', '--porcelain', '--untracked-files=no']).length > 0,
      loadAvg: loadavg().map((n) => Math.round(n * 100) / 100),
    };
  } finally {
    await client.end();
  }
}

/** Test suites of other people running on this machine (vitest processes). */
export async function vitestRunning(): Promise<boolean> {
  try {
    const { stdout } = await run('pgrep', ['-f', 'vitest']);
    return stdout.trim().length > 0;
  } catch {
    return false; // pgrep exits 1 when nothing matches
  }
}

/**
 * Waits (polling every 15 s, at most `maxMinutes`) until no vitest runs and the 1-minute load
 * average is below `maxLoad` (other work on a 2-core machine skews every figure); says how long it
 * waited and what the load was.
 */
export async function waitForQuiet(maxMinutes: number, log: (line: string) => void, maxLoad = 1.5) {
  const started = Date.now();
  const busy = async () => (await vitestRunning()) || loadavg()[0]! >= maxLoad;
  while (await busy()) {
    if (Date.now() - started > maxMinutes * 60_000) {
      log(`still busy after ${maxMinutes} min (load ${loadavg()[0]!.toFixed(2)}): measuring under load`);
      return { waitedS: Math.round((Date.now() - started) / 1000), quiet: false, load: loadavg()[0]! };
    }
    await new Promise((r) => setTimeout(r, 15_000));
  }
  return { waitedS: Math.round((Date.now() - started) / 1000), quiet: true, load: loadavg()[0]! };
}
