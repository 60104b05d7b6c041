import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { accountPages } from './account/index.js';
import { answerLinkPages, LINK_UPLOAD } from './answer-links/index.js';
import { approvalPages } from './approvals/index.js';
import { assetRoutes } from './assets/routes.js';
import { authPages } from './auth.page.js';
import { cataloguePages } from './catalogue/catalogue.page.js';
import { CERTIFICATION_UPLOAD, certificationPages } from './certifications/index.js';
import { companyPages } from './companies/companies.page.js';
import { contractPages } from './contracts/index.js';
import { controlsPages } from './controls/index.js';
import { councilPages } from './council/index.js';
import { devicePages } from './devices/index.js';
import { pageErrorHandler, renderErrorPage } from './errors.js';
import { formBodyLimit, handlerPages } from './handlers/index.js';
import { HANDOVER_UPLOADS, handoverPages } from './handover/index.js';
import { importPages } from './imports/imports.page.js';
import { inboxPages } from './inbox/inbox.page.js';
import { incidentPages } from './incidents/index.js';
import { ITEM_UPLOAD, inspectionPages } from './inspections/index.js';
import { monitoringPages } from './monitoring/index.js';
import { myNumberPages } from './my-number/index.js';
import { operationPages } from './operations/index.js';
import { priorApprovalPages } from './prior-approvals/index.js';
import { REPORT_UPLOAD, reportPages } from './reports/index.js';
import { secondFactorPages } from './second-factor.page.js';
import { summaryPages } from './summaries/index.js';
import { ANSWER_UPLOAD, supervisionPages } from './supervision/index.js';
import { suspensionPages } from './suspensions/suspensions.page.js';
import { userPages } from './users/users.page.js';
import { verifyPages } from './verify/verify.page.js';
import { webhookPages } from './webhooks/index.js';

const PLEDGE_UPLOAD = /^\/handlers\/[^/]+\/pledges$/;
const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * The web application (mounted at '/' after the API): server-rendered pages in Japanese (English on
 * request) that call the same use cases and policies as the API. Errors become pages here; the
 * API's routes keep answering problem+json, and so does any unknown /api path.
 */
export function pageRoutes() {
  const app = new Hono<AppEnv>();
  app.onError(pageErrorHandler);
  // Page forms stay within 1 MiB like API bodies; an upload has its own 10 MiB limit per file.
  app.post('*', async (c, next) =>
    isApi(c.req.path) ||
    PLEDGE_UPLOAD.test(c.req.path) ||
    ITEM_UPLOAD.test(c.req.path) ||
    REPORT_UPLOAD.test(c.req.path) ||
    CERTIFICATION_UPLOAD.test(c.req.path) ||
    LINK_UPLOAD.test(c.req.path) ||
    ANSWER_UPLOAD.test(c.req.path) ||
    HANDOVER_UPLOADS.some((r) => r.test(c.req.path))
      ? next()
      : formBodyLimit(c, next),
  );
  app.route('/', assetRoutes());
  // public: a one-time link's pages, no session
  app.route('/', answerLinkPages());
  app.route('/', authPages());
  app.route('/', secondFactorPages());
  app.route('/', accountPages());
  app.route('/', contractPages());
  app.route('/', cataloguePages());
  app.route('/', approvalPages());
  app.route('/', handlerPages());
  app.route('/', councilPages());
  app.route('/', handoverPages());
  app.route('/', inspectionPages());
  app.route('/', monitoringPages());
  app.route('/', reportPages());
  app.route('/', incidentPages());
  app.route('/', priorApprovalPages());
  app.route('/', operationPages());
  app.route('/', myNumberPages());
  app.route('/', controlsPages());
  app.route('/', devicePages());
  app.route('/', certificationPages());
  app.route('/', supervisionPages());
  app.route('/', summaryPages());
  app.route('/', suspensionPages());
  app.route('/', companyPages());
  app.route('/', importPages());
  app.route('/', userPages());
  app.route('/', inboxPages());
  app.route('/', verifyPages());
  app.route('/', webhookPages());
  app.get('*', (c) => (isApi(c.req.path) ? c.notFound() : renderErrorPage(c, 404)));
  return app;
}
