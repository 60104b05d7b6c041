import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { actOnInspection, type InspectionCommand } from '../../domain/inspections/act-on-inspection.js';
import { japanToday } from '../../domain/inspections/inspection-access.js';
import { planInspection } from '../../domain/inspections/plan-inspection.js';
import { listDueForActor } from '../../domain/inspections/read-inspection-due.js';
import { getInspection, listFindings, listInspections } from '../../domain/inspections/read-inspections.js';
import { updatePlan } from '../../domain/inspections/update-plan.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { inspectionRecordPdf } from '../pdf-documents.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  ListView,
  PageQuery,
  pageOf,
  pageOfView,
} from '../schemas/common.js';
import {
  DueSchema,
  FindingSchema,
  InspectionDetailSchema,
  InspectionListItemSchema,
  InspectionSchema,
  presentDetail,
  presentFinding,
  presentInspection,
  presentInspectionListItem,
} from '../schemas/inspection-responses.js';
import {
  CommandBody,
  DueQuery,
  FindingQuery,
  InspectionQuery,
  PlanBody,
  PlanPatchBody,
} from '../schemas/inspections.js';
import { validationHook } from '../validation-hook.js';
import { inspectionItemRoutes } from './inspection-items.routes.js';
import { inspectionTemplateRoutes } from './inspection-templates.routes.js';
import { monitoringRoutes } from './monitoring.routes.js';

const common = { tags: ['inspections'], security: bearerSecurity };

const COMMANDS: Array<[InspectionCommand, string, string]> = [
  [
    'start',
    'Start the inspection (監督員) / 実地検査の開始',
    'The inspector (監督員) starts a planned inspection (実地検査の開始); from then on its items are recorded — by the inspector and the assistants named on the plan (補助者) — and findings followed up. Its date can no longer change. Refused 409 unless the inspection is planned; 403 for anyone but the ward’s inspector; 404 for an inspection you may not see. Audited.',
  ],
  [
    'cancel',
    'Cancel a planned inspection / 予定の取消し',
    'The inspector cancels a planned inspection (予定の取消し, 中止); it then counts for nothing in the fiscal year, and the organisation is again due an inspection. Only a planned inspection is cancelled: one in progress or later is refused 409. 403 for anyone but the ward’s inspector. Audited.',
  ],
  [
    'submit',
    'Submit the record for sign-off; refused while items are unanswered or findings open / 決裁に回す',
    'The inspector submits the inspection record for sign-off (決裁に回す): the ward’s sign-off chain as it stands then is fixed on the record. Every item must be answered and every finding closed after a re-check or carried with a reason (持越し); otherwise refused 409, naming the open findings and unanswered items (`openFindings`, `unansweredItems`). Refused 409 unless the inspection is in progress; 403 for anyone but the inspector.',
  ],
  [
    'approve',
    'Sign the awaited step (担当者 → 係長 → 課長) / 決裁',
    'The ward signer whose turn it is signs the inspection record (決裁, 担当者 → 係長 → 課長 as fixed on submission); the last signature signs it off (決裁済), and the organisation counts as inspected for the fiscal year of the inspection’s date. Refused 409 when the record is not submitted or it is another role’s turn (the problem names the awaited role); 403 for a user who may not sign.',
  ],
  [
    'send-back',
    'Send the record back to the inspector / 差戻し',
    'The ward signer whose turn it is sends the record back to the inspector (差戻し) with a comment; the inspection is in progress again, its items may be corrected, and the sign-off starts over on the next submission. Refused 409 unless the record is submitted and it is the actor’s turn; 403 for a user who may not sign.',
  ],
  [
    'complete',
    "Complete a contractor's inspection of its sub-contractor (統括責任者) / 立入検査の完了",
    "A contractor's inspection of its own sub-contractor (再委託先への立入検査, seed 001 別紙7 第7条5) has no municipal sign-off (決裁): the contractor's manager (統括責任者) completes it. Refused with 409 while items are unanswered or findings open, for an inspection of the municipality itself (which is submitted and signed), and outside 実施中; 404 for anyone who may not read it, 403 for the sub-contractor and the municipality, who read it only.",
  ],
];

