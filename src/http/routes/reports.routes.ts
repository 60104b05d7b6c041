import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { FORM_LEAD, FORM_TITLE, QUESTIONS } from '../../../forms/compliance-report/compliance-report.form.js';
import { actOnReport, type ReportCommand, reportActions } from '../../domain/reports/act-on-report.js';
import { getReport, listReports } from '../../domain/reports/read-reports.js';
import type { ComplianceReport } from '../../domain/reports/report.repository.js';
import type { Viewer } from '../../domain/shared/allowed-actions.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { complianceReportPdf } from '../pdf-documents.js';
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
import { ReportCommandBody, ReportSchema } from '../schemas/reports.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['compliance reports'], security: bearerSecurity };

function present(viewer: Viewer, r: ComplianceReport & { overdue?: boolean; steps?: Array<{ at: Date }> }) {
  const { chainOrgIds: _c, machine: _m, ...rest } = r;
  return {
    ...rest,
    allowedActions: reportActions(viewer, r),
    answers: rest.answers as Record<string, unknown>,
    prefill: rest.prefill as Record<string, unknown>,
    submittedAt: rest.submittedAt?.toISOString() ?? null,
    issuedAt: rest.issuedAt.toISOString(),
    ...(rest.steps && { steps: rest.steps.map((s) => ({ ...s, at: s.at.toISOString() })) }),
  } as z.infer<typeof ReportSchema>;
}

const COMMANDS: Array<[ReportCommand, string]> = [
  ['save', 'Save the answers as a draft (受託者) / 一時保存'],
  ['submit', 'Submit the report (受託者) / 提出'],
  ['receive', 'Record receipt (受付) / 受付'],
  ['sign', 'Sign the awaited step (担当者 → 係長 → 課長) / 決裁'],
  ['return', 'Return for correction / 差戻し'],
];

/** 個人情報特記事項の遵守に関する報告書 (seed 001 別紙5), issued six-monthly by the scheduler. */
export function reportRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/form',
      summary: 'The nine questions of 別紙5 and what each answer calls for / 様式',
      responses: {
        200: jsonResponse(
          z.object({
            title: z.string(),
            lead: z.string(),
            questions: z.array(z.record(z.string(), z.unknown())),
          }),
          'The form',
        ),
        ...errorResponses,
      },
    }),
    (c) => c.json({ title: FORM_TITLE, lead: FORM_LEAD, questions: QUESTIONS.map((q) => ({ ...q })) }, 200),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Reports you may see, by due date / 報告書の一覧',
      request: {
        query: PageQuery.extend({
          period: z
            .string()
            .regex(/^\d{4}H[12]$/)
            .optional(),
          status: z.enum(['issued', 'draft', 'submitted', 'returned', 'received', 'signed_off']).optional(),
          contractId: Uuid.optional(),
          overdue: z.enum(['true', 'false']).optional(),
          withDiscrepancies: z.enum(['true', 'false']).optional(),
        }),
      },
      responses: { 200: jsonResponse(pageOf(ReportSchema), 'A page of reports'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listReports(useCaseContext(c), {
        ...q,
        overdue: q.overdue === 'true',
        withDiscrepancies: q.withDiscrepancies === 'true',
      });
      return c.json(
        { items: page.items.map((r) => present(useCaseContext(c), r)), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One report, prefilled from the records while open / 報告書',
      request: { params: IdParam },
      responses: { 200: jsonResponse(ReportSchema, 'The report'), ...errorResponses },
    }),
    async (c) => {
      const report = await getReport(useCaseContext(c), c.req.valid('param').id);
      c.header('etag', `"${report.version}"`);
      return c.json(present(useCaseContext(c), report), 200);
    },
  );

  for (const [command, summary] of COMMANDS) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/${command}`,
        summary,
        request: { params: IdParam, body: jsonBody(ReportCommandBody) },
        responses: { 200: jsonResponse(ReportSchema, 'The report after the step'), ...errorResponses },
      }),
      async (c) => {
        const { version, answers, comment } = c.req.valid('json');
        const report = await actOnReport(
          useCaseContext(c),
          c.req.valid('param').id,
          command,
          { answers, comment },
          expectedVersion(c, version),
        );
        return c.json(present(useCaseContext(c), report), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/pdf',
      summary: 'The report in the layout of 別紙5, with the 区記入欄 / 報告書（PDF）',
      request: { params: IdParam },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => (await complianceReportPdf(c, c.req.valid('param').id)) as never,
  );

  return app;
}
