import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { fileAdhocReportAction, newAdhocReportPage } from './adhoc.page.js';
import { meetingDetailPage, meetingListPage, newMeetingPage, recordMeetingAction } from './meetings.page.js';
import { recommendationListCsv, recommendationListPage } from './recommendation-list.page.js';
import {
  newRecommendationPage,
  recommendAction,
  recommendationDetailPage,
  recommendationStepAction,
} from './recommendations.page.js';
import { operationalReportListCsv, operationalReportListPage } from './report-list.page.js';
import { operationalReportDetailPage, operationalReportStepAction } from './reports.page.js';

/** 業務報告 (daily, monthly, yearly, ad-hoc), 定例会議 and 改善勧告 (seed 004). */
export function operationPages() {
  const app = new Hono<AppEnv>();
  const report = `/operational-reports/:id${UUID_PARAM}`;
  const recommendation = `/improvement-recommendations/:id${UUID_PARAM}`;
  app.get('/operational-reports', signedIn, operationalReportListPage);
  app.get('/operational-reports/export.csv', signedIn, operationalReportListCsv);
  app.get('/operational-reports/new', signedIn, newAdhocReportPage);
  app.post('/operational-reports/new', signedIn, fileAdhocReportAction);
  app.get(report, signedIn, operationalReportDetailPage);
  app.post(`${report}/:command{submit|receive|sign|return}`, signedIn, operationalReportStepAction);
  app.get('/regular-meetings', signedIn, meetingListPage);
  app.get('/regular-meetings/new', signedIn, newMeetingPage);
  app.post('/regular-meetings/new', signedIn, recordMeetingAction);
  app.get(`/regular-meetings/:id${UUID_PARAM}`, signedIn, meetingDetailPage);
  app.get('/improvement-recommendations', signedIn, recommendationListPage);
  app.get('/improvement-recommendations/export.csv', signedIn, recommendationListCsv);
  app.get('/improvement-recommendations/new', signedIn, newRecommendationPage);
  app.post('/improvement-recommendations/new', signedIn, recommendAction);
  app.get(recommendation, signedIn, recommendationDetailPage);
  app.post(`${recommendation}/:command{answer|send-back|close}`, signedIn, recommendationStepAction);
  return app;
}
