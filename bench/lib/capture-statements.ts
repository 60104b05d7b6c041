import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAppServer } from './server.js';

// The statements the product runs for each read, from its own query log (QUERY_LOG_FILE): a
// server started with the log on answers each path once, alone, and the lines written while it
// did are that request's statements. The minimal read server (baseline/read-server.ts) replays them.

export interface CapturedRead {
  statements: Array<{ sql: string; parameters: unknown[] }>;
  /** The product's answer for the path, in bytes. */
  bytes: number;
}

export async function captureStatements(
  databaseUrl: string,
  reads: Array<{ token: string; paths: string[] }>,
  dir: string,
): Promise<{ file: string; reads: Record<string, CapturedRead> }> {
  const log = join(dir, 'bench-query-log.jsonl');
  writeFileSync(log, '');
  const server = await startAppServer(databaseUrl, { QUERY_LOG_FILE: log });
  const captured: Record<string, CapturedRead> = {};
  try {
    for (const read of reads)
      for (const path of read.paths) {
        // once to warm the server's caches (signing keys, prepared abilities), once to capture
        await fetch(`${server.base}${path}`, { headers: { authorization: `Bearer ${read.token}` } });
        truncateSync(log);
        const res = await fetch(`${server.base}${path}`, {
          headers: { authorization: `Bearer ${read.token}` },
        });
        if (!res.ok) throw new Error(`capturing ${path}: ${res.status}`);
        const bytes = (await res.arrayBuffer()).byteLength;
        const statements = readFileSync(log, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as { sql: string; parameters: unknown[] });
        captured[path] = { statements, bytes };
      }
  } finally {
    await server.stop();
  }
  const file = join(dir, 'bench-statements.json');
  writeFileSync(file, JSON.stringify(captured));
  return { file, reads: captured };
}
