import { z } from '@hono/zod-openapi';
import { AllowedActions, requiredText, text, Uuid, VersionField } from './common.js';
import { DateText, RegisterInputSchema } from './contracts.js';

export const ApprovalSchema = z
  .object({
    id: z.string(),
    number: z.string().openapi({
      description:
        '整理番号: 令和 year of the fiscal year (April–March, Japan time), kind and 4 digits, per ward per fiscal year, e.g. R8-再委託-0003 or R8-委託-0001',
    }),
    wardId: z.string(),
    kind: z.enum(['delegation', 'subdelegation']),
    contractId: z.string(),
    parentContractId: z.string().nullable(),
    applicantOrgId: z.string(),
    status: z.string(),
    chain: z.array(z.string()),
    step: z.number().int(),
    councilMode: z.enum(['none', 'report', 'consult']),
    councilAnswer: z.unknown().nullable(),
    application: z.record(z.string(), z.unknown()),
    registerRevision: z.number().int(),
    reviewDueOn: z.string().nullable(),
    supersedesId: z.string().nullable(),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    allowedActions: AllowedActions,
    myNumberAct: z.object({ ja: z.string(), en: z.string() }).nullable().optional().openapi({
      description:
        '番号法第10条: on a sub-contracting under a My Number contract, why the municipality’s own permission is needed at every level (detail only; null otherwise)',
    }),
    steps: z
      .array(
        z.object({
          seq: z.number(),
          role: z.string(),
          decision: z.string(),
          comment: z.string().nullable(),
          userId: z.string().nullable(),
          userName: z.string().nullable(),
          at: z.string(),
        }),
      )
      .optional(),
  })
  .openapi('Approval');

/**
 * An approval in a list (issue 21): what the lists show — 整理番号, 件名, kind, state and whose turn
 * — and `allowedActions`. The application itself (its register of 40 items, measures, reasons)
 * stays on the detail route, or `view=full`.
 */
export const ApprovalListItemSchema = ApprovalSchema.pick({
  allowedActions: true,
  id: true,
  number: true,
  wardId: true,
  kind: true,
  contractId: true,
  parentContractId: true,
  applicantOrgId: true,
  status: true,
  chain: true,
  step: true,
  councilMode: true,
  registerRevision: true,
  reviewDueOn: true,
  supersedesId: true,
  submittedAt: true,
  decidedAt: true,
  createdAt: true,
  updatedAt: true,
  version: true,
})
  .extend({
    title: z.string().openapi({ description: "件名: the application's title" }),
    periodFrom: z.string().openapi({ description: 'The period applied for, from (YYYY-MM-DD)' }),
    periodTo: z.string(),
    subcontractorOrgId: z
      .string()
      .nullable()
      .openapi({ description: '再委託先 of a sub-contracting; null for a delegation' }),
  })
  .openapi('ApprovalListItem');

export const DelegationApplicationInput = z.object({
  councilMode: z
    .enum(['report', 'consult'])
    .optional()
    .openapi({ description: '報告 (inform, default) or 諮問 (consult before it takes effect)' }),
  reviewDueOn: DateText.nullish(),
});

export const SubdelegationApplicationInput = z.object({
  subcontractor: z.union([
    z.object({ organisationId: Uuid }),
    z.object({
      name: requiredText(200),
      corporateNumber: text(13)
        .regex(/^\d{13}$/)
        .nullish(),
      address: text(500).nullish(),
    }),
  ]),
  reason: requiredText(3000).openapi({ description: '再委託する理由 (why it is unavoidable)' }),
  scope: requiredText(3000).openapi({ description: '再委託して処理する内容' }),
  portion: z
    .enum(['part', 'main', 'whole'])
    .openapi({ description: 'only part of the work may be sub-contracted' }),
  register: RegisterInputSchema.omit({ note: true, baseRevision: true }),
  safetyMeasures: z
    .array(requiredText(1000))
    .min(1)
    .max(50)
    .openapi({ description: '再委託先における安全性及び信頼性を確保する対策' }),
  supervisionMethod: requiredText(3000).openapi({ description: '再委託先に対する管理及び監督の方法' }),
  periodFrom: DateText,
  periodTo: DateText,
  title: text(300).optional(),
});

export const ApprovalCommandBody = z.object({
  comment: text(3000).nullish(),
  version: VersionField,
});

export const CouncilAnswerBody = ApprovalCommandBody.extend({
  answer: z.enum(['approve', 'reject']),
  answeredOn: DateText,
});
