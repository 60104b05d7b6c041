import type { Logger } from 'pino';
import { createApp } from './app.js';
import { runWebhookTick } from './domain/webhooks/webhook-tick.js';
import { runDailyJobs } from './jobs/daily-jobs.js';
import { drawWaitingExports } from './jobs/summary-exports.js';
import { renderCouncilSummaryPdf } from './pdf/council-summary/render-council-summary.js';
import { setJapaneseFontFiles } from './pdf/fonts.js';
import {
  type ScheduledEvent,
  SUMMARY_EXPORTS_CRON,
  WEBHOOKS_CRON,
  type WorkerContext,
  type WorkerEnv,
  workerWebhookSettings,
} from './worker/worker-env.js';
import { workerFontFiles } from './worker/worker-fonts.js';
import {
  createWorkerDeps,
  createWorkerLogger,
  createWorkerMailer,
  openInvocation,
  withInvocation,
} from './worker/worker-runtime.js';

// Cloudflare Workers entry: the same Hono app as the Node server (API and pages) on PostgreSQL
// through Hyperdrive, and the same daily jobs on a cron trigger. Migrations are not run here: they
// are applied from a machine with Node (`npm run migrate`), as for the Node servers (README).
// (A Worker's main module may export only handlers, so the cron strings live in worker-env.ts.)

let isolate: { app: ReturnType<typeof createApp>; logger: Logger } | undefined;

function isolateFor(env: WorkerEnv) {
  if (!isolate) {
    const logger = createWorkerLogger(env);
    setJapaneseFontFiles(() => workerFontFiles(env.ASSETS));
    isolate = {
      app: createApp(createWorkerDeps(logger, createWorkerMailer(env), workerWebhookSettings(env))),
      logger,
    };
  }
  return isolate;
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: WorkerContext): Promise<Response> {
    const { app } = isolateFor(env);
    const scope = await openInvocation(env, ctx);
    try {
      return await withInvocation(scope, () => app.fetch(request, env, ctx as never));
    } finally {
      ctx.waitUntil(scope.close());
    }
  },

  async scheduled(event: ScheduledEvent, env: WorkerEnv, ctx: WorkerContext): Promise<void> {
    const { logger } = isolateFor(env);
    const scope = await openInvocation(env, ctx);
    const now = () => new Date();
    try {
      if (event.cron === WEBHOOKS_CRON) {
        // the minute tick: deliveries due (claimed, so a Node server on the same database never
        // makes the same attempt) and the findings that went past their deadline
        await runWebhookTick({ db: scope.db, now, logger, settings: workerWebhookSettings(env) });
      } else if (event.cron === SUMMARY_EXPORTS_CRON) {
        // PDFs whose drawing after their request did not finish (a Worker's time after its
        // response is limited); claims keep this and any Node server off the same one.
        await drawWaitingExports({ db: scope.db, now, logger, render: renderCouncilSummaryPdf });
      } else {
        // The same work as the Node scheduler's, idempotent by its unique keys: several runs, or
        // a Worker and Node servers on one database, issue and remind once.
        await runDailyJobs({ db: scope.db, now, logger, mailer: createWorkerMailer(env) });
      }
    } finally {
      await scope.close();
    }
  },
};
