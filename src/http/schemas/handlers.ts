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
    pledges: z.array(z.object({ id: z.string(), signedOn: z.string(), attachmentId: z.string().nullable() })),
    trainings: z.array(z.object({ id: z.string(), heldOn: z.string(), subject: z.string() })),
    version: z.number().int(),
  })
  .openapi('Handler');

export const NewHandler = z.object({
  fullName: requiredText(100),
  fullNameKana: text(100).nullish(),
  jobTitle: text(100).nullish(),
});

export const PledgeInput = z.object({ signedOn: DateText, attachmentId: Uuid.nullish() });
export const TrainingInput = z.object({ heldOn: DateText, subject: requiredText(300) });

export const HandlerListInput = z.object({
  entries: z
    .array(
      z.object({
        handlerId: Uuid,
        role: z.enum(['responsible', 'handler']),
        effectiveFrom: DateText,
        effectiveTo: DateText.nullish(),
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
        role: z.enum(['responsible', 'handler']),
        effectiveFrom: z.string(),
        effectiveTo: z.string().nullable().optional(),
        handler: HandlerSchema,
      }),
    ),
  })
  .openapi('HandlerListSubmission');
