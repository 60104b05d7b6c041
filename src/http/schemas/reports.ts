import { z } from '@hono/zod-openapi';
import { AllowedActions, text, Uuid, VersionField } from './common.js';

const AnswerSchema = z.object({
  answer: z.enum(['yes', 'no']).nullable(),
  text: text(5000).nullish(),
  attachmentIds: z.array(Uuid).max(20).optional(),
  useHandlerList: z.boolean().optional(),
});

export const AnswersSchema = z
  .object({
    q1: AnswerSchema,
    q2: AnswerSchema,
    q3: AnswerSchema,
    q4: AnswerSchema,
    q5: AnswerSchema,
    q6: AnswerSchema,
    q7: AnswerSchema,
    q8: AnswerSchema,
    q9: AnswerSchema,
  })
  .partial()
  .openapi('ComplianceAnswers');

export const ReportSchema = z
  .object({
    allowedActions: AllowedActions,
    id: z.string(),
    wardId: z.string(),
    contractId: z.string(),
    organisationId: z.string(),
    period: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    dueOn: z.string(),
    status: z.string(),
    overdue: z.boolean().optional(),
    answers: z.record(z.string(), z.unknown()),
    prefill: z.record(z.string(), z.unknown()),
    discrepancies: z.array(
      z.object({ question: z.string(), code: z.string(), en: z.string(), ja: z.string() }),
    ),
    chain: z.array(z.string()),
    step: z.number(),
    receivedOn: z.string().nullable(),
    returnComment: z.string().nullable(),
    submittedAt: z.string().nullable(),
    issuedAt: z.string(),
    version: z.number(),
    steps: z.array(z.record(z.string(), z.unknown())).optional(),
    answeredThroughLink: z
      .object({
        linkId: z.string(),
        name: z.string(),
        email: z.string(),
        organisation: z.string(),
        usedAt: z.string(),
      })
      .nullable()
      .optional()
      .openapi({
        description:
          'When the report was submitted by a company’s contact through a one-time link (回答用リンク): who, and when',
      }),
  })
  .openapi('ComplianceReport');

/**
 * A compliance report in a list (issue 21): whose report, which half-year, its due day, state, whose
 * turn, how many answers differ from the records, and `allowedActions`. The answers, the prefill and
 * the differences themselves stay on the detail route, or `view=full`.
 */
export const ReportListItemSchema = ReportSchema.pick({
  allowedActions: true,
  id: true,
  wardId: true,
  contractId: true,
  organisationId: true,
  period: true,
  periodFrom: true,
  periodTo: true,
  dueOn: true,
  status: true,
  overdue: true,
  chain: true,
  step: true,
  receivedOn: true,
  submittedAt: true,
  issuedAt: true,
  version: true,
})
  .extend({
    discrepancyCount: z
      .number()
      .int()
      .openapi({ description: 'How many answers differ from the records (記録との相違)' }),
  })
  .openapi('ComplianceReportListItem');

/** What the contractor's 一時保存 and 提出 read: the answers (the stored ones when left out) and a comment. */
export const ReportAnswersBody = z
  .object({
    answers: AnswersSchema.optional().openapi({
      description: 'The answers to the nine questions; left out, the answers already saved are used',
    }),
    comment: text(3000).nullish(),
    version: VersionField,
  })
  .openapi('ComplianceReportAnswersBody');

/** What the ward's 受付, 決裁 and 差戻し read: a comment only (差戻し keeps it as the reason). */
export const ReportWardStepBody = z
  .object({
    comment: text(3000).nullish().openapi({
      description: 'The comment of this step; on a return (差戻し), what must be corrected',
    }),
    version: VersionField,
  })
  .openapi('ComplianceReportWardStepBody');
