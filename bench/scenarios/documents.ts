import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { percentile } from '../lib/load.js';
import { round, sampleRss } from '../lib/server.js';

// Documents: the council report item (報告事項) PDF and the council summary (審議会向け集計) PDF,
// timed through the API on the running server (first request, then warm ones, with the server's
// RSS), and rendered in processes of their own for their peak memory — the summary padded to
// exactly 1,000 contracts. Baseline: a one-line Japanese PDF (font loading and subsetting alone).

const run = promisify(execFile);

export interface ApiDocumentTiming {
  path: string;
  /** Set when the server did not answer 200 (the timings then cover nothing). */
  error?: string;
  coldMs: number;
  warmMedianMs: number;
  warmP95Ms: number;
  bytes: number;
  serverPeakRssMiB: number;
}

export interface RenderedDocument {
  kind: string;
  rows: number | null;
  error?: string;
  coldMs: number;
  warmMedianMs: number;
  warmMs: number[];
  bytes: number;
  startRssMiB: number;
  peakRssMiB: number;
}

export async function timeDocumentApi(
  base: string,
  path: string,
  token: string,
  serverPid: number,
  warm: number,
): Promise<ApiDocumentTiming> {
  const sampler = sampleRss(serverPid, 25);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i <= warm; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = new Uint8Array(await res.arrayBuffer());
    if (!res.ok)
      throw new Error(`GET ${path}: ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
    times.push(performance.now() - t0);
    bytes = body.byteLength;
  }
  const warmTimes = times.slice(1).sort((a, b) => a - b);
  return {
    path,
    coldMs: round(times[0]!),
    warmMedianMs: round(percentile(warmTimes, 0.5)),
    warmP95Ms: round(percentile(warmTimes, 0.95)),
    bytes,
    serverPeakRssMiB: sampler.stop().peakMiB,
  };
}

export async function renderInChild(
  kind: 'baseline' | 'council-report' | 'council-summary',
  databaseUrl: string,
  email: string,
  arg: string,
  repeats: number,
  outDir: string,
): Promise<RenderedDocument> {
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/scenarios/render-documents.ts',
      kind,
      databaseUrl,
      email,
      arg,
      String(repeats),
      outDir,
    ],
    { maxBuffer: 1 << 20, timeout: 600_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!);
}
