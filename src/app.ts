import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import type { AppDeps, AppEnv } from './http/app-env.js';
import { rememberSessionWrites } from './http/middleware/read-replica.js';
import { requestContext } from './http/middleware/request-context.js';
import { securityHeaders } from './http/middleware/security-headers.js';
import { API_DESCRIPTION } from './http/openapi-info.js';
import { pageRoutes } from './http/pages/index.js';
import { PayloadTooLarge } from './http/payload-too-large.js';
import { notFoundProblem, problemFromError } from './http/problem.js';
import { accessLogReviewRoutes } from './http/routes/access-log-reviews.routes.js';
import { answerLinkRoutes } from './http/routes/answer-links.routes.js';
import { approvalDocumentRoutes } from './http/routes/approval-documents.routes.js';
import { approvalRoutes, suspensionRoutes } from './http/routes/approvals.routes.js';
import { attachmentBodyLimit, attachmentRoutes } from './http/routes/attachments.routes.js';
import { auditRoutes } from './http/routes/audit.routes.js';
import { authRoutes } from './http/routes/auth.routes.js';
import { catalogueRoutes } from './http/routes/catalogue.routes.js';
import { certificateVerificationRoutes } from './http/routes/certificate-verification.routes.js';
import { certificationRoutes } from './http/routes/certifications.routes.js';
import { companyStandingRoutes } from './http/routes/company-standing.routes.js';
import { contractReviewRoutes } from './http/routes/contract-reviews.routes.js';
import { contractRoutes } from './http/routes/contracts.routes.js';
import { controlsRoutes } from './http/routes/controls.routes.js';
import { councilRoutes } from './http/routes/council.routes.js';
import { deviceRoutes, myNumberRoutes } from './http/routes/devices.routes.js';
import { docsRoutes } from './http/routes/docs.routes.js';
import { erasureRoutes } from './http/routes/erasure.routes.js';
import { handlerRoutes } from './http/routes/handlers.routes.js';
import { handoverBodyLimit, handoverRoutes } from './http/routes/handover.routes.js';
import { healthRoutes } from './http/routes/health.routes.js';
import { importBodyLimit, importRoutes } from './http/routes/imports.routes.js';
import {
  improvementRecommendationRoutes,
  regularMeetingRoutes,
} from './http/routes/improvement-recommendations.routes.js';
import { incidentRoutes } from './http/routes/incidents.routes.js';
import { inspectionRoutes } from './http/routes/inspections.routes.js';
import { notificationRoutes } from './http/routes/notifications.routes.js';
import {
  operationalReportRoutes,
  operationalReportSettingsRoutes,
} from './http/routes/operational-reports.routes.js';
import { organisationRoutes } from './http/routes/organisations.routes.js';
import { priorApprovalRoutes, priorApprovalSettingsRoutes } from './http/routes/prior-approvals.routes.js';
import { provisionTemplateRoutes } from './http/routes/provisions.routes.js';
import { reportRequestRoutes } from './http/routes/report-requests.routes.js';
import { reportRoutes } from './http/routes/reports.routes.js';
import { scheduledJobRoutes } from './http/routes/scheduled-jobs.routes.js';
import { secondFactorRoutes } from './http/routes/second-factor.routes.js';
import { summaryRoutes } from './http/routes/summaries.routes.js';
import { userRoutes } from './http/routes/users.routes.js';
import { webhookRoutes } from './http/routes/webhooks.routes.js';
import { validationHook } from './http/validation-hook.js';

export const API_VERSION = '0.1.0';

/**
 * A body limit for the requests that may carry a body. A GET or HEAD has none (a fetch Request
 * cannot), so the limit would let it through anyway — but asking for the body makes
 * @hono/node-server build a whole fetch Request with its AbortController for every read, a few
 * per cent of a list's CPU in issue 21's profile.
 */
function withBody(limit: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}

