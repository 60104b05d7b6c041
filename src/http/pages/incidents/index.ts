import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { incidentDetailPage, incidentStepAction } from './detail.page.js';
import { incidentListPage } from './list.page.js';
import { newIncidentPage, reportIncidentAction } from './new.page.js';

/** 事故報告: the list, reporting one at once, one incident with its history and its steps. */
export function incidentPages() {
  const app = new Hono<AppEnv>();
  const id = `/incidents/:id${UUID_PARAM}`;
  app.get('/incidents', signedIn, incidentListPage);
  app.get('/incidents/new', signedIn, newIncidentPage);
  app.post('/incidents/new', signedIn, reportIncidentAction);
  app.get(id, signedIn, incidentDetailPage);
  app.post(`${id}/:command{instruct|respond|sign|send-back|publish}`, signedIn, incidentStepAction);
  return app;
}