/** 実地検査: templates, the due listing, findings, monitoring, and the inspections themselves. */
export function inspectionRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);
  // Fixed paths first, so that /due is never read as an inspection id.
  app.route('/templates', inspectionTemplateRoutes());
  app.route('/monitoring', monitoringRoutes());

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/due',
      summary:
        'Organisations without a signed-off inspection in a fiscal year, due or overdue / 実地検査の未実施一覧',
      description:
        "Every contract and organisation of the chain — the contractor and each sub-contractor of an approved sub-contract — without a signed-off on-site inspection (実地検査) in the fiscal year (April–March, Japan time; 年度当たり1回以上), flagged due or overdue, with any inspection planned or under way. For the ward's staff who may read inspections, filtered by their permissions in the database; a system administrator names the ward or sees all. `today` is the Japanese calendar day the listing was made for.",
      request: { query: DueQuery },
      responses: {
        200: jsonResponse(z.object({ today: z.string(), items: z.array(DueSchema) }), 'Due and overdue'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listDueForActor(useCaseContext(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/findings',
      summary: 'Findings you may see (a company: its own) / 指摘事項の一覧',
      description:
        "The findings (指摘事項: items answered ×) the signed-in user may see, with their agreed improvement deadline and status (改善待ち, 改善報告済, 改善確認済, 持越し). The ward's inspection staff see their ward's; a company sees its own and those of the sub-contractors below it (whom it supervises). `overdue=true` keeps those past their deadline (Japan time). Filtered in the database; a malformed cursor is 422.",
      request: { query: PageQuery.extend(FindingQuery.shape) },
      responses: { 200: jsonResponse(pageOf(FindingSchema), 'A page of findings'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { overdue, ...query } = c.req.valid('query');
      const today = japanToday(ctx.now());
      const page = await listFindings(ctx, { ...query, ...(overdue === 'true' && { overdueOn: today }) });
      return c.json(
        { items: page.items.map((f) => presentFinding(f, today)), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Inspections you may see / 実地検査の一覧',
      description:
        "The on-site inspections (実地検査) the signed-in user may see, with `allowedActions`. Items are compact by default — who is inspected, the checklist's title, the day, place, state and whose turn; the purpose, applicability and assistants are on the detail route (with the items and findings) — and whole with `view=full`. The ward's inspection staff and signers see their ward's; an inspected company sees its own and those of the sub-contractors below it. Council reviewers see none. Filtered in the database; a malformed cursor is 422.",
      request: { query: PageQuery.extend(InspectionQuery.shape).extend({ view: ListView }) },
      responses: {
        200: jsonResponse(
          pageOfView(InspectionListItemSchema, InspectionSchema),
          'A page of inspections: compact items by default, whole ones with view=full',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { view, ...query } = c.req.valid('query');
      const page = await listInspections(ctx, query);
      const present = view === 'full' ? presentInspection : presentInspectionListItem;
      return c.json({ items: page.items.map((i) => present(ctx, i)), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Plan an inspection of the contractor or a sub-contractor / 実地検査の予定登録',
      description:
        "The municipality's inspector plans an inspection of the contractor or of a sub-contractor in the contract's chain. A contractor's users plan an inspection of their own sub-contractor (再委託先への立入検査, seed 001 別紙7 第7条5): `contractId` the contract it holds with `organisationId` the sub-contractor, or the sub-contract itself; any other organisation is refused (403; one it may not read 404), assistants with 422 (a company's own users record it). Contracts not in force: 409.",
      request: { body: jsonBody(PlanBody) },
      responses: { 201: jsonResponse(InspectionDetailSchema, 'Planned, with its items'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const planned = await planInspection(ctx, c.req.valid('json'));
      return c.json(presentDetail(ctx, await getInspection(ctx, planned.id), japanToday(ctx.now())), 201);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One inspection: items with answers, findings, sign-off steps / 実地検査',
      description:
        'One inspection (実地検査) with every checklist item and its answer (○ / × / 該当なし, date, what was seen, photos, re-check), its findings, the signed steps of its sign-off and `allowedActions`. Readable by the ward’s inspection staff and signers and by the inspected company (and the contractor above it); 404 for anyone else.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(InspectionDetailSchema, 'The inspection'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const detail = await getInspection(ctx, c.req.valid('param').id);
      c.header('etag', `"${detail.inspection.version}"`);
      return c.json(presentDetail(ctx, detail, japanToday(ctx.now())), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/{id}',
      summary: 'Change the plan: date, place, template, assistants / 予定の変更',
      description:
        "The inspector changes the plan (予定の変更), based on the version read (409 if stale): the date and the checklist template only while the inspection is planned (the date decides the fiscal year; a new template is cut to the sections that apply and its items made again), the place and the assistants (補助者) until the record is submitted; otherwise 409. Invalid assistants, assistants on a company's own inspection, or an unknown template are 422; 403 for anyone but the inspector. Audited.",
      request: { params: IdParam, body: jsonBody(PlanPatchBody) },
      responses: { 200: jsonResponse(InspectionSchema, 'Changed'), ...errorResponses },
    }),
    async (c) => {
      const { version, ...changes } = c.req.valid('json');
      const ctx = useCaseContext(c);
      const inspection = await updatePlan(ctx, c.req.valid('param').id, changes, expectedVersion(c, version));
      return c.json(presentInspection(useCaseContext(c), inspection), 200);
    },
  );

  for (const [command, summary, description] of COMMANDS) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/${command}`,
        summary,
        description,
        request: { params: IdParam, body: jsonBody(CommandBody) },
        responses: {
          200: jsonResponse(InspectionSchema, 'The inspection after the step'),
          ...errorResponses,
        },
      }),
      async (c) => {
        const { comment, version } = c.req.valid('json');
        const ctx = useCaseContext(c);
        const id = c.req.valid('param').id;
        const inspection = await actOnInspection(ctx, id, command, { comment }, expectedVersion(c, version));
        return c.json(presentInspection(useCaseContext(c), inspection), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/pdf',
      summary: 'The inspection record as a Japanese PDF / 実地検査記録（PDF）',
      description:
        'The inspection record as a Japanese PDF (実地検査記録) in the layout of the checklist, with the answers, findings and re-checks, 令和 dates and the stamp boxes of the sign-off (担当者・係長・課長) filled as signed. Read like the inspection itself: 404 for one you may not see.',
      request: { params: IdParam },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => (await inspectionRecordPdf(c, c.req.valid('param').id)) as never,
  );

  app.route('/', inspectionItemRoutes());
  return app;
}
