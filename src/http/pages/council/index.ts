import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { councilItemsCsv, councilPage, createMeetingAction } from './council.page.js';
import { assignItemAction, councilItemPage, councilItemPdf, recordCoverAction } from './item.page.js';

/** 審議会: meetings and report items (報告事項) with their PDFs; reviewers read, the officer schedules. */
export function councilPages() {
  const app = new Hono<AppEnv>();
  const id = `/council/items/:id${UUID_PARAM}`;
  app.get('/council', signedIn, councilPage);
  app.get('/council/export.csv', signedIn, councilItemsCsv);
  app.post('/council/meetings', signedIn, createMeetingAction);
  app.get(id, signedIn, (c) => councilItemPage(c));
  app.get(`${id}/pdf`, signedIn, councilItemPdf);
  app.post(`${id}/meeting`, signedIn, assignItemAction);
  app.post(`${id}/cover`, signedIn, recordCoverAction);
  return app;
}
