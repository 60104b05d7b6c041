import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { requireAuth } from '../middleware/authenticate.js';
import { approvalNoticePdf, subdelegationApplicationPdf } from '../pdf-documents.js';
import { bearerSecurity, errorResponses, IdParam } from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';

// The papers of a sub-contracting approval (再委託の承認) as PDFs, mounted beside the approval
// routes (/api/v1/approvals/{id}/…). Read like the approval: the ward's staff, the applicant and
// the companies above it in the chain; anyone else gets 404, as for a record that does not exist.

const common = { tags: ['approvals'], security: bearerSecurity };
const pdf = {
  description: 'PDF (A4, Japanese)',
  content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
};

export function approvalDocumentRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/application/pdf',
      summary: 'The sub-contracting application as a PDF / 再委託承認申請書（PDF）',
      description:
        "再委託承認申請書 (toshima 別紙7 第7条第2項): the contractor's application as submitted (or its draft): the sub-contractor with its address and representative (代表者), the reason, what it will process, the information it will handle, the measures for safety and reliability, the supervision, the period; the applicant's seal box (印); the ward's part with 受付日 and the 決裁欄 (課長・係長・担当者) filled with the names and 令和 dates of the current round's signatures. Dates are Japan time. Only for sub-contracting approvals: a delegation approval (委託の承認) has no such paper (404). 404 also for an approval the caller may not read.",
      request: { params: IdParam },
      responses: { 200: pdf, ...errorResponses },
    }),
    async (c) => (await subdelegationApplicationPdf(c, c.req.valid('param').id)) as never,
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/notice/pdf',
      summary: 'The approval notice as a PDF / 再委託承認通知書（PDF）',
      description:
        "再委託承認通知書: the ward's written approval of a sub-contracting application, dated the day of the final 決裁 (令和, Japan time), addressed to the contractor's representative (代表者), with the conditions of 第7条第3項〜第5項 and the 決裁欄 as signed. Exists only once the application is approved: before that (or after a rejection or revocation) the answer is 409 with the state. 404 for a delegation approval and for an approval the caller may not read.",
      request: { params: IdParam },
      responses: { 200: pdf, ...errorResponses },
    }),
    async (c) => (await approvalNoticePdf(c, c.req.valid('param').id)) as never,
  );

  return app;
}
