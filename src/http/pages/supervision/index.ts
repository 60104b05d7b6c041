import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { reportRequestDetailPage, reportRequestStepAction } from './detail.page.js';
import { reportRequestListPage } from './list.page.js';
import { newReportRequestPage, planCompanyInspectionAction, requestReportAction } from './new.page.js';

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
  app.post(`${id}/:command{answer|accept|send-back|withdraw}`, signedIn, reportRequestStepAction);
  return app;
}
