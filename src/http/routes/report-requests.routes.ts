import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { japanToday } from '../../domain/inspections/inspection-access.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import {
  actOnReportRequest,
  getReportRequest,
  isOverdue,
  listReportRequests,
  type ReportRequestCommand,
  reportRequestActions,
} from '../../domain/supervision/read-report-requests.js';
import type { ReportRequest } from '../../domain/supervision/report-request.repository.js';
import { requestReport } from '../../domain/supervision/request-report.js';
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
  ListView,
  PageQuery,
  pageOfView,
  requiredText,
  text,
  Uuid,
  VersionField,
} from '../schemas/common.js';
import { DateText } from '../schemas/contracts.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['report requests'], security: bearerSecurity };
const Status = z.enum(['requested', 'answered', 'returned', 'accepted', 'withdrawn']);

export const ReportRequestSchema = z
  .object({
    allowedActions: AllowedActions,
    id: z.string(),
    wardId: z.string(),
    contractId: z.string(),
    requesterOrgId: z
      .string()
      .openapi({ description: 'who asks: the contractor above, or the municipality' }),
    subjectOrgId: z.string().openapi({ description: 'who answers: the contractor of contractId' }),
    status: Status.openapi({
      description:
        'requested 報告待ち, answered 報告済み（確認待ち）, returned 差戻し, accepted 受理, withdrawn 取下げ',
    }),
    topic: z.string(),
    detail: z.string().nullable(),
    dueOn: z.string(),
    overdue: z.boolean(),
    answerText: z.string().nullable(),
    answerAttachmentIds: z.array(z.string()),
    answeredAt: z.string().nullable(),
    reviewComment: z.string().nullable(),
    decidedAt: z.string().nullable(),
    requestedAt: z.string(),
    version: z.number(),
  })
  .openapi('ReportRequest');

/**
 * A request in a list (issue 21): who asks whom, about what, by when, its state, and
 * `allowedActions`. The request's detail, the answer and the review comment stay on the detail
 * route, or `view=full`.
 */
export const ReportRequestListItemSchema = ReportRequestSchema.pick({
  allowedActions: true,
  id: true,
  wardId: true,
  contractId: true,
  requesterOrgId: true,
  subjectOrgId: true,
  status: true,
  topic: true,
  dueOn: true,
  overdue: true,
  answeredAt: true,
  decidedAt: true,
  requestedAt: true,
  version: true,
}).openapi('ReportRequestListItem');

function presentListItem(
  viewer: Viewer & { now(): Date },
  r: ReportRequest,
): z.infer<typeof ReportRequestListItemSchema> {
  return {
    allowedActions: reportRequestActions(viewer, r),
    id: r.id,
    wardId: r.wardId,
    contractId: r.contractId,
    requesterOrgId: r.requesterOrgId,
    subjectOrgId: r.subjectOrgId,
    status: r.status,
    topic: r.topic,
    dueOn: r.dueOn,
    overdue: isOverdue(r, japanToday(viewer.now())),
    answeredAt: r.answeredAt?.toISOString() ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    requestedAt: r.requestedAt.toISOString(),
    version: r.version,
  };
}

export function presentReportRequest(viewer: Viewer & { now(): Date }, r: ReportRequest) {
  return {
    allowedActions: reportRequestActions(viewer, r),
    id: r.id,
    wardId: r.wardId,
    contractId: r.contractId,
    requesterOrgId: r.requesterOrgId,
    subjectOrgId: r.subjectOrgId,
    status: r.status,
    topic: r.topic,
    detail: r.detail,
    dueOn: r.dueOn,
    overdue: isOverdue(r, japanToday(viewer.now())),
    answerText: r.answerText,
    answerAttachmentIds: r.answerAttachmentIds,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    reviewComment: r.reviewComment,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    requestedAt: r.requestedAt.toISOString(),
    version: r.version,
  };
}

const COMMANDS: Array<[ReportRequestCommand, string, string]> = [
  [
    'answer',
    'Answer the request / 報告',
    'By the manager of the company asked, while the request awaits its answer (requested, or returned). The report text is required (422 without it); attachments are ids uploaded through /attachments for the contract’s municipality. Anyone else who reads the request gets 403, anyone who does not 404; a stale version or another state 409.',
  ],
  [
    'accept',
    'Accept the answer / 受理',
    'By the requester (the contractor’s manager, or the municipality’s officer or inspector when it asked), once answered; 409 in any other state, 403 for readers who are not the requester.',
  ],
  [
    'send-back',
    'Send the answer back / 差戻し',
    'By the requester, once answered, with a comment saying what the report lacks (422 without it); the company answers again.',
  ],
  [
    'withdraw',
    'Withdraw the request / 取下げ',
    'By the requester, while no answer waits for its decision (requested, or returned).',
  ],
];

