import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { migrateToLatest } from '../db/migrator.js';
import { issueReports } from '../domain/reports/issue-reports.js';
import { latestCompletedPeriod, periodOf } from '../domain/reports/periods.js';
import { toJapanDate } from '../domain/shared/japan-date.js';
import { openDatabase } from '../node-runtime.js';

// npm run reports:issue -- --period 2026H1 — issues a period's report requests by hand (the
// scheduler does it daily); running it again issues nothing new.
const { values } = parseArgs({ options: { period: { type: 'string' } } });
const handle = await openDatabase(readConfig());
try {
  await migrateToLatest(handle.db);
  const period = values.period ? periodOf(values.period) : latestCompletedPeriod(toJapanDate(new Date()));
  const result = await issueReports(handle.db, period, new Date());
  console.log(`period ${result.period}: ${result.issued} request(s) issued`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
