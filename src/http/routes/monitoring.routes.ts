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
