import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { attachmentBodyLimit } from '../../routes/attachments.routes.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { reportRequestDetailPage, reportRequestStepAction } from './detail.page.js';
import { reportRequestListPage } from './list.page.js';
import { newReportRequestPage, planCompanyInspectionAction, requestReportAction } from './new.page.js';

/** The answer's upload, which the pages' 1 MiB form limit leaves to its own limit. */
export const ANSWER_UPLOAD = /^\/report-requests\/[^/]+\/answer$/;

/** 再委託先の監督: report requests (list, asking, one request with its steps) and a contractor's plan of an inspection. */
export function supervisionPages() {
  const app = new Hono<AppEnv>();
  const contract = `/contracts/:id${UUID_PARAM}`;
  const id = `/report-requests/:id${UUID_PARAM}`;
  app.get('/report-requests', signedIn, reportRequestListPage);
  app.get(`${contract}/report-requests/new`, signedIn, newReportRequestPage);
  app.post(`${contract}/report-requests/new`, signedIn, requestReportAction);
  app.post(`${contract}/company-inspections`, signedIn, planCompanyInspectionAction);
  app.get(id, signedIn, reportRequestDetailPage);
  // an answer carries files: the attachments' limit comes before sign-in reads the body for CSRF
  app.post(`${id}/:command{answer}`, attachmentBodyLimit, signedIn, reportRequestStepAction);
  app.post(`${id}/:command{accept|send-back|withdraw}`, signedIn, reportRequestStepAction);
  return app;
}