/** Builds the whole HTTP application from its dependencies. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', requestContext(deps));
  app.use('*', securityHeaders);
  // with a read replica: where the primary's WAL stood after each session's last write
  app.use('*', rememberSessionWrites);
  // Evidence files may be up to 10 MiB; every other API body stays within 1 MiB.
  app.use('/api/v1/attachments/*', withBody(attachmentBodyLimit));
  // Handover packages may be tens of MB (see handover.routes.ts); the feature sets its own limits.
  app.use('/api/v1/handover-packages/*', withBody(handoverBodyLimit));
  // An import's file may be up to 2 MiB (see imports.routes.ts).
  app.use('/api/v1/imports/*', withBody(importBodyLimit));
  app.use(
    '/api/*',
    withBody(
      except(
        ['/api/v1/attachments/*', '/api/v1/handover-packages/*', '/api/v1/imports/*'],
        bodyLimit({
          maxSize: 1024 * 1024,
          onError: () => {
            throw PayloadTooLarge;
          },
        }),
      ),
    ),
  );

  app.route('/', healthRoutes());
  app.route('/api/v1/auth', authRoutes());
  app.route('/api/v1/auth', secondFactorRoutes());
  app.route('/api/v1/organisations', organisationRoutes());
  app.route('/api/v1/organisations', certificationRoutes());
  app.route('/api/v1/users', userRoutes());
  app.route('/api/v1/audit-entries', auditRoutes());
  app.route('/api/v1/attachments', attachmentRoutes());
  app.route('/api/v1/contracts', contractRoutes());
  app.route('/api/v1/handlers', handlerRoutes());
  app.route('/api/v1/data-item-catalogue', catalogueRoutes());
  app.route('/api/v1/imports', importRoutes());
  app.route('/api/v1/provision-templates', provisionTemplateRoutes());
  app.route('/api/v1/approvals', approvalRoutes());
  app.route('/api/v1/approvals', approvalDocumentRoutes());
  app.route('/api/v1/suspensions', suspensionRoutes());
  app.route('/api/v1/companies', companyStandingRoutes());
  app.route('/api/v1/council', councilRoutes());
  app.route('/api/v1/inspections', inspectionRoutes());
  app.route('/api/v1/handover-packages', handoverRoutes());
  app.route('/api/v1/erasures', erasureRoutes());
  // public: anyone holding a certificate may check it, signed in or not
  app.route('/api/v1/certificate-verification', certificateVerificationRoutes());
  app.route('/api/v1/compliance-reports', reportRoutes());
  app.route('/api/v1/answer-links', answerLinkRoutes());
  app.route('/api/v1/incidents', incidentRoutes());
  app.route('/api/v1/prior-approvals', priorApprovalRoutes());
  app.route('/api/v1/report-requests', reportRequestRoutes());
  app.route('/api/v1/contracts', priorApprovalSettingsRoutes());
  app.route('/api/v1/operational-reports', operationalReportRoutes());
  app.route('/api/v1/contracts', operationalReportSettingsRoutes());
  app.route('/api/v1/improvement-recommendations', improvementRecommendationRoutes());
  app.route('/api/v1/access-log-reviews', accessLogReviewRoutes());
  app.route('/api/v1/contract-reviews', contractReviewRoutes());
  app.route('/api/v1/controls', controlsRoutes());
  app.route('/api/v1/regular-meetings', regularMeetingRoutes());
  app.route('/api/v1/webhook-endpoints', webhookRoutes());
  app.route('/api/v1/devices', deviceRoutes());
  app.route('/api/v1/contracts', myNumberRoutes());
  app.route('/api/v1/summaries', summaryRoutes());
  app.route('/api/v1/notifications', notificationRoutes());
  app.route('/api/v1/scheduled-jobs', scheduledJobRoutes());
  app.route('/api/docs', docsRoutes());

  app.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'Cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'pg_access',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '個人情報取扱委託 管理 API / Privacy-governance workflow API',
      version: API_VERSION,
      description: API_DESCRIPTION,
    },
  });

  app.route('/', pageRoutes());
  app.notFound(notFoundProblem);
  app.onError(problemFromError);
  answerHeadLikeGet(app);
  return app;
}

/**
 * HEAD answers what GET answers, without the body. Hono answers HEAD by rebuilding the GET answer
 * from its original init, which under @hono/node-server loses the headers middleware set on the
 * finished response (the security headers, the request id); so HEAD is taken here, copying them.
 */
function answerHeadLikeGet(app: {
  fetch: (request: Request, ...rest: any[]) => Response | Promise<Response>;
}) {
  const fetch = app.fetch;
  app.fetch = async (request, ...rest) => {
    if (request.method !== 'HEAD') return fetch(request, ...rest);
    const answer = await fetch(new Request(request, { method: 'GET' }), ...rest);
    // the headers first: reading the body of a node-server response rebuilds it without them
    const headers = new Headers(answer.headers);
    await answer.body?.cancel();
    return new Response(null, { status: answer.status, headers });
  };
}

export type App = ReturnType<typeof createApp>;
