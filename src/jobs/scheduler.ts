import cron from 'node-cron';
import { runWebhookTick } from '../domain/webhooks/webhook-tick.js';
import { type JobDeps, runDailyJobs } from './daily-jobs.js';
import { runSummaryExports } from './summary-exports.js';
import { renderSummaryInWorker } from './summary-render-thread.js';

/**
 * Runs the daily jobs at 00:10 Asia/Tokyo, and once at start so that a server that was down at the
 * scheduled moment catches up. Several instances may run it: the work itself is idempotent.
 * Summary PDFs asked for while no server was drawing them (one stopped mid-render, or restarted)
 * are picked up at start and every five minutes; claims keep two instances off the same one.
 * Webhooks: every minute, the events the clock makes and the deliveries due (claims again).
 */
export function startScheduler(deps: JobDeps): { stop: () => void; ready: Promise<void> } {
  const run = () =>
    runDailyJobs(deps).then(
      () => undefined,
      (error: unknown) => deps.logger.error({ err: error }, 'daily jobs failed'),
    );
  const task = cron.schedule('10 0 * * *', run, { timezone: 'Asia/Tokyo', name: 'daily-jobs' });
  const exports = () =>
    runSummaryExports({ ...deps, render: renderSummaryInWorker }).catch((error: unknown) =>
      deps.logger.error({ err: error }, 'summary PDF queue failed'),
    );
  const exportTask = cron.schedule('*/5 * * * *', exports, { name: 'summary-exports' });
  void exports();
  const settings = deps.webhooks;
  const webhookTask = settings
    ? cron.schedule(
        '* * * * *',
        () =>
          runWebhookTick({ ...deps, settings }).then(
            () => undefined,
            (error: unknown) => deps.logger.error({ err: error }, 'webhook tick failed'),
          ),
        { name: 'webhooks', noOverlap: true },
      )
    : undefined;
  return {
    stop: () => {
      void task.stop();
      void exportTask.stop();
      void webhookTask?.stop();
    },
    ready: run(),
  };
}
