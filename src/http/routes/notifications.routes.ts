import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listNotifications, markNotificationRead } from '../../domain/notifications/read-notifications.js';
import type { AppEnv } from '../app-env.js';
import { requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonResponse,
  PageQuery,
  pageOf,
} from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['notifications'], security: bearerSecurity };
const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    title: z.string(),
    body: z.string(),
    dueOn: z.string().nullable(),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .openapi('Notification');

/** The signed-in user's reminders and alerts (通知). */
export function notificationRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);
  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Your notifications, newest first / 通知',
      request: { query: PageQuery.extend({ unread: z.enum(['true', 'false']).optional() }) },
      responses: {
        200: jsonResponse(pageOf(NotificationSchema), 'A page of notifications'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listNotifications(useCaseContext(c), { ...q, unread: q.unread === 'true' }), 200);
    },
  );
  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/read',
      summary: 'Mark a notification read / 既読',
      request: { params: IdParam },
      responses: { 204: { description: 'Marked' }, ...errorResponses },
    }),
    async (c) => {
      await markNotificationRead(useCaseContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  return app;
}
