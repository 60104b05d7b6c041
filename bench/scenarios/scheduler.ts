import pg from 'pg';
import { createDatabase } from '../../src/db/create-database.js';
import { issueReports } from '../../src/domain/reports/issue-reports.js';
import { periodOf } from '../../src/domain/reports/periods.js';

// Scheduler: the six-monthly report requests of a period not yet issued, for every ward at once
// (issueReports, one INSERT … SELECT … ON CONFLICT DO NOTHING plus one audit entry per ward), then
// the same run again, which must issue nothing. Baseline: the same candidate rows selected into a
// temporary table by raw pg — the cost of finding and writing the rows without the unique index,
// the conflict check and the audit entries.

export interface SchedulerResult {
  period: string;
  first: { ms: number; issued: number };
  rerun: { ms: number; issued: number };
  baseline: { ms: number; rows: number };
}

const CANDIDATES = `
  select c.ward_id, c.id, c.contractor_org_id, $1::text as period, $2::date as period_from, $3::date as period_to
  from contracts c join organisations w on w.id = c.ward_id
  where c.handles_personal_info and c.period_from <= $3::date and c.period_to >= $2::date
    and (c.status in ('active', 'ending') or (c.status = 'closed' and c.updated_at >= $3::date))
    and (c.parent_contract_id is null or c.contractor_access)`;

export async function measureScheduler(databaseUrl: string, label = '2026H1'): Promise<SchedulerResult> {
  const period = periodOf(label);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let baseline: SchedulerResult['baseline'];
  try {
    await client.query('begin');
    const t0 = performance.now();
    const r = await client.query(`create temp table bench_candidates on commit drop as ${CANDIDATES}`, [
      period.label,
      period.from,
      period.to,
    ]);
    baseline = { ms: Math.round(performance.now() - t0), rows: r.rowCount ?? 0 };
    await client.query('rollback');
  } finally {
    await client.end();
  }
  const handle = await createDatabase({ databaseUrl });
  try {
    const t1 = performance.now();
    const first = await issueReports(handle.db, period, new Date());
    const firstMs = Math.round(performance.now() - t1);
    const t2 = performance.now();
    const rerun = await issueReports(handle.db, period, new Date());
    const rerunMs = Math.round(performance.now() - t2);
    return {
      period: label,
      first: { ms: firstMs, issued: first.issued },
      rerun: { ms: rerunMs, issued: rerun.issued },
      baseline,
    };
  } finally {
    await handle.close();
  }
}
