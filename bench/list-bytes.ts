import { parseArgs } from 'node:util';
import { BENCH_PASSWORD } from './data/scale.js';
import { requirePostgresUrl } from './lib/database.js';
import { signIn, startAppServer } from './lib/server.js';
import { emails } from './lib/wards.js';

// npm run bench:list-bytes -- [--email E --password P] [--limit 50] [--demo]
// Bytes of the first page of each list (issue 21), compact (the default) and whole (view=full, what
// every list answered before), as the privacy officer of ベンチ第1区 on the bench database of
// DATABASE_URL — or as whoever --email names (with --demo, on a database the server fills with the
// demo data on its first start, DEMO_PASSWORD being --password).

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    password: { type: 'string', default: BENCH_PASSWORD },
    limit: { type: 'string', default: '50' },
    demo: { type: 'boolean', default: false },
  },
});
const LISTS: Array<[string, string]> = [
  ['contracts', '/api/v1/contracts'],
  ['approvals', '/api/v1/approvals'],
  ['compliance reports', '/api/v1/compliance-reports'],
  ['incidents', '/api/v1/incidents'],
  ['inspections', '/api/v1/inspections'],
  ['handover packages', '/api/v1/handover-packages'],
];

const server = await startAppServer(
  requirePostgresUrl(),
  values.demo ? { DEMO_DATA: 'true', DEMO_PASSWORD: values.password! } : {},
);
try {
  const { accessToken } = await signIn(server.base, values.email ?? emails.officer(1), values.password!);
  console.log(`first page of ${values.limit} as ${values.email ?? emails.officer(1)}\n`);
  console.log(
    '| list | items | view=full (before) | compact (after) | after / before |\n|---|---:|---:|---:|---:|',
  );
  for (const [name, path] of LISTS) {
    const page = async (view: string) => {
      const res = await fetch(`${server.base}${path}?limit=${values.limit}${view}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      const body = await res.text();
      if (!res.ok) throw new Error(`GET ${path}${view}: ${res.status} ${body}`);
      const items = (JSON.parse(body) as { items: unknown[] }).items.length;
      return { bytes: Buffer.byteLength(body), items };
    };
    const full = await page('&view=full');
    const compact = await page('');
    const items = compact.items;
    const ratio = full.bytes ? `${((100 * compact.bytes) / full.bytes).toFixed(0)} %` : '—';
    console.log(
      `| ${name} | ${items} | ${full.bytes.toLocaleString('en')} | ${compact.bytes.toLocaleString('en')} | ${ratio} |`,
    );
  }
} finally {
  await server.stop();
}
