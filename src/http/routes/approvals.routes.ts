import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type ApprovalCommand,
  actOnApproval,
  approvalActions,
} from '../../domain/approvals/act-on-approval.js';
import type { Approval } from '../../domain/approvals/approval.repository.js';
import { getApproval, listApprovals } from '../../domain/approvals/read-approvals.js';
import { addSuspension, liftSuspension, listSuspensions } from '../../domain/approvals/suspensions.js';
import { fillMessage, NEUTRAL_WORDS } from '../../domain/organisations/municipality-words.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { readContext } from '../middleware/read-replica.js';
import {
  ApprovalCommandBody,
  ApprovalListItemSchema,
  ApprovalSchema,
  CouncilAnswerBody,
} from '../schemas/approvals.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  ListView,
  PageQuery,
  pageOfView,
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

/** The list's compact form of an approval (ApprovalListItemSchema): the application's text stays on the detail. */
export function presentApprovalListItem(viewer: Viewer, a: Approval): z.infer<typeof ApprovalListItemSchema> {
  return {
    allowedActions: approvalActions(viewer, a),
    id: a.id,
    number: a.number,
    wardId: a.wardId,
    kind: a.kind,
    contractId: a.contractId,
    parentContractId: a.parentContractId,
    applicantOrgId: a.applicantOrgId,
    title: a.application.title,
    periodFrom: a.application.periodFrom,
    periodTo: a.application.periodTo,
    subcontractorOrgId: a.application.kind === 'subdelegation' ? a.application.subcontractorOrgId : null,
    status: a.status,
    chain: a.chain,
    step: a.step,
    councilMode: a.councilMode,
    registerRevision: a.registerRevision,
    reviewDueOn: a.reviewDueOn,
    supersedesId: a.supersedesId,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}

const COMMANDS: Array<[ApprovalCommand, string, string]> = [
  [
    'submit',
    'Submit the application / 申請',
    'The applicant submits a draft application (申請): for a delegation (委託) the department’s privacy officer, for a sub-contracting (再委託) the contractor’s manager (統括責任者). It then waits for the first signer of the ward’s chain to start the review. A sub-contracting whose start date is already past is refused 422 (it must be approved before the work starts: apply again with a new date). Refused 409 unless the application is a draft; 403 for anyone but the applicant; 404 for an application you may not see.',
  ],
  [
    'start-review',
    'Start the review (the first step of the sign-off chain) / 審査開始',
    'The first signer of the ward’s sign-off chain (usually 担当者) starts the review of a submitted application (審査開始), which then awaits each signature in turn. Refused 409 unless the application is submitted and the actor holds the first role of the chain (the problem names the awaited role); 403 for a user who may not sign approvals; 404 for one who may not see it.',
  ],
  [
    'approve',
    'Sign the awaited step / 決裁（承認）',
    'The ward signer whose turn it is signs the application (決裁, 担当者 → 係長 → 課長 as the ward’s chain says). The last signature approves it — or, where the council is consulted (諮問), sends it to await the council’s answer. On approval a sub-contract is opened to its sub-contractor (approved, not started; it starts once its own register and handler list pass the activation gates), and a council report item (報告事項) is created. A sub-contracting is refused 409 when its start date has passed or the sub-contractor is on the suspension list (指名停止) on a day of its period; also 409 when it is another role’s turn (the problem names it) or the application is not under review. 403 for a user who may not sign.',
  ],
  [
    'send-back',
    'Send back for changes / 差戻し',
    'The ward signer whose turn it is sends the application back to the applicant for changes (差戻し), with a comment saying what to change; the applicant resubmits, and the chain signs again from its first step. Refused 409 unless the application is under review and it is the actor’s turn; 403 for a user who may not sign.',
  ],
  [
    'reject',
    'Reject / 不承認',
    'The ward signer whose turn it is rejects the application (不承認); this is final. A rejected sub-contracting never opens its sub-contract to the sub-contractor. Refused 409 unless the application is under review and it is the actor’s turn; 403 for a user who may not sign; 404 for an application you may not see.',
  ],
  [
    'resubmit',
    'Resubmit after changes / 再申請',
    'The applicant resubmits an application that was sent back (再申請); a delegation is read again from the contract and its register as they now stand. It then waits for the review to start again from the first signer. A sub-contracting whose start date has passed is refused 422. Refused 409 unless the application was sent back; 403 for anyone but the applicant.',
  ],
  [
    'revoke',
    'Revoke an approval (課長) / 承認の取消し',
    'The signer at the top of the ward’s chain (課長) revokes an approval (承認の取消し). A revoked sub-contracting cuts the sub-contractor off at once — it no longer sees the sub-contract, which begins its end so that its data is returned or erased — and the sub-contracts below follow it into ending in their own states. A revoked delegation ends its contract likewise. Such a contract cannot simply resume: the approval must be applied for again. Refused 409 unless the application is approved or when the actor is not at the top of the chain; 403 for a user who may not sign.',
  ],
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
      description:
        "The applications for approval (承認申請の一覧) the signed-in user may see, newest first, each with `allowedActions`. Items are compact by default — 整理番号, 件名, kind, period, state, whose turn and version; the application itself (its register, measures and reasons) is on the detail route — and whole with `view=full`. The ward's signers and inspectors see their ward's; a company sees its own applications and those of the chain below it. Permissions are applied in the database; filters narrow them, and a malformed cursor is 422.",
      request: {
        query: PageQuery.extend({
          status: z.string().max(30).optional(),
          kind: z.enum(['delegation', 'subdelegation']).optional(),
          contractId: Uuid.optional(),
          view: ListView,
        }),
      },
      responses: {
        200: jsonResponse(
          pageOfView(ApprovalListItemSchema, ApprovalSchema),
          'A page of approvals: compact items by default, whole ones with view=full',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { view, ...query } = c.req.valid('query');
      const page = await listApprovals(await readContext(c), query);
      const ctx = useCaseContext(c);
      const present = view === 'full' ? presentApproval : presentApprovalListItem;
      return c.json({ items: page.items.map((a) => present(ctx, a)), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One approval with its sign-off steps / 承認申請',
      description:
        'One application for approval (承認申請) — of a delegation (委託) or a sub-contracting (再委託) — with its application text, `myNumberAct` (番号法第10条: under a My Number contract the reason why every level of sub-contracting needs the municipality’s own permission, and a company’s attempt to decide it is a 403 saying so; null otherwise), its state (下書き, 申請済み, 審査中, 差戻し, 諮問中, 承認, 不承認, 承認取消し), the ward’s sign-off chain with whose turn it is, each signed step (who, role, when, comment), the council’s answer and `allowedActions`. The ward’s staff see their ward’s; a company its own and those of the chain below it. 404 for anyone else.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ApprovalSchema, 'The approval'), ...errorResponses },
    }),
    async (c) => {
      const approval = await getApproval(useCaseContext(c), c.req.valid('param').id);
      c.header('etag', `"${approval.version}"`);
      const words = c.get('auth')?.words ?? NEUTRAL_WORDS;
      return c.json(
        {
          ...presentApproval(useCaseContext(c), approval),
          myNumberAct: approval.myNumberAct && fillMessage(approval.myNumberAct, words),
        },
        200,
      );
    },
  );

  for (const [command, summary, description] of COMMANDS) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/${command}`,
        summary,
        description,
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
      description:
        "The first signer of the ward's chain records the council's answer (答申) to an application it was consulted on (諮問): approve or reject, and the day it was given. An approving answer approves the application (with the same effects as the last signature: a sub-contract opened, a council report item), a rejecting one rejects it. Refused 409 unless the application awaits the council, when the actor is not the first signer, or for a sub-contracting whose start date has passed; 403 for a user who may not sign.",
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
      description:
        "The ward's suspension list (指名停止の一覧): the companies suspended from sub-contracting, with the reason and period, and any early lifting. While a suspension is in force on a day of a proposed sub-contract's period, the application is refused and cannot be approved. Readable by the ward's signers and inspectors (filtered in the database: others get an empty list).",
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
      description:
        "The ward's privacy officer adds a company to the suspension list (指名停止の登録) with a reason, the first day and optionally the last (open-ended otherwise); the same company from the same day restates the suspension, in force again. An unknown company, or a period ending before it starts, is 422; 403 for anyone but the privacy officer. Audited. Applications to sub-contract to the company on a day of the period are refused from then on.",
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
