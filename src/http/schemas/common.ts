import { z } from '@hono/zod-openapi';

// Shared request and response schemas. Every text field refuses NUL characters, which
// PostgreSQL cannot store, so hostile input gets a 422 rather than a database error.

export const text = (max = 1000) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'must not contain NUL characters' });

export const requiredText = (max = 1000) =>
  text(max).refine((s) => s.trim().length > 0, { message: 'must not be blank' });

export const Uuid = z.uuid();

export const IdParam = z.object({
  id: Uuid.openapi({ param: { name: 'id', in: 'path' }, example: '0b8f9f3e-7c1a-4d2e-9a55-3f0e6b2f8c11' }),
});

export const PageQuery = z.object({
  cursor: text(500)
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' } }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' } }),
});

/** What the signed-in person may do with the record now: the commands the record's workflow would accept from them. */
export const AllowedActions = z.array(z.string()).openapi({
  description:
    'The commands the signed-in user may take on this record now (their permissions and the workflow state, with the sign-off turn); the same answer the pages use to offer buttons. A command listed may still be refused for facts checked when it is taken (what a gate finds missing).',
  example: ['approve', 'send-back'],
});

export const VersionField = z.number().int().min(1).optional().openapi({
  description: 'The version the change is based on; or send If-Match: "<version>"',
});

/** The body of a step that reads only an optional comment (受付, 決裁, 差戻し, …) and the version. */
export const CommentStepBody = z
  .object({ comment: text(3000).nullish(), version: VersionField })
  .openapi('CommentStepBody');

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    title_ja: z.string(),
    status: z.number().int(),
    detail: z.string(),
    detail_ja: z.string(),
    instance: z.string().optional(),
    request_id: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          message_ja: z.string(),
          row: z.number().int().optional().openapi({ description: 'an imported file’s row (1 = headings)' }),
          column: z.string().optional().openapi({ description: 'an imported file’s column heading' }),
          cell: z
            .string()
            .optional()
            .openapi({ description: 'an imported file’s cell as Excel names it (B7)' }),
        }),
      )
      .optional(),
  })
  .openapi('Problem');

const problemContent = { 'application/problem+json': { schema: Problem } };

/** The error responses every authenticated route may give, for the OpenAPI document. */
export const errorResponses = {
  401: { description: 'Not signed in / ログインが必要です', content: problemContent },
  403: { description: 'Not permitted / 権限がありません', content: problemContent },
  404: { description: 'Not found, or not visible to you / 見つかりません', content: problemContent },
  409: { description: 'Stale version or refused transition / 競合', content: problemContent },
  422: { description: 'Invalid input / 入力内容の誤り', content: problemContent },
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/**
 * `?view=` of a list (issue 21): compact items by default — what the pages' and clients' lists
 * show, with `allowedActions` — or `full`, every field as the detail route gives it.
 */
export const ListView = z
  .enum(['compact', 'full'])
  .optional()
  .openapi({
    param: { name: 'view', in: 'query' },
    description:
      'compact (default): the fields a list shows and allowedActions; full: every field, as the detail route gives it',
  });

/** A page whose items are compact by default and whole records with view=full. */
export const pageOfView = <C extends z.ZodType, F extends z.ZodType>(compact: C, full: F) =>
  pageOf(z.union([compact, full]));

export const bearerSecurity: Record<string, string[]>[] = [{ Bearer: [] }, { Cookie: [] }];
