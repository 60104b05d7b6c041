import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { monitoringReportPdf } from '../../pdf-documents.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { monitoringDetailPage } from './detail.page.js';
import {
  createMonitoringAction,
  editMonitoringPage,
  newMonitoringPage,
  updateMonitoringAction,
} from './form.page.js';
import { monitoringListCsv, monitoringListPage } from './list.page.js';

/** 業務委託モニタリング報告書: list (sortable, CSV), form with the financial checksheet, the report and its PDF. */
export function monitoringPages() {
  const app = new Hono<AppEnv>();
  const id = `/monitoring/:id${UUID_PARAM}`;
  app.get('/monitoring', signedIn, monitoringListPage);
  app.get('/monitoring/export.csv', signedIn, monitoringListCsv);
  app.get('/monitoring/new', signedIn, newMonitoringPage);
  app.post('/monitoring', signedIn, createMonitoringAction);
  app.get(id, signedIn, monitoringDetailPage);
  app.get(`${id}/edit`, signedIn, editMonitoringPage);
  app.post(`${id}/edit`, signedIn, updateMonitoringAction);
  app.get(`${id}/pdf`, signedIn, (c) => monitoringReportPdf(c, c.req.param('id')!));
  return app;
}
