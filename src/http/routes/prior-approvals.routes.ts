import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  actOnPriorApproval,
  type PriorApprovalCommand,
  priorApprovalActions,
} from '../../domain/prior-approvals/act-on-prior-approval.js';
import { applyForPriorApproval } from '../../domain/prior-approvals/apply-for-prior-approval.js';
import type { PriorApproval } from '../../domain/prior-approvals/prior-approval.repository.js';
import {
  readPriorApprovalSettings,
  updatePriorApprovalSettings,
} from '../../domain/prior-approvals/prior-approval-settings.js';
import {
  getPriorApprovalWithSteps,
  listPriorApprovals,
} from '../../domain/prior-approvals/read-prior-approvals.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  AllowedActions,
  bearerSecurity,
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

const common = { tags: ['prior approvals'], security: bearerSecurity };
const Kind = z.enum(['copy', 'other_use', 'take_out', 'disposal']).openapi({
  description:
    'copy 複写・複製 (別紙7 第8条, 乙9); other_use 目的外利用・第三者提供 (第5条・第6条, 乙7); take_out 持出し of paper or another carrier (第9条, 乙6 — encrypted media are handover packages); disposal 廃棄 (第10条)',
});
const Status = z.enum(['applied', 'returned', 'approved', 'rejected', 'notified', 'withdrawn', 'done']);

const PriorApprovalSchema = z
  .object({
    allowedActions: AllowedActions,
    id: z.string(),
    wardId: z.string(),
    contractId: z.string(),
    applicantOrgId: z.string(),
    kind: Kind,
    status: z.string().openapi({
      description:
        'applied 申請中 (the ward signs), returned 差戻し, approved 承認済み, rejected 不承認, notified 届出済み (the contract needs no approval for this kind), withdrawn 取下げ, done 実施済み',
    }),
    reason: z.string(),
    items: z.array(z.object({ key: z.string(), group: z.string(), name: z.string() })),
    quantity: z.number().nullable(),
    periodFrom: z.string(),
    periodTo: z.string(),
    place: z.string(),
    carrier: z.enum(['paper', 'device', 'other']).nullable(),
    recipient: z.string().nullable(),
    needsApproval: z.boolean(),
    witnessRequired: z.boolean(),
    chain: z.array(z.string()),
    step: z.number(),
    appliedAt: z.string(),
    decidedAt: z.string().nullable(),
    completedOn: z.string().nullable(),
    method: z.string().nullable(),
    witnessName: z.string().nullable(),
    witnessedOn: z.string().nullable(),
    completionNote: z.string().nullable(),
    version: z.number(),
  })
  .openapi('PriorApproval');

const StepSchema = z.object({
  seq: z.number(),
  role: z.string(),
  decision: z.string(),
  comment: z.string().nullable(),
  userName: z.string().nullable(),
  at: z.string(),
});
const PriorApprovalWithSteps = PriorApprovalSchema.extend({ steps: z.array(StepSchema) }).openapi(
  'PriorApprovalWithSteps',
);

const SettingsSchema = z
  .object({
    contractId: z.string(),
    requiredKinds: z.array(Kind),
    disposalWitness: z.boolean(),
    isDefault: z.boolean(),
    version: z.number(),
  })
  .openapi('PriorApprovalSettings');

/**
 * An application in a list (issue 21): what, by whom, for when and where, its state and whose turn,
 * and `allowedActions`. The reason, the register's items and the record of its carrying out stay
 * on the detail route, or `view=full`.
 */
const PriorApprovalListItemSchema = PriorApprovalSchema.pick({
  allowedActions: true,
  id: true,
  wardId: true,
  contractId: true,
  applicantOrgId: true,
  kind: true,
  status: true,
  quantity: true,
  periodFrom: true,
  periodTo: true,
  place: true,
  carrier: true,
  recipient: true,
  needsApproval: true,
  witnessRequired: true,
  chain: true,
  step: true,
  appliedAt: true,
  decidedAt: true,
  completedOn: true,
  version: true,
}).openapi('PriorApprovalListItem');

