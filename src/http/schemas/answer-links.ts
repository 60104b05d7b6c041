import { z } from '@hono/zod-openapi';
import { DEFAULT_LINK_DAYS, MAX_LINK_DAYS } from '../../domain/answer-links/create-answer-link.js';
import { requiredText, Uuid } from './common.js';

/** What making a 回答用リンク reads, from the API and from the report's page alike. */
export const CreateAnswerLinkBody = z
  .object({
    purpose: z.enum(['compliance_report_answer', 'handler_pledge_upload']).openapi({
      description:
        'What the link is for: `compliance_report_answer` (別紙5への回答) or `handler_pledge_upload` (a handler’s signed pledge, 誓約書, with its copy)',
    }),
    targetId: Uuid.openapi({
      description: 'The record the link answers: the compliance report’s id, or the handler’s (取扱者)',
    }),
    contact: z.object({
      name: requiredText(200),
      email: z.email().max(320),
      organisation: requiredText(200),
    }),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(MAX_LINK_DAYS)
      .optional()
      .openapi({
        description: `Days until the link expires: ${DEFAULT_LINK_DAYS} when left out, at most ${MAX_LINK_DAYS}`,
      }),
  })
  .openapi('CreateAnswerLinkBody');

export const AnswerLinkSchema = z
  .object({
    id: Uuid,
    purpose: z.enum(['compliance_report_answer', 'handler_pledge_upload']),
    targetId: Uuid,
    organisationId: Uuid,
    contact: z.object({ name: z.string(), email: z.string(), organisation: z.string() }),
    createdBy: Uuid,
    createdAt: z.string(),
    expiresAt: z.string(),
    usedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    state: z.enum(['open', 'used', 'revoked', 'expired']),
  })
  .openapi('AnswerLink');
