import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_PASSWORD } from './data/scale.js';
import { attribute, type CategoryRule, type CpuProfile, OTHER } from './lib/cpu-profile.js';
import { newPool, requirePostgresUrl } from './lib/database.js';
import { runLoad } from './lib/load.js';
import { signIn, startAppServer } from './lib/server.js';
import { benchWards, emails } from './lib/wards.js';

// npm run bench:profile -- [--target officer-list|register|approvals|reports|inspections|incidents|packages]
//   [--path /api/v1/…] [--seconds 20] [--warmup 3] [--connections 10] [--email E --password P]
//   [--log-level silent] [--keep]
// Where a read's server time goes (issue 21): starts src/main.node.ts on the bench database of
// DATABASE_URL (npm run bench:data) under `node --cpu-prof`, loads one read with autocannon as the
// privacy officer of ベンチ第1区, stops the server, and prints the CPU of the loaded seconds by
// category — by the rules below, each sample to the category of the frame nearest the leaf that a
// rule names — and the functions with the most self time.

/**
 * Where each frame belongs. A frame takes the first rule that matches it (name and URL patterns);
 * a frame that none matches takes its caller's category, up to `other`.
 */
const CATEGORIES: CategoryRule[] = [
  { category: 'GC', name: /^\(garbage collector\)$/ },
  { category: 'logging', url: /node_modules\/(pino|pino-std-serializers|sonic-boom|thread-stream)\// },
  { category: 'logging', url: /\/src\/http\/middleware\/request-context/ },
  {
    category: 'session lookup',
    url: /\/src\/http\/middleware\/authenticate|\/src\/domain\/auth\/|node_modules\/jose\//,
  },
  { category: 'permission/CASL', url: /node_modules\/@casl\/|\/policies\/|\/src\/domain\/shared\/authorize/ },
  {
    category: 'allowedActions/xstate',
    url: /node_modules\/xstate\/|\/workflows\/|\/src\/domain\/shared\/(allowed-actions|workflow|stored-snapshot)|-actions\.ts$/,
  },
  { category: 'allowedActions/xstate', name: /^(\w+Actions|mayTake|accepts)$/ },
  {
    category: 'row parsing',
    url: /node_modules\/(pg\/lib\/result|pg-types|postgres-array|postgres-date|postgres-interval|postgres-bytea)\/?|\.repository\.ts$/,
  },
  {
    category: 'SQL & pg protocol',
    url: /node_modules\/(pg|pg-protocol|pg-pool|pg-connection-string|kysely)\//,
  },
  { category: 'SQL & pg protocol', url: /\/src\/db\// },
  { category: 'JSON serialisation', name: /^(stringify|JSON\.stringify|SerializeJSON)$/ },
  // JSON.stringify is a builtin without a frame of its own: its time is c.json's self time
  { category: 'JSON serialisation', name: /^json$/, url: /node_modules\/hono\/dist\/context\.js$/ },
  {
    category: 'HTTP write',
    name: /^(writev|writeUtf8String|writeLatin1String|writeBuffer|writevGeneric|writeGeneric|_writeGeneric|_writev|_writeRaw|_send|_storeHeader|_flushOutput)$/,
  },
  {
    category: 'HTTP write',
    url: /node:_http_outgoing|node_modules\/@hono\/node-server\/.*(response|writeFromReadableStream)/,
  },
  { category: 'Hono, zod & presenting', url: /node_modules\/(hono|@hono\/zod-openapi|zod)\/|\/src\/http\// },
];

const ORDER = [
  'session lookup',
  'permission/CASL',
  'SQL & pg protocol',
  'row parsing',
  'allowedActions/xstate',
  'JSON serialisation',
  'HTTP write',
  'logging',
  'GC',
  'Hono, zod & presenting',
  OTHER,
];

const { values } = parseArgs({
  options: {
    target: { type: 'string', default: 'officer-list' },
    path: { type: 'string', multiple: true },
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    email: { type: 'string' },
    password: { type: 'string', default: BENCH_PASSWORD },
    'log-level': { type: 'string', default: 'silent' },
    top: { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
  },
});
const url = requirePostgresUrl();
const seconds = Number(values.seconds);
const LISTS: Record<string, string> = {
  'officer-list': '/api/v1/contracts?limit=50',
  approvals: '/api/v1/approvals?limit=50',
  reports: '/api/v1/compliance-reports?limit=50',
  inspections: '/api/v1/inspections?limit=50',
  incidents: '/api/v1/incidents?limit=50',
  packages: '/api/v1/handover-packages?limit=50',
};

/** The paths to load: --path as given, a named list's first page, or the registers the bench reads. */
async function pathsToLoad(): Promise<string[]> {
  if (values.path?.length) return values.path;
  if (values.target === 'register') {
    const pool = newPool(url, 1);
    try {
      const [ward] = await benchWards(pool);
      if (!ward) throw new Error('no generated ward in this database: npm run bench:data first');
      const rows = await pool.query(
        `select id from contracts where ward_id = $1 and depth = 1 and handles_personal_info and register_revision = 1
         order by created_at desc limit 50`,
        [ward.id],
      );
      return rows.rows.map((r) => `/api/v1/contracts/${r.id}/register`);
    } finally {
      await pool.end();
    }
  }
  const path = LISTS[values.target!];
  if (!path) throw new Error(`unknown --target ${values.target}: register, ${Object.keys(LISTS).join(', ')}`);
  return [path];
}

const paths = await pathsToLoad();
const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
const server = await startAppServer(url, { LOG_LEVEL: values['log-level']! }, [
  '--cpu-prof',
  `--cpu-prof-dir=${dir}`,
]);
let windowUs: { fromUs: number; toUs: number };
let load: Awaited<ReturnType<typeof runLoad>>;
try {
  const session = await signIn(server.base, values.email ?? emails.officer(1), values.password!);
  const common = {
    base: server.base,
    requests: paths.map((path) => ({ path })),
    connections: Number(values.connections),
    headers: { authorization: `Bearer ${session.accessToken}` },
  };
  const first = await fetch(`${server.base}${paths[0]}`, { headers: common.headers });
  if (!first.ok) throw new Error(`GET ${paths[0]}: ${first.status} ${await first.text()}`);
  const bytes = (await first.arrayBuffer()).byteLength;
  await runLoad({ ...common, label: 'warm-up', durationS: Number(values.warmup) });
  // V8's profile clock and process.hrtime are both the monotonic clock, in µs and ns
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  load = await runLoad({ ...common, label: 'profile', durationS: seconds });
  windowUs = { fromUs, toUs: Number(process.hrtime.bigint() / 1000n) };
  console.log(
    `${paths.length === 1 ? paths[0] : `${paths.length} paths (${paths[0]} …)`}: ${bytes} bytes; ${load.rps} req/s, p50 ${load.p50} ms, p99 ${load.p99} ms, ${load.completed} answers (${JSON.stringify(load.status)}), ${seconds} s, ${common.connections} connections`,
  );
} finally {
  await server.stop();
}

const pid = server.process.pid;
const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
// the main thread's profile: CPU.<date>.<time>.<pid>.0.<seq>.cpuprofile (loader threads have others)
const main =
  files.find((f) => f.includes(`.${pid}.0.`)) ??
  files.sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
if (!main) throw new Error(`no .cpuprofile in ${dir}: did the server exit cleanly?`);
const profile = JSON.parse(readFileSync(join(dir, main), 'utf8')) as CpuProfile;
const inside = windowUs.fromUs < profile.endTime && windowUs.toUs > profile.startTime;
if (!inside)
  console.log('(the load window is not on the profile clock: every sample counted, start-up included)');
const a = attribute(profile, CATEGORIES, inside ? windowUs : {}, Number(values.top));

const ms = (us: number) => (us / 1000).toFixed(0);
const pct = (us: number) => `${((100 * us) / Math.max(1, a.busyUs)).toFixed(1)} %`;
const rows = [...ORDER, ...[...a.byCategory.keys()].filter((k) => !ORDER.includes(k))];
console.log(
  `\nCPU of the server while loaded: ${ms(a.busyUs)} ms busy, ${ms(a.idleUs)} ms idle, ${a.samples} samples; ${(a.busyUs / 1000 / Math.max(1, load.completed)).toFixed(2)} ms of CPU per answer\n`,
);
console.log('| category | CPU ms | share |\n|---|---:|---:|');
for (const category of rows) {
  const us = a.byCategory.get(category) ?? 0;
  console.log(`| ${category} | ${ms(us)} | ${pct(us)} |`);
}
console.log(`\nThe ${a.topFunctions.length} functions with the most self time:\n`);
console.log('| function | category | share |\n|---|---|---:|');
for (const f of a.topFunctions) console.log(`| \`${f.frame}\` | ${f.category} | ${pct(f.us)} |`);
if (values.keep) console.log(`\nprofile kept: ${join(dir, main)}`);
else rmSync(dir, { recursive: true, force: true });