function presentListItem(viewer: Viewer, p: PriorApproval): z.infer<typeof PriorApprovalListItemSchema> {
  return {
    allowedActions: priorApprovalActions(viewer, p),
    id: p.id,
    wardId: p.wardId,
    contractId: p.contractId,
    applicantOrgId: p.applicantOrgId,
    kind: p.kind,
    status: p.status,
    quantity: p.quantity,
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    place: p.place,
    carrier: p.carrier,
    recipient: p.recipient,
    needsApproval: p.needsApproval,
    witnessRequired: p.witnessRequired,
    chain: p.chain,
    step: p.step,
    appliedAt: p.appliedAt.toISOString(),
    decidedAt: p.decidedAt?.toISOString() ?? null,
    completedOn: p.completedOn,
    version: p.version,
  };
}

function present(viewer: Viewer, record: PriorApproval) {
  const { chainOrgIds: _c, machine: _m, ...p } = record;
  return {
    ...p,
    allowedActions: priorApprovalActions(viewer, record),
    appliedAt: p.appliedAt.toISOString(),
    decidedAt: p.decidedAt?.toISOString() ?? null,
  };
}

const Comment = text(3000)
  .nullish()
  .openapi({ description: 'The comment of this step (shown in the history)' });
const Note = text(3000)
  .nullish()
  .openapi({ description: 'A note; kept as the step’s comment when no comment is given' });

/** The body each command reads, and nothing more (the server drops any other field). */
const BODIES = {
  approve: z.object({ comment: Comment, version: VersionField }).openapi('PriorApprovalApproveBody'),
  'send-back': z
    .object({
      comment: text(3000)
        .nullish()
        .openapi({ description: 'What must be corrected — required (422 when blank)' }),
      version: VersionField,
    })
    .openapi('PriorApprovalSendBackBody'),
  reject: z.object({ comment: Comment, version: VersionField }).openapi('PriorApprovalRejectBody'),
  resubmit: z
    .object({
      reason: text(3000).nullish().openapi({ description: '理由・必要性; left out, unchanged' }),
      quantity: z
        .number()
        .int()
        .min(0)
        .max(10_000_000)
        .nullish()
        .openapi({ description: '部数・数量; null is refused for a copying (複写)' }),
      periodFrom: DateText.nullish(),
      periodTo: DateText.nullish().openapi({ description: 'Not before periodFrom (422)' }),
      place: text(1000).nullish(),
      recipient: text(1000)
        .nullish()
        .openapi({ description: 'For another use (目的外利用): not blank when sent' }),
      comment: Comment,
      note: Note,
      version: VersionField,
    })
    .openapi('PriorApprovalResubmitBody'),
  withdraw: z
    .object({ comment: Comment, note: Note, version: VersionField })
    .openapi('PriorApprovalWithdrawBody'),
  complete: z
    .object({
      completedOn: DateText.nullish().openapi({
        description: '実施日 — required; not before the day it was approved or notified (422)',
      }),
      method: text(2000).nullish().openapi({ description: '廃棄の方法 — required for a disposal (422)' }),
      witnessName: text(200)
        .nullish()
        .openapi({ description: '立会人 — required where the contract asks for a witness (409)' }),
      witnessedOn: DateText.nullish().openapi({ description: '立会日 — the day of the disposal' }),
      note: Note,
      comment: Comment,
      version: VersionField,
    })
    .openapi('PriorApprovalCompleteBody'),
} satisfies Record<PriorApprovalCommand, z.ZodType>;

