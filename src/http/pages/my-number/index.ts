import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { accessLogReviewListCsv, accessLogReviewListPage } from './access-log-review-list.page.js';
import {
  accessLogReviewDetailPage,
  accessLogReviewStepAction,
  showReview,
} from './access-log-reviews.page.js';
import { setIntervalAction } from './review-interval.js';

/** 特定個人情報: the access-log reviews (アクセスログの確認) of My Number contracts. */
export function myNumberPages() {
  const app = new Hono<AppEnv>();
  const review = `/access-log-reviews/:id${UUID_PARAM}`;
  app.get('/access-log-reviews', signedIn, accessLogReviewListPage);
  app.get('/access-log-reviews/export.csv', signedIn, accessLogReviewListCsv);
  app.get(review, signedIn, accessLogReviewDetailPage);
  app.post(`${review}/:command{record|confirm|send-back}`, signedIn, accessLogReviewStepAction);
  app.post(`${review}/interval`, signedIn, (c) => setIntervalAction(c, showReview));
  return app;
}
