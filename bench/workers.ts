import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabase } from '../src/db/create-database.js';
import { migrateToLatest } from '../src/db/migrator.js';
import { CONTRACTS, expectStatus, transition } from '../test/helpers/contracts.js';
import { withDatabase } from '../test/helpers/database-url.js';
import { certifyFinalErasure, ERASURES, listedHandlers } from '../test/helpers/handover.js';
import { buildWorld } from '../test/helpers/world.js';
import { workerTestApp } from '../test/workers/worker-test-app.js';
import { startWranglerDev } from '../test/workers/wrangler-dev.js';
import { startAppServer } from './lib/server.js';

// npm run bench:workers — the figures of the Workers entry beside the Node server's, on one
// PostgreSQL database (DATABASE_URL's server; default 127.0.0.1:5432): the bundle's size, the first
// requests after a start, a list request and an erasure-certificate PDF. The Worker runs under
// `wrangler dev` (workerd on this machine, Hyperdrive's local connection), the Node server as
// `npm start` runs it. Results go to bench/results/workers-<timestamp>.json and .md.

const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUNS = Number(process.env.RUNS ?? 40);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const p95 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.ceil(v.length * 0.95) - 1]!;
const r = (n: number) => Math.round(n * 10) / 10;

async function timed(url: string, token: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t0;
}

async function series(url: string, token: string, runs: number) {
  const first = await timed(url, token);
  for (let i = 0; i < 3; i++) await timed(url, token);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(url, token));
  return { firstMs: r(first), medianMs: r(median(times)), p95Ms: r(p95(times)), runs };
}

function bundleSize() {
  const out = execFileSync(
    process.execPath,
    ['scripts/wrangler.mjs', 'deploy', '--dry-run', '--outdir', 'build/worker/dist'],
    {
      encoding: 'utf8',
    },
  );
  const m = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(out);
  return m ? { uploadKiB: Number(m[1]), gzipKiB: Number(m[2]) } : { raw: out };
}

const name = `wk_bench_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`create database ${name}`);
const databaseUrl = withDatabase(server, name);
const handle = await createDatabase({ databaseUrl, poolSize: 4 });
const results: Record<string, unknown> = { at: new Date().toISOString(), bundle: bundleSize() };
try {
  await migrateToLatest(handle.db);
  // the first requests after a start, three starts: /readyz (the app built, a first connection),
  // then the contract list (the signing keys loaded)
  const starts: Array<{ readyzMs: number; listMs: number }> = [];
  let worker = await startWranglerDev({ databaseUrl });
  const w = await buildWorld(workerTestApp(worker.url, handle));
  const officer = w.tokens.ward_officer!;
  for (let i = 0; i < 3; i++) {
    await worker.stop();
    worker = await startWranglerDev({ databaseUrl });
    const readyz = await timed(`${worker.url}/readyz`, officer);
    const list = await timed(`${worker.url}${CONTRACTS}?limit=20`, officer);
    starts.push({ readyzMs: r(readyz), listMs: r(list) });
  }
  results.workerFirstRequests = starts;

  // an erasure certificate to draw: the bicycle contract ends and its contractor certifies
  const t2 = workerTestApp(worker.url, handle);
  const contract = expectStatus(
    await t2.call('GET', `${CONTRACTS}/${w.bicycleContractId}`, { token: officer }),
    200,
  );
  expectStatus(await transition(t2, officer, contract, 'begin-ending'), 200);
  const company = w.tokens.contractor_manager!;
  const people = await listedHandlers(t2, company, w.bicycleContractId);
  await certifyFinalErasure(t2, company, w.bicycleContractId, Object.values(people)[0]!);
  const record = expectStatus(await t2.call('GET', ERASURES, { token: company }), 200).items[0];
  const pdfPath = `${ERASURES}/${record.id}/certificate/pdf`;
  const listPath = `${CONTRACTS}?limit=20`;

  results.worker = {
    list: await series(`${worker.url}${listPath}`, officer, RUNS),
    certificatePdf: await series(`${worker.url}${pdfPath}`, company, Math.ceil(RUNS / 2)),
  };
  await worker.stop();

  const node = await startAppServer(databaseUrl);
  results.nodeReadyMs = r(node.readyMs);
  try {
    results.node = {
      list: await series(`${node.base}${listPath}`, officer, RUNS),
      certificatePdf: await series(`${node.base}${pdfPath}`, company, Math.ceil(RUNS / 2)),
    };
  } finally {
    await node.stop();
  }
} finally {
  await handle.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
mkdirSync(join('bench', 'results'), { recursive: true });
writeFileSync(join('bench', 'results', `workers-${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