const COMMANDS: Array<[PriorApprovalCommand, string, string]> = [
  [
    'approve',
    'Sign the application (担当者 → 係長 → 課長) / 承認',
    'The ward signer whose turn it is in the ward’s sign-off chain (担当者 → 係長 → 課長) signs an application (申請中); the last signature approves it (承認済み) and the applicant may then act. Reads only a comment. Refused 409 when the application is not awaiting a decision or it is another role’s turn (the problem names the awaited role); 403 for a user who may not sign; 404 for one who may not see it.',
  ],
  [
    'send-back',
    'Send it back to the applicant / 差戻し',
    'The ward signer whose turn it is sends the application back to the applicant (差戻し) for correction; a comment saying what must be corrected is required (422 when blank). The applicant may then resubmit (再申請) or withdraw. Refused 409 unless the application awaits this signer; 403 for a user who may not sign.',
  ],
  [
    'reject',
    'Refuse it / 不承認',
    'The ward signer whose turn it is refuses the application (不承認); this is final, and the act may not be carried out. Reads only a comment. Refused 409 unless the application awaits this signer’s decision; 403 for a user who may not sign; 404 for one who may not see it.',
  ],
  [
    'resubmit',
    'Apply again after a send-back / 再申請',
    'The applicant (the company’s manager) applies again after a send-back (再申請): it may correct the reason, quantity, period, place and recipient (fields left out stay as they were); the ward’s chain signs again from its first step. A copying (複写) keeps a number of copies and another use (目的外利用) a recipient; a period that ends before it starts is refused (422). Refused 409 unless the application was sent back; 403 for anyone but the applicant’s manager.',
  ],
  [
    'withdraw',
    'Withdraw an undecided application or a notification / 取下げ',
    'The applicant (the company’s manager) withdraws (取下げ) an application the ward has not decided yet, one sent back, or a notification (届出) not yet recorded as done. Refused 409 once it is approved, rejected, done or already withdrawn; 403 for anyone but the applicant’s manager; 404 for one who may not see it.',
  ],
  [
    'complete',
    'Record it done / 実施の記録',
    'The applicant records that the act was carried out (実施の記録): the day (`completedOn`, required and not before the day it was approved or notified, 422) and, for a disposal (廃棄), its method (required, 422). Where the contract requires the ward’s witness (立会い) of a disposal, the witness’s name and date (the same day as the disposal) are required, without which it is refused (409). Only an approved application or a notification may be completed (409 otherwise); 403 for anyone but the applicant’s manager.',
  ],
];

