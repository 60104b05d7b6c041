import type { Logger } from 'pino';
import { appendAuditEntry } from '../domain/audit/append-audit-entry.js';
import type { Mailer } from '../domain/notifications/mailer.js';
import { periodOf } from '../domain/reports/periods.js';
import type { UseCaseContext } from '../domain/shared/context.js';
import { ForbiddenError, ValidationError } from '../domain/shared/errors.js';
import { toJapanDate } from '../domain/shared/japan-date.js';
import { type DailyJobsResult, runDailyJobs } from './daily-jobs.js';

export interface RunJobsNowInput {
  /** A completed half-year (2026H1) to issue instead of the latest; the scheduler issues the latest. */
  period?: string;
}

/**
 * An administrator's "run now" of the scheduled daily jobs, through the running server: the same
 * runDailyJobs the scheduler runs (report requests, reminders, mail), so a command line tool never
 * has to open the server's database itself. System administrators only: the jobs are the whole
 * system's (every ward's requests and reminders, one mail queue), and a ward's 課長 running them
 * would act in other wards' records. Idempotent like the scheduler's run; the answer says what this
 * run did, and an audit entry (global chain) records who ran it and those counts; each ward's
 * issuing entry names the administrator as its actor.
 */
export async function runJobsNow(
  ctx: UseCaseContext,
  deps: { mailer?: Mailer; logger: Pick<Logger, 'info' | 'error'> },
  input: RunJobsNowInput,
): Promise<DailyJobsResult & { ranAt: Date }> {
  if (!ctx.actor.roles.includes('system_admin')) {
    throw new ForbiddenError({
      en: 'Only a system administrator may run the scheduled jobs now',
      ja: '定時処理の即時実行はシステム管理者のみが行えます',
    });
  }
  const ranAt = ctx.now();
  const period = input.period === undefined ? undefined : periodOf(input.period);
  if (period && period.issueOn > toJapanDate(ranAt)) {
    throw new ValidationError(
      {
        en: `The period ${period.label} has not ended yet: its report requests go out on ${period.issueOn}`,
        ja: `期間 ${period.label} はまだ終わっていません（報告の依頼は ${period.issueOn} に発行されます）`,
      },
      [
        {
          path: 'period',
          message: 'a half-year that has ended',
          message_ja: '終了した半期を指定してください',
        },
      ],
    );
  }
  const result = await runDailyJobs(
    { db: ctx.db, now: () => ranAt, logger: deps.logger, mailer: deps.mailer },
    {
      period,
      by: { userId: ctx.actor.userId, organisationId: ctx.actor.organisationId, requestId: ctx.requestId },
    },
  );
  await ctx.db.transaction().execute((tx) =>
    appendAuditEntry(tx, {
      wardId: null,
      actorUserId: ctx.actor.userId,
      actorOrgId: ctx.actor.organisationId,
      action: 'scheduled_jobs.run',
      subjectType: 'ScheduledJobs',
      subjectId: 'daily',
      after: { ...result, mailer: Boolean(deps.mailer) },
      requestId: ctx.requestId,
      at: ranAt,
    }),
  );
  return { ...result, ranAt };
}
