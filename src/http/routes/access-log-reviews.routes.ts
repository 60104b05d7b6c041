import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AccessLogReview } from '../../domain/my-number/access-log-review.repository.js';
import {
  type AccessLogReviewCommand,
  accessLogReviewActions,
  actOnAccessLogReview,
  getAccessLogReview,
  listAccessLogReviews,
  readReviewInterval,
  setReviewInterval,
} from '../../domain/my-number/access-log-reviews.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  AllowedActions,
  bearerSecurity,
  CommentStepBody,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  PageQuery,
  pageOf,
  text,
  Uuid,
  VersionField,
} from '../schemas/common.js';
import { DateText } from '../schemas/contracts.js';
import { validationHook } from '../validation-hook.js';

const tags = { tags: ['access-log reviews'], security: bearerSecurity };

const ReviewSchema = z
  .object({
    allowedActions: AllowedActions,
    id: z.string(),
    wardId: z.string(),
    contractId: z.string(),
    organisationId: z.string(),
    period: z.string().openapi({ description: '2026-11 (monthly) or FY2026-Q3 (quarterly)' }),
    periodFrom: z.string(),
    periodTo: z.string(),
    dueOn: z.string(),
    overdue: z.boolean(),
    status: z.string().openapi({
      description: 'issued 未実施, returned 差戻し, recorded 実施済み（確認待ち）, confirmed 確認済み',
    }),
    reviewedOn: z.string().nullable(),
    reviewerName: z.string().nullable(),
    logsReviewed: z.string().nullable(),
    anomaliesFound: z.boolean().nullable(),
    anomalyDescription: z.string().nullable(),
    actionTaken: z.string().nullable(),
    recordedAt: z.string().nullable(),
    returnComment: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    confirmComment: z.string().nullable(),
    issuedAt: z.string(),
    version: z.number(),
    incidentFormHref: z.string().nullable().openapi({
      description: 'where anomalies were found: the page to report the incident (事故報告) of the contract',
    }),
  })
  .openapi('AccessLogReview');

const IntervalSchema = z
  .object({
    contractId: z.string(),
    interval: z.enum(['monthly', 'quarterly']),
    chosen: z.boolean().openapi({ description: 'false: the default (monthly) of a My Number contract' }),
    version: z.number().int(),
  })
  .openapi('AccessLogReviewInterval');

export const INCIDENT_FORM = (contractId: string) => `/incidents/new?contractId=${contractId}`;

function present(viewer: Viewer, r: AccessLogReview & { overdue: boolean }) {
  const { machine: _m, recordedBy: _u, ...rest } = r;
  return {
    ...rest,
    allowedActions: accessLogReviewActions(viewer, r),
    recordedAt: r.recordedAt?.toISOString() ?? null,
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
    issuedAt: r.issuedAt.toISOString(),
    incidentFormHref: r.anomaliesFound ? INCIDENT_FORM(r.contractId) : null,
  };
}

const RecordBody = z
  .object({
    reviewedOn: DateText.nullish().openapi({
      description: '確認日 (required; within the period’s start and today)',
    }),
    reviewerName: text(200)
      .nullish()
      .openapi({ description: '確認者: the 業務責任者 or 取扱責任者 who reviewed (required)' }),
    logsReviewed: text(5000).nullish().openapi({
      description: '確認したアクセスログ: the systems, kinds of log and extent reviewed (required)',
    }),
    anomaliesFound: z.boolean().nullish().openapi({ description: '不審なアクセス等の有無 (required)' }),
    anomalyDescription: text(5000)
      .nullish()
      .openapi({ description: '不審なアクセス等の内容 (required when anomalies were found)' }),
    actionTaken: text(5000)
      .nullish()
      .openapi({ description: '講じた措置 (required when anomalies were found)' }),
    version: VersionField,
  })
  .openapi('AccessLogReviewRecordBody');

const COMMANDS: Array<[AccessLogReviewCommand, string, string]> = [
  [
    'record',
    'Record the review / アクセスログの確認結果の記録',
    'By the contract’s contractor (its 統括責任者, or its staff: 業務責任者・取扱責任者), while the review is issued or sent back: the date reviewed (from the period’s start to today), who reviewed, the logs reviewed, whether anomalies were found (不審なアクセス等の有無) and, if so, what and the action taken — all required (422, nothing changed). The city’s staff get a 403; others a 404; a stale version a 409. An anomaly should also be reported as an incident (事故報告): the answer links its form.',
  ],
  [
    'confirm',
    'Confirm the review / 確認',
    'By the city’s signers (担当者・係長・課長), on a recorded review: the city has confirmed the contractor’s access-log review (確認), with an optional comment. Refused 409 unless the review is recorded; 403 for the contractor; 404 for anyone who may not read it.',
  ],
  [
    'send-back',
    'Send the review back / 差戻し',
    'By the city’s signers, on a recorded review, with a comment saying what the review lacks (422 without): the contractor records it again. Refused 409 unless the review is recorded; 403 for the contractor; 404 for anyone who may not read it.',
  ],
];

