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
      description:
        "The meetings of the ward's council (個人情報保護審議会 or the body the ward names) with their title and date, to put report items on. Readable by the ward's signers, inspectors and council reviewers (filtered in the database); a company sees none.",
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
      description:
        "The ward's privacy officer schedules a council meeting (審議会の登録) with a title and the day it is held, so that report items can be put on its agenda. 403 for anyone but the privacy officer; invalid input is 422. Audited.",
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
      description:
        "The council report items (報告事項) of the ward — one for every approved delegation or sub-contracting that handles personal information, filled from the approval and the records (nothing retyped) — by meeting, or those not yet on an agenda (`unassigned=true`). Readable by the ward's signers, inspectors and council reviewers; filtered in the database.",
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
      description:
        "One council report item (報告事項) in the shape of seed 003's table: 件名, 保有課, 登録業務の名称, 委託先 (and how it was chosen), 情報項目 (collected and provided), 記録媒体, 委託理由 (再委託理由 for a sub-contracting), 委託の内容, 開始時期及び期限 and the protections of the ward and imposed on the contractor, with its meeting. Readable by the ward's signers, inspectors and council reviewers; 404 for anyone else.",
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
      description:
        "The ward's privacy officer puts a report item on a meeting's agenda (審議会への付議), or takes it off with `meetingId: null`, based on the version read (409 if stale). A meeting that is not the ward's is 422; 403 for anyone but the privacy officer; 404 for an item you may not see. Audited.",
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
      description:
        "The council report item as a Japanese PDF (報告事項) for the council's papers, with the ward's own word for itself, 令和 dates and the meeting. Read like the item itself: 404 for one you may not see.",
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
