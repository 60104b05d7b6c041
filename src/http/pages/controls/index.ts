import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { contractCoveragePage } from './contract-coverage.page.js';
import { completeReviewAction, contractReviewPage, setReviewCycleAction } from './review.page.js';
import { wardCoverageCsv, wardCoveragePage } from './ward-coverage.page.js';

/** 統制項目の充足状況 (per municipality and per contract) and 契約の見直し. */
export function controlsPages() {
  const app = new Hono<AppEnv>();
  const id = `/contracts/:id${UUID_PARAM}`;
  app.get('/controls', signedIn, wardCoveragePage);
  app.get('/controls/export.csv', signedIn, wardCoverageCsv);
  app.get(`${id}/controls`, signedIn, contractCoveragePage);
  app.get(`${id}/review`, signedIn, contractReviewPage);
  app.post(`${id}/review/cycle`, signedIn, setReviewCycleAction);
  app.post(`${id}/review/complete`, signedIn, completeReviewAction);
  return app;
}