/** アクセスログの確認 of My Number contracts: issued by the daily jobs, recorded by the contractor, confirmed by the city. */
export function accessLogReviewRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...tags,
      method: 'get',
      path: '/',
      summary: 'Access-log reviews you may see / アクセスログの確認の一覧',
      description:
        'The access-log reviews (アクセスログの確認) of My Number contracts, one per period of the contract’s interval (monthly by default), newest due first, each with `overdue` and `allowedActions`. The city’s staff see their own; the contract’s contractor its own; nobody else any (a company above it in the chain included). Permissions apply in SQL; a malformed cursor is 422.',
      request: {
        query: PageQuery.extend({
          contractId: Uuid.optional(),
          status: z.enum(['issued', 'returned', 'recorded', 'confirmed']).optional(),
          overdue: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
        }),
      },
      responses: { 200: jsonResponse(pageOf(ReviewSchema), 'A page of reviews'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const page = await listAccessLogReviews(ctx, c.req.valid('query'));
      return c.json({ items: page.items.map((r) => present(ctx, r)), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...tags,
      method: 'get',
      path: '/{id}',
      summary: 'One access-log review / アクセスログの確認',
      description:
        'One access-log review (アクセスログの確認) of a My Number contract: its period, due day and whether it is overdue, what the contractor recorded (who reviewed, which logs, anomalies found and the action taken), the city’s confirmation or send-back, `allowedActions`, and — where anomalies were found — `incidentFormHref`, the form to report the incident. Readable by the city’s staff and the contract’s contractor; 404 for anyone else.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ReviewSchema, 'The review'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const review = await getAccessLogReview(ctx, c.req.valid('param').id);
      c.header('etag', `"${review.version}"`);
      return c.json(present(ctx, review), 200);
    },
  );

  for (const [command, summary, description] of COMMANDS) {
    app.openapi(
      createRoute({
        ...tags,
        method: 'post',
        path: `/{id}/${command}`,
        summary,
        description,
        request: {
          params: IdParam,
          // the record reads the review's contents; the city's steps read a comment only
          body: jsonBody(command === 'record' ? RecordBody : CommentStepBody),
        },
        responses: { 200: jsonResponse(ReviewSchema, 'The review after the step'), ...errorResponses },
      }),
      async (c) => {
        const ctx = useCaseContext(c);
        const { version, ...input } = c.req.valid('json');
        const id = c.req.valid('param').id;
        await actOnAccessLogReview(ctx, id, command, input, expectedVersion(c, version));
        return c.json(present(ctx, await getAccessLogReview(ctx, id)), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      ...tags,
      method: 'get',
      path: '/intervals/{id}',
      summary: 'A contract’s review interval / アクセスログの確認の頻度',
      description:
        'How often the access logs of a My Number contract are reviewed (アクセスログの確認の頻度): monthly or quarterly (fiscal quarters). A My Number contract that records none is reviewed monthly (`chosen` false, version 0). `id` is the contract’s; 404 where the contract may not be read.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(IntervalSchema, 'The interval'), ...errorResponses },
    }),
    async (c) => c.json(await readReviewInterval(useCaseContext(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...tags,
      method: 'put',
      path: '/intervals/{id}',
      summary: 'Record a contract’s review interval / アクセスログの確認の頻度の設定',
      description:
        'The municipality’s officer (whoever may edit the contract) records how often a My Number contract’s access logs are reviewed: monthly or quarterly. Refused 422 on a contract without 個人番号 items; 403 for a company or a signer who may not edit the contract; 404 for another municipality’s contract; 409 when the version read (0 before the first setting) is stale. Periods already issued stay; the next ones follow the new interval. Audited (contract.access_log_review_interval).',
      request: {
        params: IdParam,
        body: jsonBody(
          z.object({
            interval: z.enum(['monthly', 'quarterly']).openapi({ description: '確認の頻度' }),
            version: z
              .number()
              .int()
              .min(0)
              .openapi({ description: 'the version read (0 before the first setting)' }),
          }),
        ),
      },
      responses: { 200: jsonResponse(IntervalSchema, 'The interval recorded'), ...errorResponses },
    }),
    async (c) => {
      const { interval, version } = c.req.valid('json');
      return c.json(
        await setReviewInterval(useCaseContext(c), c.req.valid('param').id, interval, version),
        200,
      );
    },
  );
  return app;
}
