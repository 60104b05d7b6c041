import { parseArgs } from 'node:util';
import { countBenchWards, generateWards } from './data/generate.js';
import { migrate, newPool, requirePostgresUrl } from './lib/database.js';

// npm run bench:data -- --wards N
// Adds N generated wards (default 1) to the PostgreSQL database in DATABASE_URL, after migrating it:
// per ward ~2,000 contracts, ~3,000 sub-contracts, registers, handler lists, approvals, three years of
// compliance reports and their audit chain. Run again to add more wards. Prints each ward's
// timings by step and its row counts.

const { values } = parseArgs({ options: { wards: { type: 'string', default: '1' } } });
const wards = Number(values.wards);
if (!Number.isInteger(wards) || wards < 1 || wards > 500) {
  console.error('--wards must be a whole number from 1 to 500');
  process.exit(2);
}
const url = requirePostgresUrl();
await migrate(url);
const pool = newPool(url, 2);
try {
  const before = await countBenchWards(pool);
  console.log(`adding ${wards} ward(s) to ${before} existing`);
  const result = await generateWards(pool, wards, { log: (line) => console.log(line) });
  const entries = result.wards.reduce((n, w) => n + w.auditEntries, 0);
  for (const w of result.wards)
    console.log(JSON.stringify({ ward: w.wardNo, ms: w.ms, steps: w.steps, rows: w.rows }));
  console.log(
    `generated ${wards} ward(s) in ${(result.totalMs / 1000).toFixed(1)} s (${entries} audit entries); the database now holds ${result.wardsAfter}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await pool.end();
}
