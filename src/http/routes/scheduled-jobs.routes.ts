import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { runJobsNow } from '../../jobs/run-jobs-now.js';
import type { AppEnv } from '../app-env.js';
import { requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { bearerSecurity, errorResponses, jsonBody, jsonResponse, text } from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';

const RunResultSchema = z
  .object({
    period: z.string().openapi({ description: 'the half-year whose report requests were issued' }),
    issued: z.number().int().openapi({ description: 'report requests issued by this run' }),
    operationalReports: z
      .number()
      .int()
      .openapi({ description: 'operational-report requests (業務日報・月報・年報) issued by this run' }),
    accessLogReviews: z.number().int().openapi({
      description: 'access-log reviews (アクセスログの確認) of My Number contracts issued by this run',
    }),
    reminders: z.number().int().openapi({ description: 'reminders added by this run' }),
    mailed: z.number().int().openapi({ description: 'mails sent by this run (0 without SMTP)' }),
    ranAt: z.string(),
  })
  .openapi('ScheduledJobsRun');

/** 定時処理: an administrator runs the scheduler's daily jobs now, through the running server. */
export function scheduledJobRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/run',
      tags: ['scheduled jobs'],
      summary: 'Run the daily jobs now (system administrators) / 定時処理の即時実行',
      description:
        'Runs what the scheduler runs daily — the compliance-report requests of the latest completed half-year (or of `period`), the operational-report requests due by today (業務日報・月報・年報 of contracts that require them, catching up 31 days), the access-log reviews of My Number contracts (アクセスログの確認, monthly unless the contract records another interval, catching up 92 days), the reminders, and the mail — and answers what this run did. Idempotent: what exists already is not issued or sent again. Audited (`scheduled_jobs.run`). `npm run reports:issue` calls it when the server holds the PGlite directory.',
      security: bearerSecurity,
      request: {
        body: {
          ...jsonBody(
            z.object({
              period: text(10)
                .optional()
                .openapi({ description: 'a half-year that has ended, e.g. 2026H1', example: '2026H1' }),
            }),
          ),
          required: false,
        },
      },
      responses: { 200: jsonResponse(RunResultSchema, 'What the run did'), ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json') ?? {};
      const deps = c.get('deps');
      const result = await runJobsNow(
        useCaseContext(c),
        { mailer: deps.mailer, logger: c.get('logger') },
        { period: body.period },
      );
      return c.json({ ...result, ranAt: result.ranAt.toISOString() }, 200);
    },
  );
  return app;
}
