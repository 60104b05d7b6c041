import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { rateFinancials } from '../../domain/monitoring/financial-rating.js';
import { getMonitoringReport, listMonitoringReports } from '../../domain/monitoring/read-monitoring.js';
import {
  createMonitoringReport,
  updateMonitoringReport,
} from '../../domain/monitoring/save-monitoring-report.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, useCaseContext } from '../middleware/authenticate.js';
import { monitoringReportPdf } from '../pdf-documents.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  PageQuery,
  pageOf,
  Uuid,
} from '../schemas/common.js';
import {
  FinancialInput,
  FinancialRatingSchema,
  MonitoringCreateBody,
  MonitoringReportSchema,
  MonitoringUpdateBody,
  presentMonitoring,
} from '../schemas/monitoring.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['monitoring'], security: bearerSecurity };

/** 業務委託モニタリング報告書: S/A/B/C per item, comments, and the financial checksheet. Mounted
 * under /api/v1/inspections/monitoring, behind its authentication. */
export function monitoringRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/financial-rating',
      summary: 'Rate financial figures by the seed table, without saving / 財務状況チェックシートの判定',
      description:
        "Rates a company's financial figures by the table of the financial checksheet (財務状況チェックシート, seed 000) without saving anything: 流動比率 (≥100 安定, 70–100 注意, <70 危険), 固定比率 (≤100 安定, >100 注意) and 自己資本比率 (≥50 安定, 10–50 注意, <10 危険), then the overall rating — all 安定 S, one 注意 and no 危険 A, two or three 注意 B, any 危険 C. Figures out of range (a total capital below 1, negative assets or liabilities) are 422. Any signed-in user may use it; nothing is stored or audited.",
      request: { body: jsonBody(FinancialInput) },
      responses: { 200: jsonResponse(FinancialRatingSchema, 'The rating'), ...errorResponses },
    }),
    async (c) => {
      const { unit: _unit, statementsOf: _of, ...figures } = c.req.valid('json');
      return c.json(rateFinancials(figures), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Monitoring reports you may see / モニタリング報告書の一覧',
      description:
        "The monitoring reports (モニタリング報告書, seed 000) the signed-in user may see, newest first: the ward's inspection staff and signers see their ward's; companies and council reviewers see none. Filtered in the database; a malformed cursor is 422.",
      request: {
        query: PageQuery.extend({
          contractId: Uuid.optional(),
          fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
        }),
      },
      responses: {
        200: jsonResponse(pageOf(MonitoringReportSchema), 'A page of reports'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const page = await listMonitoringReports(useCaseContext(c), c.req.valid('query'));
      return c.json({ items: page.items.map(presentMonitoring), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Record a monitoring report / モニタリング報告書の作成',
      description:
        "The inspector or the department's privacy officer records a monitoring report (モニタリング報告書の作成) of the contractor or a sub-contractor of a contract: the hearing date, an S/A/B/C rating for each check item with comments, and the financial checksheet, rated by the seed's table on saving. Ratings that do not fit the form, or an organisation outside the contract's chain, are 422; 403 for other users; 404 for a contract you may not see. Audited.",
      request: { body: jsonBody(MonitoringCreateBody) },
      responses: { 201: jsonResponse(MonitoringReportSchema, 'Recorded'), ...errorResponses },
    }),
    async (c) =>
      c.json(presentMonitoring(await createMonitoringReport(useCaseContext(c), c.req.valid('json'))), 201),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One monitoring report / モニタリング報告書',
      description:
        "One monitoring report (モニタリング報告書) with its ratings, comments, the financial figures and their rating, and its version. Readable by the ward's inspection staff and signers; 404 for anyone else.",
      request: { params: IdParam },
      responses: { 200: jsonResponse(MonitoringReportSchema, 'The report'), ...errorResponses },
    }),
    async (c) => {
      const report = await getMonitoringReport(useCaseContext(c), c.req.valid('param').id);
      c.header('etag', `"${report.version}"`);
      return c.json(presentMonitoring(report), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: '/{id}',
      summary: 'Replace the content of a monitoring report / モニタリング報告書の更新',
      description:
        'The inspector or privacy officer replaces the content of a monitoring report (モニタリング報告書の更新) — every rating, comment and figure as sent — based on the version read (409 if stale); the financial rating is computed again. Invalid ratings are 422; 403 for other users; 404 for a report you may not see. Audited.',
      request: { params: IdParam, body: jsonBody(MonitoringUpdateBody) },
      responses: { 200: jsonResponse(MonitoringReportSchema, 'Updated'), ...errorResponses },
    }),
    async (c) => {
      const { version, ...content } = c.req.valid('json');
      const ctx = useCaseContext(c);
      const report = await updateMonitoringReport(
        ctx,
        c.req.valid('param').id,
        content,
        expectedVersion(c, version),
      );
      return c.json(presentMonitoring(report), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/pdf',
      summary: 'The monitoring report as a Japanese PDF / モニタリング報告書（PDF）',
      description:
        'The monitoring report as a Japanese PDF (モニタリング報告書) in the layout of seed 000, with the ratings, the financial checksheet and 令和 dates. Read like the report itself: 404 for one you may not see.',
      request: { params: IdParam },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => (await monitoringReportPdf(c, c.req.valid('param').id)) as never,
  );

  return app;
}
