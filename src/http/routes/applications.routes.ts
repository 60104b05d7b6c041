import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { applyForDelegation } from '../../domain/approvals/apply-for-delegation.js';
import { applyForSubdelegation } from '../../domain/approvals/apply-for-subdelegation.js';
import type { AppEnv } from '../app-env.js';
import { useCaseContext } from '../middleware/authenticate.js';
import {
  ApprovalSchema,
  DelegationApplicationInput,
  SubdelegationApplicationInput,
} from '../schemas/approvals.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonResponse } from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';
import { presentApproval } from './approvals.routes.js';

// Mounted inside the contracts router, which already requires sign-in.

const common = { tags: ['approvals'], security: bearerSecurity };

export function applicationRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/delegation-approval',
      summary: 'Apply for approval to outsource this contract (所管課) / 委託の承認申請',
      request: { params: IdParam, body: jsonBody(DelegationApplicationInput) },
      responses: { 201: jsonResponse(ApprovalSchema, 'The application, in draft'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        presentApproval(
          useCaseContext(c),
          await applyForDelegation(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')),
        ),
        201,
      ),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/subcontract-applications',
      summary: 'Apply to sub-contract part of this contract (受託者) / 再委託の承認申請',
      request: { params: IdParam, body: jsonBody(SubdelegationApplicationInput) },
      responses: {
        201: jsonResponse(ApprovalSchema, 'The application, in draft, with its sub-contract'),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        presentApproval(
          useCaseContext(c),
          await applyForSubdelegation(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')),
        ),
        201,
      ),
  );

  return app;
}
