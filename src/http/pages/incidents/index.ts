import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { breachReportCsvResponse, breachReportPdf } from '../../pdf-documents.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { assessBreachAction, recordBreachReportAction } from './breach-section.js';
import { incidentDetailPage, incidentStepAction, showIncident } from './detail.page.js';
import { incidentListCsv, incidentListPage } from './list.page.js';
import { newIncidentPage, reportIncidentAction } from './new.page.js';

/** 事故報告: the list, reporting one at once, one incident with its history and its steps. */
export function incidentPages() {
  const app = new Hono<AppEnv>();
  const id = `/incidents/:id${UUID_PARAM}`;
  app.get('/incidents', signedIn, incidentListPage);
  app.get('/incidents/export.csv', signedIn, incidentListCsv);
  app.get('/incidents/new', signedIn, newIncidentPage);
  app.post('/incidents/new', signedIn, reportIncidentAction);
  app.get(id, signedIn, incidentDetailPage);
  app.post(`${id}/:command{instruct|respond|sign|send-back|publish}`, signedIn, incidentStepAction);
  // 漏えい等報告: the questions, each report recorded as sent, the content as PDF and CSV
  app.post(`${id}/breach/assess`, signedIn, (c) => assessBreachAction(c, showIncident));
  app.post(`${id}/breach/record/:kind{preliminary|final|notice}`, signedIn, (c) =>
    recordBreachReportAction(c, showIncident),
  );
  app.get(`${id}/breach-report.pdf`, signedIn, (c) => breachReportPdf(c, c.req.param('id')!));
  app.get(`${id}/breach-report.csv`, signedIn, (c) => breachReportCsvResponse(c, c.req.param('id')!));
  return app;
}
