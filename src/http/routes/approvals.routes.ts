import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type ApprovalCommand,
  actOnApproval,
  approvalActions,
} from '../../domain/approvals/act-on-approval.js';
import type { Approval } from '../../domain/approvals/approval.repository.js';
import { getApproval, listApprovals } from '../../domain/approvals/read-approvals.js';
import { addSuspension, liftSuspension, listSuspensions } from '../../domain/approvals/suspensions.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { ApprovalCommandBody, ApprovalSchema, CouncilAnswerBody } from '../schemas/approvals.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  PageQuery,
  pageOf,
  requiredText,
  Uuid,
  VersionField,
} from '../schemas/common.js';
import { DateText } from '../schemas/contracts.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['approvals'], security: bearerSecurity };

/** An approval as the API answers it, with what the viewer may do with it now. */
export function presentApproval(viewer: Viewer, a: Approval & { steps?: Array<{ at: Date }> }) {
  const { machine: _machine, ...fields } = a;
  return {
    ...fields,
    allowedActions: approvalActions(viewer, a),
    application: a.application as unknown as Record<string, unknown>,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    ...(a.steps && { steps: a.steps.map((s) => ({ ...s, at: s.at.toISOString() })) }),
  } as z.infer<typeof ApprovalSchema>;
}

const COMMANDS: Array<[ApprovalCommand, string]> = [
  ['submit', 'Submit the application / 申請'],
  ['start-review', 'Start the review (the first step of the sign-off chain) / 審査開始'],
  ['approve', 'Sign the awaited step / 決裁（承認）'],
  ['send-back', 'Send back for changes / 差戻し'],
  ['reject', 'Reject / 不承認'],
  ['resubmit', 'Resubmit after changes / 再申請'],
  ['revoke', 'Revoke an approval (課長) / 承認の取消し'],
];

export function approvalRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Approvals you may see / 承認申請の一覧',
      request: {
        query: PageQuery.extend({
          status: z.string().max(30).optional(),
          kind: z.enum(['delegation', 'subdelegation']).optional(),
          contractId: Uuid.optional(),
        }),
      },
      responses: { 200: jsonResponse(pageOf(ApprovalSchema), 'A page of approvals'), ...errorResponses },
    }),
    async (c) => {
      const page = await listApprovals(useCaseContext(c), c.req.valid('query'));
      const ctx = useCaseContext(c);
      return c.json(
        { items: page.items.map((a) => presentApproval(ctx, a)), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One approval with its sign-off steps / 承認申請',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ApprovalSchema, 'The approval'), ...errorResponses },
    }),
    async (c) => {
      const approval = await getApproval(useCaseContext(c), c.req.valid('param').id);
      c.header('etag', `"${approval.version}"`);
      return c.json(presentApproval(useCaseContext(c), approval), 200);
    },
  );

  for (const [command, summary] of COMMANDS) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/${command}`,
        summary,
        request: { params: IdParam, body: jsonBody(ApprovalCommandBody) },
        responses: { 200: jsonResponse(ApprovalSchema, 'The approval after the step'), ...errorResponses },
      }),
      async (c) => {
        const { comment, version } = c.req.valid('json');
        const approval = await actOnApproval(
          useCaseContext(c),
          c.req.valid('param').id,
          command,
          { comment },
          expectedVersion(c, version),
        );
        return c.json(presentApproval(useCaseContext(c), approval), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/council-answer',
      summary: "Record the council's answer to a consultation / 答申の記録",
      request: { params: IdParam, body: jsonBody(CouncilAnswerBody) },
      responses: { 200: jsonResponse(ApprovalSchema, 'The approval after the answer'), ...errorResponses },
    }),
    async (c) => {
      const { version, ...input } = c.req.valid('json');
      const approval = await actOnApproval(
        useCaseContext(c),
        c.req.valid('param').id,
        'council-answer',
        input,
        expectedVersion(c, version),
      );
      return c.json(presentApproval(useCaseContext(c), approval), 200);
    },
  );

  return app;
}

/** The ward's suspension list (指名停止). */
export function suspensionRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);
  const Suspension = z.object({
    id: z.string(),
    wardId: z.string(),
    companyId: z.string(),
    reason: z.string(),
    suspendedFrom: z.string(),
    suspendedTo: z.string().nullable(),
    liftedOn: z
      .string()
      .nullable()
      .openapi({ description: '解除日: from this day the suspension is no longer in force' }),
    liftReason: z.string().nullable(),
    liftedAt: z.string().nullable(),
    version: z.number().int(),
  });
  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: "The ward's suspension list / 指名停止の一覧",
      responses: {
        200: jsonResponse(z.object({ items: z.array(Suspension) }), 'Suspensions'),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await listSuspensions(useCaseContext(c)) }, 200),
  );
  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Suspend a company from sub-contracting / 指名停止の登録',
      request: {
        body: jsonBody(
          z.object({
            companyId: Uuid,
            reason: requiredText(1000),
            suspendedFrom: DateText,
            suspendedTo: DateText.nullish(),
          }),
        ),
      },
      responses: { 201: jsonResponse(Suspension, 'Added'), ...errorResponses },
    }),
    async (c) => c.json(await addSuspension(useCaseContext(c), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/lift',
      summary: 'Lift a suspension early / 指名停止の解除',
      description:
        'Ends the suspension from `liftedOn` (a day after its first and not after its last), for a reason; ' +
        'from that day the company may again be applied for as a sub-contractor. Lifted once (409 after); ' +
        'a suspension of another ward is 404. Audited as `suspension.lift`.',
      request: {
        params: IdParam,
        body: jsonBody(z.object({ liftedOn: DateText, reason: requiredText(1000), version: VersionField })),
      },
      responses: { 200: jsonResponse(Suspension, 'Lifted'), ...errorResponses },
    }),
    async (c) => {
      const { liftedOn, reason, version } = c.req.valid('json');
      const lifted = await liftSuspension(
        useCaseContext(c),
        c.req.valid('param').id,
        { liftedOn, reason },
        expectedVersion(c, version),
      );
      return c.json(lifted, 200);
    },
  );
  return app;
}
