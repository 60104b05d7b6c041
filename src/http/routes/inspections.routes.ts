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
  PageQuery,
  pageOf,
} from '../schemas/common.js';
import {
  DueSchema,
  FindingSchema,
  InspectionDetailSchema,
  InspectionSchema,
  presentDetail,
  presentFinding,
  presentInspection,
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

const COMMANDS: Array<[InspectionCommand, string]> = [
  ['start', 'Start the inspection (監督員) / 実地検査の開始'],
  ['cancel', 'Cancel a planned inspection / 予定の取消し'],
  [
    'submit',
    'Submit the record for sign-off; refused while items are unanswered or findings open / 決裁に回す',
  ],
  ['approve', 'Sign the awaited step (担当者 → 係長 → 課長) / 決裁'],
  ['send-back', 'Send the record back to the inspector / 差戻し'],
  ['complete', "Complete a contractor's inspection of its sub-contractor (統括責任者) / 立入検査の完了"],
];

const DESCRIPTIONS: Partial<Record<InspectionCommand, string>> = {
  complete:
    "A contractor's inspection of its own sub-contractor (再委託先への立入検査, seed 001 別紙7 第7条5) has no municipal sign-off (決裁): the contractor's manager (統括責任者) completes it. Refused with 409 while items are unanswered or findings open, for an inspection of the municipality itself (which is submitted and signed), and outside 実施中; 404 for anyone who may not read it, 403 for the sub-contractor and the municipality, who read it only.",
};

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
      request: { query: PageQuery.extend(InspectionQuery.shape) },
      responses: { 200: jsonResponse(pageOf(InspectionSchema), 'A page of inspections'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const page = await listInspections(ctx, c.req.valid('query'));
      return c.json(
        { items: page.items.map((i) => presentInspection(ctx, i)), nextCursor: page.nextCursor },
        200,
      );
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
      summary: 'Change the plan: date, place, assistants / 予定の変更',
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

  for (const [command, summary] of COMMANDS) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/${command}`,
        summary,
        ...(DESCRIPTIONS[command] && { description: DESCRIPTIONS[command] }),
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
