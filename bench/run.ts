import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { countBenchWards, generateWards } from './data/generate.js';
import { BENCH_PASSWORD } from './data/scale.js';
import {
  databaseName,
  migrate,
  newPool,
  onServer,
  requirePostgresUrl,
  withDatabase,
} from './lib/database.js';
import { describeMachine, waitForQuiet } from './lib/machine.js';
import { figures, writeReport } from './lib/report.js';
import { startNodeServer } from './lib/server.js';
import { benchWards } from './lib/wards.js';
import { measureColdStarts } from './scenarios/cold-start.js';
import { measureFinal } from './scenarios/final-run.js';
import { measureScale, type ScaleResult, type ScaleSettings } from './scenarios/scale-run.js';

// npm run bench [-- --scales 1,10,50 --keep --db NAME --quick --no-wait --wait-minutes M --max-load L
//   --skip-verify --verify all|sample]
// Creates bench_<timestamp> on the PostgreSQL server of DATABASE_URL, generates wards up to each
// scale, starts the real server on it and measures reads and writes against baselines run in the
// same session (a bare Hono server, a raw pg transition); at the last scale also the scheduler,
// the documents and the server's memory; then cold start on PGlite and the audit chains. Raw results
// go to bench/results/run-<timestamp>.json (and a table beside it). The database is dropped at the
// end unless --keep (or --db, which names an existing one to reuse).

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,50' },
    keep: { type: 'boolean', default: false },
    db: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-wait': { type: 'boolean', default: false },
    'wait-minutes': { type: 'string', default: '20' },
    'max-load': { type: 'string', default: '1.5' },
    'skip-verify': { type: 'boolean', default: false },
    // all: every chain with the product's verifier; sample: global, first and last ward
    verify: { type: 'string' },
  },
});
const serverUrl = requirePostgresUrl();
const scales = values.scales!.split(',').map(Number);
if (
  scales.some((n) => !Number.isInteger(n) || n < 1) ||
  scales.join() !== [...scales].sort((a, b) => a - b).join()
) {
  console.error('--scales takes ascending ward counts, e.g. 1,10,50');
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '_');
const dbName = values.db ?? `bench_${stamp}`;
const url = withDatabase(serverUrl, dbName);
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const settings: ScaleSettings = values.quick
  ? {
      connections: 10,
      durationS: 3,
      warmupS: 1,
      baselineWrites: 60,
      httpWrites: 120,
      password: BENCH_PASSWORD,
    }
  : {
      connections: 10,
      durationS: 10,
      warmupS: 2,
      baselineWrites: 200,
      httpWrites: 400,
      password: BENCH_PASSWORD,
    };

if (!values.db) await onServer(serverUrl, (c) => c.query(`create database ${dbName}`));
log(`database ${databaseName(url)}`);
const results: Record<string, unknown> = {
  commands: [`DATABASE_URL=${serverUrl} npm run bench -- ${process.argv.slice(2).join(' ')}`.trim()],
  settings,
};
const outDir = join('bench', 'results');
mkdirSync(outDir, { recursive: true });
const save = () => {
  writeFileSync(join(outDir, `run-${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(outDir, `run-${stamp}.md`), writeReport(results));
  // the figures against their baselines and targets, for machines (and the closing note)
  writeFileSync(
    join(outDir, 'latest.json'),
    `${JSON.stringify({ run: `run-${stamp}`, quick: values.quick, figures: figures(results) }, null, 2)}\n`,
  );
};
const hono = await startNodeServer('bench/baseline/hono-server.ts', {});
const pool = newPool(url, 4);
try {
  await migrate(url);
  results.machine = await describeMachine(url);
  const generation: unknown[] = [];
  const scaleResults: ScaleResult[] = [];
  const quiet: unknown[] = [];
  results.generation = generation;
  results.scales = scaleResults;
  results.quiet = quiet;
  const rates = new Map<string, number>();
  for (const wards of scales) {
    const have = await countBenchWards(pool);
    if (have < wards) {
      log(`generating ${wards - have} ward(s) to reach ${wards}`);
      const g = await generateWards(pool, wards - have, { log });
      generation.push({ reached: wards, added: wards - have, ms: g.totalMs, wards: g.wards });
      save();
    }
    if (!values['no-wait'])
      quiet.push({
        scale: wards,
        ...(await waitForQuiet(Number(values['wait-minutes']), log, Number(values['max-load']))),
      });
    log(`measuring at ${wards} ward(s)`);
    scaleResults.push(await measureScale({ url, pool, wards, hono: hono.base, settings, rates, log }));
    save();
  }
  results.final = await measureFinal({ url, pool, settings, log, outDir: join(tmpdir(), 'bench-pdf') });
  save();
  log('cold start on PGlite');
  results.coldStart = await measureColdStarts(values.quick ? 1 : 3);
  save();
  if (!values['skip-verify']) {
    const { verifyChains, verifySomeChains } = await import('./lib/verify.js');
    const all = (values.verify ?? (scales[scales.length - 1]! <= 10 ? 'all' : 'sample')) === 'all';
    const wards = await benchWards(pool);
    log(all ? 'verifying every audit chain' : 'verifying the global, first and last ward chains');
    results.verification = all
      ? await verifyChains(url)
      : await verifySomeChains(url, ['global', wards[0]!.id, wards[wards.length - 1]!.id]);
    save();
  }
  log(`results: ${join(outDir, `run-${stamp}.json`)}`);
} finally {
  await pool.end();
  await hono.stop();
  if (!values.keep && !values.db) {
    await onServer(serverUrl, (c) => c.query(`drop database if exists ${dbName} with (force)`));
    log(`dropped ${dbName}`);
  }
}