/** 報告の求め: reports asked of a sub-contractor by its contractor, or of a company by the ward. */
export function reportRequestRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Report requests you may see / 報告の求めの一覧',
      description:
        'The requester, the company asked and the companies above it in the contract’s chain see a request; the municipality’s staff see every request in their municipality (how its contractors supervise their sub-contractors); council reviewers and everyone else see none. Permissions apply in SQL. `overdue=true`: still awaiting an answer past its due date (Japan time). Items are compact by default — who asks whom, the topic, due day, state and `allowedActions`; the request’s detail, the answer and the review comment are on the detail route — and whole with `view=full`.',
      request: {
        query: PageQuery.extend({
          contractId: Uuid.optional(),
          status: Status.optional(),
          requesterOrgId: Uuid.optional(),
          subjectOrgId: Uuid.optional(),
          overdue: z.enum(['true', 'false']).optional(),
          view: ListView,
        }),
      },
      responses: {
        200: jsonResponse(
          pageOfView(ReportRequestListItemSchema, ReportRequestSchema),
          'A page of requests: compact items by default, whole ones with view=full',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { overdue, view, ...query } = c.req.valid('query');
      const page = await listReportRequests(ctx, {
        ...query,
        ...(overdue === 'true' && { overdueOn: japanToday(ctx.now()) }),
      });
      const present = view === 'full' ? presentReportRequest : presentListItem;
      return c.json({ items: page.items.map((r) => present(ctx, r)), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Ask a company for a report / 報告の求め',
      description:
        'The contractor’s manager asks its own sub-contractor (seed 001 別紙7 第7条5, seed 003 丙15–16): `contractId` the contract it holds with `organisationId` the sub-contractor, or the sub-contract itself; any other company is refused (403). The municipality’s officer or inspector may ask the contractor of any contract of its own. The contract must be in force (409); the due date not before today (422); a contract the caller may not read is a 404.',
      request: {
        body: jsonBody(
          z.object({
            contractId: Uuid,
            organisationId: Uuid.optional().openapi({ description: 'the sub-contractor asked' }),
            topic: requiredText(200).openapi({ description: '報告を求める事項' }),
            detail: text(3000).nullish().openapi({ description: '内容・求める資料' }),
            dueOn: DateText.openapi({ description: '報告期限' }),
          }),
        ),
      },
      responses: { 201: jsonResponse(ReportRequestSchema, 'Requested'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      return c.json(presentReportRequest(ctx, await requestReport(ctx, c.req.valid('json'))), 201);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One report request / 報告の求め',
      description: 'With what the caller may do now (`allowedActions`). 404 for anyone who may not read it.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ReportRequestSchema, 'The request'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const record = await getReportRequest(ctx, c.req.valid('param').id);
      c.header('etag', `"${record.version}"`);
      return c.json(presentReportRequest(ctx, record), 200);
    },
  );

  const AnswerBody = z
    .object({
      text: text(10000).nullish().openapi({ description: 'the report (required: 422 when blank)' }),
      attachmentIds: z.array(Uuid).max(20).optional().openapi({ description: 'files uploaded first' }),
      version: VersionField,
    })
    .openapi('ReportRequestAnswerBody');

  for (const [command, summary, description] of COMMANDS) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/${command}`,
        summary,
        description,
        request: {
          params: IdParam,
          // the answer reads the report and its files; the requester's steps read a comment only
          body: jsonBody(command === 'answer' ? AnswerBody : CommentStepBody),
        },
        responses: {
          200: jsonResponse(ReportRequestSchema, 'The request after the step'),
          ...errorResponses,
        },
      }),
      async (c) => {
        const ctx = useCaseContext(c);
        const { version, ...input } = c.req.valid('json');
        const record = await actOnReportRequest(
          ctx,
          c.req.valid('param').id,
          command,
          input,
          expectedVersion(c, version),
        );
        return c.json(presentReportRequest(ctx, record), 200);
      },
    );
  }
  return app;
}
