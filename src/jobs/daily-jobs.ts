import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import { issueAccessLogReviews } from '../domain/my-number/issue-access-log-reviews.js';
import { generateReminders } from '../domain/notifications/generate-reminders.js';
import { type Mailer, sendPendingMail } from '../domain/notifications/mailer.js';
import { issueOperationalReports } from '../domain/operational-reports/issue-operational-reports.js';
import { type IssuedBy, issueReports } from '../domain/reports/issue-reports.js';
import { latestCompletedPeriod, type ReportPeriod } from '../domain/reports/periods.js';
import { toJapanDate } from '../domain/shared/japan-date.js';
import type { WebhookSettings } from '../domain/webhooks/endpoint-address.js';
import { generateDailyDigests } from '../domain/worklists/daily-digest.js';

export interface DailyJobsResult {
  /** The half-year whose report requests were issued. */
  period: string;
  /** Report requests issued by this run (those that existed already are not counted). */
  issued: number;
  /** Operational-report requests (業務日報・月報・年報) issued by this run. */
  operationalReports: number;
  /** Access-log reviews (アクセスログの確認) of My Number contracts issued by this run. */
  accessLogReviews: number;
  /** Reminders added. */
  reminders: number;
  /** Daily digests of the inbox added (0 without a mailer). */
  digests: number;
  /** Mails sent (0 without a mailer). */
  mailed: number;
}

export interface JobDeps {
  db: Kysely<Database>;
  now: () => Date;
  logger: Pick<Logger, 'info' | 'error'>;
  mailer?: Mailer;
  /** Present: the webhook tick runs every minute (src/domain/webhooks). */
  webhooks?: WebhookSettings;
}

/**
 * The daily work, safe to run any number of times and on several servers at once: issue the
 * requests of the latest completed six-month period (catching up after downtime) and the
 * operational-report requests due by today (業務日報・月報・年報, catching up a month) and the
 * access-log reviews of My Number contracts (アクセスログの確認, catching up three months), add the
 * reminders of every deadline, when mail is configured the inbox's daily digest (one mail a day to
 * each person with steps waiting), and mail what is not mailed yet.
 */
export async function runDailyJobs(
  deps: JobDeps,
  /** An administrator's run now: who asked, and a period of theirs instead of the latest. */
  options: { period?: ReportPeriod; by?: IssuedBy } = {},
): Promise<DailyJobsResult> {
  const now = deps.now();
  const period = options.period ?? latestCompletedPeriod(toJapanDate(now));
  const issued = await issueReports(deps.db, period, now, options.by);
  const operationalReports = await issueOperationalReports(deps.db, now, options.by);
  const accessLogReviews = await issueAccessLogReviews(deps.db, now, options.by);
  const reminders = await generateReminders(deps.db, now);
  const digests = deps.mailer ? await generateDailyDigests(deps.db, now) : 0;
  const mailed = deps.mailer ? await sendPendingMail(deps.db, deps.mailer, now) : 0;
  await deps.db
    .insertInto('job_runs')
    .values({ job: 'daily', last_run_at: now })
    .onConflict((oc) => oc.column('job').doUpdateSet({ last_run_at: now }))
    .execute();
  deps.logger.info(
    {
      period: period.label,
      issued: issued.issued,
      operationalReports,
      accessLogReviews,
      reminders,
      digests,
      mailed,
    },
    'daily jobs ran',
  );
  return {
    period: period.label,
    issued: issued.issued,
    operationalReports,
    accessLogReviews,
    reminders,
    digests,
    mailed,
  };
}
