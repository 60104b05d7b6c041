import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  assignToMeeting,
  type CouncilReportItem,
  createMeeting,
  getReportItem,
  listMeetings,
  listReportItems,
} from '../../domain/council/council-items.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { councilReportPdf } from '../pdf-documents.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  PageQuery,
  pageOf,
  requiredText,
  Uuid,
  VersionField,
} from '../schemas/common.js';
import { DateText } from '../schemas/contracts.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['council'], security: bearerSecurity };

const Meeting = z
  .object({ id: z.string(), wardId: z.string(), title: z.string(), heldOn: z.string(), version: z.number() })
  .openapi('CouncilMeeting');
const Item = z
  .object({
    id: z.string(),
    wardId: z.string(),
    approvalId: z.string(),
    meetingId: z.string().nullable(),
    kind: z.enum(['delegation', 'subdelegation']),
    title: z.string(),
    content: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    version: z.number(),
  })
  .openapi('CouncilReportItem');

const present = (i: CouncilReportItem) =>
  ({
    ...i,
    content: i.content as unknown as Record<string, unknown>,
    createdAt: i.createdAt.toISOString(),
  }) as z.infer<typeof Item>;

/** 審議会: meetings, their report items (報告事項), and each item as a Japanese PDF. */
export function councilRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/meetings',
      summary: 'Council meetings / 審議会の一覧',
      responses: { 200: jsonResponse(z.object({ items: z.array(Meeting) }), 'Meetings'), ...errorResponses },
    }),
    async (c) => c.json({ items: await listMeetings(useCaseContext(c)) }, 200),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/meetings',
      summary: 'Schedule a council meeting / 審議会の登録',
      request: { body: jsonBody(z.object({ title: requiredText(200), heldOn: DateText })) },
      responses: { 201: jsonResponse(Meeting, 'Scheduled'), ...errorResponses },
    }),
    async (c) => c.json(await createMeeting(useCaseContext(c), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/report-items',
      summary: 'Council report items, by meeting / 報告事項の一覧',
      request: {
        query: PageQuery.extend({
          meetingId: Uuid.optional(),
          unassigned: z.enum(['true', 'false']).optional(),
        }),
      },
      responses: { 200: jsonResponse(pageOf(Item), 'A page of items'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listReportItems(useCaseContext(c), { ...q, unassigned: q.unassigned === 'true' });
      return c.json({ items: page.items.map(present), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/report-items/{id}',
      summary: 'One report item / 報告事項',
      request: { params: IdParam },
      responses: { 200: jsonResponse(Item, 'The item'), ...errorResponses },
    }),
    async (c) => c.json(present(await getReportItem(useCaseContext(c), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/report-items/{id}',
      summary: "Put an item on a meeting's agenda / 審議会への付議",
      request: {
        params: IdParam,
        body: jsonBody(z.object({ meetingId: Uuid.nullable(), version: VersionField })),
      },
      responses: { 200: jsonResponse(Item, 'Assigned'), ...errorResponses },
    }),
    async (c) => {
      const { meetingId, version } = c.req.valid('json');
      const item = await assignToMeeting(
        useCaseContext(c),
        c.req.valid('param').id,
        meetingId,
        expectedVersion(c, version),
      );
      return c.json(present(item), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/report-items/{id}/pdf',
      summary: 'The report item as a Japanese PDF / 報告事項（PDF）',
      request: { params: IdParam },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => (await councilReportPdf(c, c.req.valid('param').id)) as never,
  );

  return app;
}
