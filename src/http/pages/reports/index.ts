import { Hono } from 'hono';
import { getReport } from '../../../domain/reports/read-reports.js';
import { renderComplianceReportPdf } from '../../../pdf/compliance-report/render-compliance-report.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { attachmentBodyLimit } from '../../routes/attachments.routes.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { answerReportAction, wardReportAction } from './actions.js';
import { reportDetailPage } from './detail.page.js';
import { reportListPage } from './list.page.js';

/** 遵守状況報告書 (別紙5): the list, one report with its form or answers, the ward's steps, the PDF. */
export function reportPages() {
  const app = new Hono<AppEnv>();
  const id = `/compliance-reports/:id${UUID_PARAM}`;
  app.get('/compliance-reports', signedIn, reportListPage);
  app.get(id, signedIn, reportDetailPage);
  // copies ride along with the answers: the attachments' limit, checked before sign-in reads the body
  app.post(`${id}/answer`, attachmentBodyLimit, signedIn, answerReportAction);
  app.post(`${id}/:command{receive|sign|return}`, signedIn, wardReportAction);
  app.get(`${id}/pdf`, signedIn, async (c) => {
    const ctx = useCaseContext(c);
    const report = await getReport(ctx, c.req.param('id')!);
    const pdf = await renderComplianceReportPdf(ctx, report);
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="compliance-report-${report.period}.pdf"`,
      'cache-control': 'private, no-store',
    });
  });
  return app;
}

/** The answer form's path: it carries copies, so it has the attachments' limit, not the forms'. */
export const REPORT_UPLOAD = /^\/compliance-reports\/[^/]+\/answer$/;
