import cron from 'node-cron';
import { type JobDeps, runDailyJobs } from './daily-jobs.js';

/**
 * Runs the daily jobs at 00:10 Asia/Tokyo, and once at start so that a server that was down at the
 * scheduled moment catches up. Several instances may run it: the work itself is idempotent.
 */
export function startScheduler(deps: JobDeps): { stop: () => void; ready: Promise<void> } {
  const run = () =>
    runDailyJobs(deps).then(
      () => undefined,
      (error: unknown) => deps.logger.error({ err: error }, 'daily jobs failed'),
    );
  const task = cron.schedule('10 0 * * *', run, { timezone: 'Asia/Tokyo', name: 'daily-jobs' });
  return { stop: () => void task.stop(), ready: run() };
}
