import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { requestSummaryPdfAction, summaryExportPage, summaryExportPdf } from './export.page.js';
import { summaryCsvDownload, summaryPage } from './summary.page.js';

/** 審議会向け集計: the page, its CSV, and its PDF prepared in the background. */
export function summaryPages() {
  const app = new Hono<AppEnv>();
  const id = `/summaries/exports/:id${UUID_PARAM}`;
  app.get('/summaries', signedIn, summaryPage);
  app.get('/summaries/csv', signedIn, summaryCsvDownload);
  app.post('/summaries/pdf', signedIn, requestSummaryPdfAction);
  app.get(id, signedIn, summaryExportPage);
  app.get(`${id}/pdf`, signedIn, summaryExportPdf);
  return app;
}
