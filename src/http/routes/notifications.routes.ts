import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listNotifications, markNotificationRead } from '../../domain/notifications/read-notifications.js';
import { readInbox } from '../../domain/worklists/inbox.js';
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

const MessageSchema = z.object({ ja: z.string(), en: z.string() });
const WorkItemSchema = z
  .object({
    kind: z.string().openapi({ description: 'The kind of work, as the dashboard groups it' }),
    subjectType: z.string(),
    subjectId: z.string(),
    title: z.string().openapi({ description: 'What: the record’s title' }),
    number: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: '整理番号 (R8-再委託-0003, R8-受渡-0012) where the record has one' }),
    party: z.string().nullable().openapi({ description: 'For whom: the organisation concerned' }),
    status: z.string().nullable(),
    state: MessageSchema.nullable(),
    since: z.string().nullable().openapi({ description: 'Since when (an instant, UTC)' }),
    dueOn: z.string().nullable().openapi({ description: 'By when (a Japanese calendar day)' }),
    overdue: z.boolean(),
    href: z.string().openapi({ description: 'The page where the person acts' }),
    detail: MessageSchema.optional().openapi({
      description: 'More to read before acting: what changed since a contract’s last review (見直し)',
    }),
  })
  .openapi('WorkItem');
const InboxSchema = z
  .object({
    waiting: z.array(WorkItemSchema),
    more: z.boolean(),
    reminders: z.array(NotificationSchema.extend({ done: z.boolean(), waiting: z.boolean() })),
    unread: z.number().int(),
  })
  .openapi('Inbox');

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
      description:
        "The signed-in user's notifications (通知), newest first: the messages and reminders the product sent them about the records they work on (an incident reported, a report due, a step awaiting them). `unread=true` keeps the unread ones. Only one's own notifications exist for one; paged with limit and cursor.",
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
      method: 'get',
      path: '/inbox',
      summary: 'Your inbox: every step waiting on you, and your reminders / 受信箱',
      description:
        'The inbox (受信箱): every step that waits on the signed-in person across every workflow — ' +
        'approvals to sign or submit, inspection records awaiting 決裁, compliance reports to receive ' +
        'or answer, open incidents, handler lists to check, missing erasure certificates, findings ' +
        'past their deadline, inspections due, report items to put to the council — from the same ' +
        'query as the dashboard, with the permission rules in SQL. A step leaves the list once it is ' +
        'taken. Reminders about a step that no longer waits count as read (`done`). `unread` is what ' +
        'the pages’ header shows.',
      responses: { 200: jsonResponse(InboxSchema, 'The inbox'), ...errorResponses },
    }),
    async (c) => {
      const inbox = await readInbox(useCaseContext(c));
      return c.json(
        {
          ...inbox,
          waiting: inbox.waiting.map(({ parent: _parent, ...w }) => ({
            ...w,
            since: w.since?.toISOString() ?? null,
          })),
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/read',
      summary: 'Mark a notification read / 既読',
      description:
        "Marks one of the signed-in user's notifications read (既読). A notification of someone else is 404, like one that does not exist. The inbox (`/inbox`) lists every step waiting on the user, from the same query as the dashboards.",
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
