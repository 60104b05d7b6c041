import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  assignToMeeting,
  type CouncilReportItem,
  createMeeting,
  getReportItem,
  listMeetings,
  listReportItems,
} from '../../domain/council/council-items.js';
import { recordReportCover } from '../../domain/council/record-report-cover.js';
import { MAX_PARTS, OUTSOURCING_KINDS } from '../../domain/council/report-cover.js';
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
// Lengths and the rules between fields are checked by the domain (checkReportCover), so the API and
// the page form refuse alike, in Japanese and English; the schema states the shape only.
const Part = z
  .object({
    name: z.string().max(1000).openapi({ description: '業務内容' }),
    personalInfo: z.boolean().openapi({ description: '個人情報の取扱い ○ (true) / × (false)' }),
    priorApproval: z.string().max(1000).nullable().openapi({
      description: "既承認: the council's earlier approval (平成9年度第1回本審議会にて了承済); null: none",
    }),
    newlyAdded: z.boolean().openapi({ description: '新規追加業務: a part this report adds' }),
  })
  .openapi('CouncilReportPart');
const Cover = z
  .object({
    ordinanceArticle: z.string().max(1000).nullable().openapi({
      description: "条例の根拠: the article (第14条第1項); null: the ward's setting councilReportArticle",
    }),
    outsourcingKinds: z.array(z.enum(OUTSOURCING_KINDS)).max(OUTSOURCING_KINDS.length),
    overview: z.object({
      purpose: z.string().max(10000).nullable(),
      targetPeople: z.string().max(10000).nullable(),
      description: z.string().max(20000).nullable(),
    }),
    meetingOn: z.string().max(20).nullable().openapi({ description: '会議日 (YYYY-MM-DD)' }),
    contractorSelection: z
      .object({ method: z.string().max(1000), decisionNote: z.string().max(1000).nullable() })
      .nullable()
      .openapi({ description: '選定方法 while the contractor is not chosen yet; null once it is' }),
    parts: z.array(Part).max(MAX_PARTS + 10),
  })
  .openapi('CouncilReportCover');

const Item = z
  .object({
    id: z.string(),
    wardId: z.string(),
    approvalId: z.string(),
    meetingId: z.string().nullable(),
    kind: z.enum(['delegation', 'subdelegation']),
    title: z.string(),
    content: z.record(z.string(), z.unknown()),
    cover: Cover,
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
      method: 'put',
      path: '/report-items/{id}/cover',
      summary:
        "Record a report item's cover, overview and bundled parts / 表紙・事業の概要・一括契約の内訳の記録",
      description:
        'The ward officer records what the approval cannot fill in for the council report as seed 003 ' +
        'lays it out: the article of the ordinance it reports under (条例の根拠; null falls back to the ' +
        "ward's setting), the kinds of outsourcing, 事業の概要 (目的, 対象者, 事業内容), the meeting " +
        'date (会議日) when the item is not on a scheduled meeting, how the contractor is being chosen ' +
        'while it is not chosen yet (選定方法, shown instead of the company), and the parts of a bundled ' +
        'contract (一括契約) with ○/× for personal information and the earlier council approval (既承認). ' +
        'Replaces what was recorded. Refusals: 422 (nothing written) for a bundle of one part, a part ' +
        'named twice, an approval on a part without personal information or on a newly added part, a ' +
        'selection without a method, a date that is not one, texts too long; 409 on a stale version; ' +
        '403 for a council reviewer; 404 for an item of another ward.',
      request: { params: IdParam, body: jsonBody(Cover.extend({ version: VersionField })) },
      responses: { 200: jsonResponse(Item, 'Recorded'), ...errorResponses },
    }),
    async (c) => {
      const { version, ...cover } = c.req.valid('json');
      const item = await recordReportCover(
        useCaseContext(c),
        c.req.valid('param').id,
        cover,
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
        'The council report as seed 003 lays it out: the cover sheet (諮問・報告事項 with 条例の根拠 and ' +
        "the meeting date), 事業の概要 with the table of a bundled contract's parts when recorded, then " +
        'the report item (報告事項; 再委託 wording for a sub-contract). 404 for an item the caller may not read.',
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
