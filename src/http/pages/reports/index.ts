import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { complianceReportPdf } from '../../pdf-documents.js';
import { attachmentBodyLimit } from '../../routes/attachments.routes.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { answerReportAction, wardReportAction } from './actions.js';
import { reportDetailPage } from './detail.page.js';
import { reportListCsv, reportListPage } from './list.page.js';

/** 遵守状況報告書 (別紙5): the list, one report with its form or answers, the ward's steps, the PDF. */
export function reportPages() {
  const app = new Hono<AppEnv>();
  const id = `/compliance-reports/:id${UUID_PARAM}`;
  app.get('/compliance-reports', signedIn, reportListPage);
  app.get('/compliance-reports/export.csv', signedIn, reportListCsv);
  app.get(id, signedIn, reportDetailPage);
  // copies ride along with the answers: the attachments' limit, checked before sign-in reads the body
  app.post(`${id}/answer`, attachmentBodyLimit, signedIn, answerReportAction);
  app.post(`${id}/:command{receive|sign|return}`, signedIn, wardReportAction);
  app.get(`${id}/pdf`, signedIn, (c) => complianceReportPdf(c, c.req.param('id')!));
  return app;
}

/** The answer form's path: it carries copies, so it has the attachments' limit, not the forms'. */
export const REPORT_UPLOAD = /^\/compliance-reports\/[^/]+\/answer$/;
