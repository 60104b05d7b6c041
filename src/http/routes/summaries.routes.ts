import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { buildSummary } from '../../domain/summaries/build-summary.js';
import { summaryCsv } from '../../domain/summaries/summary-csv.js';
import { renderCouncilSummaryPdf } from '../../pdf/council-summary/render-council-summary.js';
import type { AppEnv } from '../app-env.js';
import { requireAuth } from '../middleware/authenticate.js';
import { readContext } from '../middleware/read-replica.js';
import { pdfResponse } from '../pdf-documents.js';
import { bearerSecurity, errorResponses, Uuid } from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';

const SummarySchema = z
  .object({
    wardId: z.string(),
    wardName: z.string(),
    fiscalYear: z.number(),
    fiscalYearLabel: z.string(),
    department: z.object({ id: z.string(), name: z.string() }).nullable(),
    generatedAt: z.string(),
    figures: z.array(
      z.object({ key: z.string(), label: z.string(), labelEn: z.string(), value: z.number() }),
    ),
    contracts: z.array(z.record(z.string(), z.unknown())),
  })
  .openapi('CouncilSummary');

/** 審議会向け集計: one ward and fiscal year, as JSON, CSV (UTF-8 with BOM) or a Japanese PDF. */
export function summaryRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);
  app.openapi(
    createRoute({
      tags: ['summaries'],
      security: bearerSecurity,
      method: 'get',
      path: '/',
      summary: 'The summary for council reviewers / 審議会向け集計',
      description:
        "The summary of one ward's fiscal year for its council (審議会向け集計): contracts and sub-contracts handling personal information, approvals, inspections, compliance reports, incidents and certificates of erasure, optionally for one department — as JSON, as CSV (UTF-8 with BOM, opened correctly by Excel) or as a Japanese PDF (`format`). For the ward's signers, inspectors and council reviewers; a system administrator names the ward. A ward or department you may not see — another ward's, or any for a company user — is 404.",
      request: {
        query: z.object({
          fiscalYear: z.coerce.number().int().min(2000).max(2100),
          departmentId: Uuid.optional(),
          wardId: Uuid.optional(),
          format: z.enum(['json', 'csv', 'pdf']).default('json'),
        }),
      },
      responses: {
        200: {
          description: 'The summary',
          content: {
            'application/json': { schema: SummarySchema },
            'text/csv': { schema: z.string() },
            'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { format, ...query } = c.req.valid('query');
      const summary = await buildSummary(await readContext(c), query);
      const name = `summary-${summary.fiscalYear}`;
      if (format === 'csv') {
        return c.body(summaryCsv(summary), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${name}.csv"`,
        }) as never;
      }
      if (format === 'pdf') {
        return pdfResponse(c, await renderCouncilSummaryPdf(summary), { ascii: `${name}.pdf` }) as never;
      }
      return c.json(summary, 200);
    },
  );
  return app;
}
