import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../src/db/create-database.js';
import type { Mailer } from '../../src/domain/notifications/mailer.js';
import { latestCompletedPeriod } from '../../src/domain/reports/periods.js';
import { toJapanDate } from '../../src/domain/shared/japan-date.js';
import { runDailyJobs } from '../../src/jobs/daily-jobs.js';
import { pageClient } from '../helpers/browser.js';
import type { TestApp } from '../helpers/test-app.js';
import { USERS } from '../helpers/world.js';
import type { ReceivedMail } from './mail-sink.js';
import { workerTestApp, workerWorld } from './worker-test-app.js';

// The Worker's cron handler runs the Node scheduler's daily jobs; both on one database, at once,
// issue each report request, reminder and mail exactly once.

const run = inject('workerRun');
const w = workerWorld();
let t: TestApp;

beforeAll(async () => {
  t = workerTestApp(run.url, await createDatabase({ databaseUrl: run.databaseUrl, poolSize: 4 }));
});
afterAll(() => t.close());

/** What `wrangler dev --test-scheduled` does for a cron trigger at that schedule. */
const triggerCron = (cron: string) =>
  fetch(`${run.url}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(cron)}`);
const received = async () => (await (await fetch(`${run.mailSink}/received`)).json()) as ReceivedMail[];
const count = async (table: 'compliance_reports' | 'notifications' | 'job_runs') =>
  Number(
    (
      await t.handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the daily jobs on the Worker’s cron trigger', () => {
  const nodeMail: Array<{ to: string; subject: string }> = [];
  const nodeMailer: Mailer = {
    async send(message) {
      nodeMail.push({ to: message.to, subject: message.subject });
    },
  };
  const runBoth = () =>
    Promise.all([
      triggerCron('10 15 * * *').then((res) => expect(res.status).toBe(200)),
      runDailyJobs({
        db: t.handle.db,
        now: () => new Date(),
        logger: { info: () => {}, error: () => {} },
        mailer: nodeMailer,
      }),
    ]);

  it('issues, reminds and mails once with the Node scheduler running at the same moment', async () => {
    expect(await count('compliance_reports')).toBe(0);
    await runBoth();
    const period = latestCompletedPeriod(toJapanDate(new Date())).label;
    const reports = await t.handle.db
      .selectFrom('compliance_reports')
      .select(['contract_id', 'organisation_id', 'period'])
      .execute();
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => r.period === period)).toBe(true);
    expect(reports.some((r) => r.contract_id === w.bicycleContractId)).toBe(true);
    // one run issued them, and one audit entry per ward says so
    const issued = await t.handle.db
      .selectFrom('audit_entries')
      .select(['ward_id', 'after'])
      .where('action', '=', 'compliance_report.issue')
      .execute();
    expect(issued.map((a) => a.ward_id).sort()).toEqual([...new Set(issued.map((a) => a.ward_id))].sort());

    // every reminder mailed once, by one scheduler or the other; the Worker's through the mail API
    const notifications = await t.handle.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['u.email', 'n.title', 'n.mailed_at'])
      .execute();
    expect(notifications.length).toBeGreaterThan(0);
    expect(notifications.every((n) => n.mailed_at !== null)).toBe(true);
    const workerMail = await received();
    const all = [...nodeMail, ...workerMail].map((m) => `${m.to} ${m.subject}`).sort();
    expect(all).toEqual(notifications.map((n) => `${n.email} ${n.title}`).sort());
    for (const mail of workerMail) {
      expect(mail).toMatchObject({ authorization: 'Bearer sink-token', from: expect.stringContaining('@') });
    }
  });

  it('adds nothing when both run again, and records the Worker’s run', async () => {
    const before = [
      await count('compliance_reports'),
      await count('notifications'),
      (await received()).length,
    ];
    const mailedByNode = nodeMail.length;
    await runBoth();
    expect([
      await count('compliance_reports'),
      await count('notifications'),
      (await received()).length,
    ]).toEqual(before);
    expect(nodeMail).toHaveLength(mailedByNode);
    const job = await t.handle.db
      .selectFrom('job_runs')
      .selectAll()
      .where('job', '=', 'daily')
      .executeTakeFirst();
    expect(Date.now() - job!.last_run_at.getTime()).toBeLessThan(60_000);
  });

  it('draws summary PDFs left waiting on the five-minute trigger', async () => {
    // an export drawn after its request, then set back to waiting as if that drawing had stopped
    const council = await pageClient(t, USERS.council_reviewer!.email);
    const id = (await council.post('/summaries/pdf', { fiscalYear: '2026' })).location!.split('/').pop()!;
    const status = async () =>
      (
        await t.handle.db
          .selectFrom('summary_exports')
          .select(['status', 'size_bytes'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;
    for (let i = 0; i < 100 && (await status()) !== 'ready'; i++)
      await new Promise((r) => setTimeout(r, 200));
    await t.handle.db
      .updateTable('summary_exports')
      .set({ status: 'pending', content: null, size_bytes: null, started_at: null, finished_at: null })
      .where('id', '=', id)
      .execute();
    expect((await triggerCron('*/5 * * * *')).status).toBe(200);
    const row = await t.handle.db
      .selectFrom('summary_exports')
      .select(['status', 'size_bytes'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('ready');
    expect(row.size_bytes).toBeGreaterThan(1000);
  });
});
