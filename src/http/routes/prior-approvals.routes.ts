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
  PageQuery,
  pageOf,
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

function present(viewer: Viewer, record: PriorApproval) {
  const { chainOrgIds: _c, machine: _m, ...p } = record;
  return {
    ...p,
    allowedActions: priorApprovalActions(viewer, record),
    appliedAt: p.appliedAt.toISOString(),
    decidedAt: p.decidedAt?.toISOString() ?? null,
  };
}

const COMMANDS: Array<[PriorApprovalCommand, string, string]> = [
  [
    'approve',
    'Sign the application (担当者 → 係長 → 課長) / 承認',
    'The ward signer whose turn it is signs; the last signature approves it.',
  ],
  [
    'send-back',
    'Send it back to the applicant / 差戻し',
    'A comment saying what must be corrected is required.',
  ],
  ['reject', 'Refuse it / 不承認', 'The signer whose turn it is refuses the application.'],
  [
    'resubmit',
    'Apply again after a send-back / 再申請',
    'The applicant may correct the reason, quantity, period, place and recipient; the chain signs again from its first step.',
  ],
  [
    'withdraw',
    'Withdraw an undecided application or a notification / 取下げ',
    'By the applicant, before it is decided or done.',
  ],
  [
    'complete',
    'Record it done / 実施の記録',
    'When and how (for a disposal its method); where the contract requires a witness (立会い) of the disposal, the witness’s name and date, without which it is refused (409). Not before the day it was approved or notified.',
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
        'The ward sees its own; a company sees its own and, as contractor, those of its sub-contractors (it answers for them). Permissions apply in SQL.',
      request: {
        query: PageQuery.extend({
          status: Status.optional(),
          kind: Kind.optional(),
          contractId: Uuid.optional(),
        }),
      },
      responses: {
        200: jsonResponse(pageOf(PriorApprovalSchema), 'A page of applications'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const page = await listPriorApprovals(useCaseContext(c), c.req.valid('query'));
      return c.json(
        { items: page.items.map((p) => present(useCaseContext(c), p)), nextCursor: page.nextCursor },
        200,
      );
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
          body: jsonBody(
            z.object({
              comment: text(3000).nullish(),
              reason: text(3000).nullish(),
              quantity: z.number().int().min(0).max(10_000_000).nullish(),
              periodFrom: DateText.nullish(),
              periodTo: DateText.nullish(),
              place: text(1000).nullish(),
              recipient: text(1000).nullish(),
              completedOn: DateText.nullish(),
              method: text(2000).nullish(),
              witnessName: text(200).nullish(),
              witnessedOn: DateText.nullish(),
              note: text(3000).nullish(),
              version: VersionField,
            }),
          ),
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
            disposalWitness: z.boolean().openapi({ description: '廃棄に区の立会いを要する' }),
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
