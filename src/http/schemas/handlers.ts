import { z } from '@hono/zod-openapi';
import { requiredText, text, Uuid } from './common.js';
import { DateText } from './contracts.js';

export const HandlerSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    fullName: z.string(),
    fullNameKana: z.string().nullable(),
    jobTitle: z.string().nullable(),
    pledges: z.array(
      z.object({
        id: z.string(),
        signedOn: z.string(),
        attachmentId: z.string().nullable(),
        wordingVersion: z.string().nullable(),
        bindsAfterContract: z.boolean(),
        bindsAfterLeaving: z.boolean(),
      }),
    ),
    trainings: z.array(z.object({ id: z.string(), heldOn: z.string(), subject: z.string() })),
    version: z.number().int(),
  })
  .openapi('Handler');

export const NewHandler = z.object({
  fullName: requiredText(100),
  fullNameKana: text(100).nullish(),
  jobTitle: text(100).nullish(),
});

export const PledgeInput = z.object({
  signedOn: DateText,
  attachmentId: Uuid.nullish().openapi({
    description: 'the signed copy (写し), uploaded with purpose=pledge',
  }),
  wordingVersion: text(100)
    .nullish()
    .openapi({ description: 'the wording (版) of the pledge signed, e.g. 南国市様式 令和8年4月版' }),
  bindsAfterContract: z
    .boolean()
    .optional()
    .openapi({ description: 'binds after the contract ends (契約終了後も有効; seed 004 5(1)③)' }),
  bindsAfterLeaving: z
    .boolean()
    .optional()
    .openapi({ description: 'binds after the person leaves the company (退職後も有効)' }),
});
export const TrainingInput = z.object({ heldOn: DateText, subject: requiredText(300) });

export const RosterRoleSchema = z
  .enum(['responsible', 'handler', 'general_manager', 'task_lead', 'deputy_task_lead', 'worker'])
  .openapi({
    description:
      'responsible 取扱責任者, handler 取扱者; as seed 004 names them: general_manager 統括責任者 (exactly one per contract), task_lead 業務責任者 and deputy_task_lead 副業務責任者 (each with its task), worker 業務従事者',
  });

export const HandlerListInput = z.object({
  entries: z
    .array(
      z.object({
        handlerId: Uuid,
        role: RosterRoleSchema,
        effectiveFrom: DateText,
        effectiveTo: DateText.nullish(),
        task: text(200).nullish().openapi({ description: '業務: required of a 業務責任者 and 副業務責任者' }),
        handlesMyNumber: z
          .boolean()
          .optional()
          .openapi({ description: 'allowed to handle 特定個人情報 (a My Number contract names them)' }),
      }),
    )
    .min(1)
    .max(500),
});

export const SubmissionSchema = z
  .object({
    id: z.string(),
    contractId: z.string(),
    wardId: z.string(),
    organisationId: z.string(),
    status: z.enum(['submitted', 'acknowledged', 'returned']),
    submittedBy: z.string().nullable(),
    submittedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    comment: z.string().nullable(),
    version: z.number().int(),
    entries: z.array(
      z.object({
        handlerId: z.string(),
        role: RosterRoleSchema,
        effectiveFrom: z.string(),
        effectiveTo: z.string().nullable().optional(),
        task: z.string().nullable().optional(),
        handlesMyNumber: z.boolean().optional(),
        handler: HandlerSchema,
      }),
    ),
  })
  .openapi('HandlerListSubmission');
