import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer, startNodeServer } from '../lib/server.js';

// Cold start on PGlite with an existing data directory: the time from spawning the server to its
// first 200 from /readyz, once the directory holds a migrated database with the demo data (the
// first start creates it). Baseline: the bare Hono server started the same way (node + tsx).

export interface ColdStartResult {
  pgliteFirstStartMs: number;
  pgliteRestartsMs: number[];
  pgliteMedianMs: number;
  baselineRestartsMs: number[];
  baselineMedianMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const r = (n: number) => Math.round(n);

export async function measureColdStarts(runs: number): Promise<ColdStartResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-pglite-'));
  try {
    // DATABASE_URL emptied: the server falls back to PGlite in DATA_DIR
    const env = { DATABASE_URL: '', DATA_DIR: dataDir };
    const first = await startAppServer(undefined, {
      ...env,
      DEMO_DATA: 'true',
      DEMO_PASSWORD: 'bench-demo-2026',
    });
    await first.stop();
    const restarts: number[] = [];
    for (let i = 0; i < runs; i++) {
      const server = await startAppServer(undefined, env);
      restarts.push(r(server.readyMs));
      await server.stop();
    }
    const baseline: number[] = [];
    for (let i = 0; i < runs; i++) {
      const server = await startNodeServer('bench/baseline/hono-server.ts', {});
      baseline.push(r(server.readyMs));
      await server.stop();
    }
    return {
      pgliteFirstStartMs: r(first.readyMs),
      pgliteRestartsMs: restarts,
      pgliteMedianMs: median(restarts),
      baselineRestartsMs: baseline,
      baselineMedianMs: median(baseline),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
