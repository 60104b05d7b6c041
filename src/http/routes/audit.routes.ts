import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listAuditEntries } from '../../domain/audit/list-audit-entries.js';
import type { AppEnv } from '../app-env.js';
import { requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { bearerSecurity, errorResponses, jsonResponse, PageQuery, pageOf, text } from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';

const AuditEntrySchema = z
  .object({
    chainKey: z.string(),
    seq: z.string(),
    wardId: z.string().nullable(),
    at: z.string(),
    actorUserId: z.string().nullable(),
    actorOrgId: z.string().nullable(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    hash: z.string(),
    prevHash: z.string(),
  })
  .openapi('AuditEntry');

export function auditRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['audit'],
      summary: "The ward's audit trail, newest first / 監査記録",
      description:
        "The audit trail (監査記録) of the signed-in user's ward, newest first: every change with who, when, what before and after, and the request id. Each entry carries the hash of the one before it, so that a removed or altered entry breaks the chain. Filter by `subjectType` and `subjectId`. Readable by the ward's 担当者, 係長 and 課長, filtered in the database (others get an empty page); a system administrator reads every ward's.",
      security: bearerSecurity,
      request: {
        query: PageQuery.extend({ subjectType: text(50).optional(), subjectId: text(100).optional() }),
      },
      responses: {
        200: jsonResponse(pageOf(AuditEntrySchema), 'A page of audit entries'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const page = await listAuditEntries(useCaseContext(c), c.req.valid('query'));
      return c.json(
        { items: page.items.map((e) => ({ ...e, at: e.at.toISOString() })), nextCursor: page.nextCursor },
        200,
      );
    },
  );
  return app;
}