/** 事前承認: applications and notifications for copying, other use, taking out and disposal. */
export function priorApprovalRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Prior approvals you may see / 事前承認の一覧',
      description:
        'The applications and notifications for prior approval (事前承認: 複写, 目的外利用, 持出し, 廃棄) the signed-in user may see, with `allowedActions`. Items are compact by default — kind, applicant, quantity, period, place, state and whose turn; the reason, the register’s items and the record of carrying it out are on the detail route — and whole with `view=full`. The ward sees its own; a company sees its own and, as contractor, those of its sub-contractors (it answers for them). Permissions apply in SQL.',
      request: {
        query: PageQuery.extend({
          status: Status.optional(),
          kind: Kind.optional(),
          contractId: Uuid.optional(),
          view: ListView,
        }),
      },
      responses: {
        200: jsonResponse(
          pageOfView(PriorApprovalListItemSchema, PriorApprovalSchema),
          'A page of applications: compact items by default, whole ones with view=full',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { view, ...query } = c.req.valid('query');
      const page = await listPriorApprovals(ctx, query);
      const items = page.items.map((p) => (view === 'full' ? present(ctx, p) : presentListItem(ctx, p)));
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Apply for prior approval, or notify / 事前承認の申請・届出',
      description:
        'By the manager of the company acting on its own contract or sub-contract. Where the contract requires the ward’s approval for the kind it is an application the ward signs; otherwise a notification (届出). The items must be in the contract’s register; the period starts today at the earliest.',
      request: {
        body: jsonBody(
          z.object({
            contractId: Uuid,
            kind: Kind,
            reason: requiredText(3000).openapi({ description: '理由・必要性' }),
            itemKeys: z
              .array(text(200))
              .max(200)
              .openapi({ description: 'keys of the register’s items concerned' }),
            quantity: z
              .number()
              .int()
              .min(0)
              .max(10_000_000)
              .nullish()
              .openapi({ description: '部数・数量' }),
            periodFrom: DateText,
            periodTo: DateText,
            place: requiredText(1000).openapi({ description: '場所（複写・持出し先・廃棄の場所）' }),
            carrier: z.enum(['paper', 'device', 'other']).nullish().openapi({ description: '持出しの媒体' }),
            recipient: text(1000).nullish().openapi({ description: '提供先・利用先と利用目的' }),
          }),
        ),
      },
      responses: { 201: jsonResponse(PriorApprovalSchema, 'Applied (or notified)'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        present(useCaseContext(c), await applyForPriorApproval(useCaseContext(c), c.req.valid('json'))),
        201,
      ),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One prior approval with its history / 事前承認',
      description:
        "One prior approval (事前承認) — an application or notification to copy (複写), use otherwise or provide (目的外利用・提供), take out (持出し) or dispose of (廃棄) personal data — with its state, the ward's sign-off steps (who, role, when, comment), what was done and its witness, and `allowedActions`. Readable by the ward's signers and inspectors, the applicant and the contractor above it; 404 for anyone else.",
      request: { params: IdParam },
      responses: { 200: jsonResponse(PriorApprovalWithSteps, 'The application'), ...errorResponses },
    }),
    async (c) => {
      const {
        steps,
        stamps: _s,
        ...record
      } = await getPriorApprovalWithSteps(useCaseContext(c), c.req.valid('param').id);
      return c.json(
        {
          ...present(useCaseContext(c), record),
          steps: steps.map((s) => ({
            seq: s.seq,
            role: s.role,
            decision: s.decision,
            comment: s.comment,
            userName: s.userName,
            at: s.at.toISOString(),
          })),
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
        request: {
          params: IdParam,
          body: jsonBody(BODIES[command]),
        },
        responses: {
          200: jsonResponse(PriorApprovalSchema, 'The application after the step'),
          ...errorResponses,
        },
      }),
      async (c) => {
        const { version, ...input } = c.req.valid('json');
        const record = await actOnPriorApproval(
          useCaseContext(c),
          c.req.valid('param').id,
          command,
          input,
          expectedVersion(c, version),
        );
        return c.json(present(useCaseContext(c), record), 200);
      },
    );
  }
  return app;
}

/** The contract's own settings: which kinds need prior approval, and a witness of disposals. */
export function priorApprovalSettingsRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);
  const tags = { tags: ['prior approvals'], security: bearerSecurity };

  app.openapi(
    createRoute({
      ...tags,
      method: 'get',
      path: '/{id}/prior-approval-settings',
      summary: 'Which acts need the ward’s prior approval / 事前承認を要する事項',
      description:
        'Without settings of its own a contract keeps seed 001 別紙7: all four kinds need approval, no witness (version 0).',
      request: { params: IdParam },
      responses: { 200: jsonResponse(SettingsSchema, 'The settings in force'), ...errorResponses },
    }),
    async (c) => c.json(await readPriorApprovalSettings(useCaseContext(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...tags,
      method: 'put',
      path: '/{id}/prior-approval-settings',
      summary: 'Set which acts need prior approval / 事前承認を要する事項の設定',
      description:
        'By the ward’s privacy officer; audited (contract.prior_approval_settings_update). A kind left out is notified (届出) instead of approved. Applications already made keep what they were made under.',
      request: {
        params: IdParam,
        body: jsonBody(
          z.object({
            requiredKinds: z.array(Kind).max(4),
            disposalWitness: z
              .boolean()
              .openapi({ description: "廃棄の立会い: the municipality's witness attends every disposal" }),
            version: z
              .number()
              .int()
              .min(0)
              .optional()
              .openapi({ description: 'The version you read (0 for the defaults)' }),
          }),
        ),
      },
      responses: { 200: jsonResponse(SettingsSchema, 'The settings after the change'), ...errorResponses },
    }),
    async (c) => {
      const { version, ...input } = c.req.valid('json');
      return c.json(
        await updatePriorApprovalSettings(
          useCaseContext(c),
          c.req.valid('param').id,
          input,
          expectedVersion(c, version),
        ),
        200,
      );
    },
  );
  return app;
}
