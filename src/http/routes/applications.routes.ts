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
      description:
        "The department's privacy officer (所管課の個人情報保護担当) applies for approval of a contract that involves personal information (委託の承認申請). The application is read from the contract and its data-item register as they stand, and created in draft (submit it next). `councilMode` says whether the council is informed afterwards (報告, the default) or consulted before it takes effect (諮問). Refused 409 for a sub-contract (approved through its sub-delegation), while an application for the contract is open, when it is approved and nothing material has changed, or when the contract is closed; 403 for anyone but the privacy officer; 404 for a contract you may not see.",
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
      description:
        "The contractor's manager (統括責任者) applies, before the work starts, to sub-contract part of the contract (再委託の承認申請, 別紙7 第7条): the sub-contractor (a company it works with, or one named by its corporate number), the reason, what it will process, which items of the register it will handle, its safety measures and how the contractor will supervise it. Creates the sub-contract — not visible to the sub-contractor until approved — and the application in draft. Refused 422 with each reason: the whole work or its main part, a depth beyond the ward's policy, a start date before today or a period outside the contract's, items or media outside the parent's register, a company already in the chain or on the ward's suspension list (指名停止) on any day of the period, or an organisation that is not this contract's contractor. 409 when the contract is ending or closed; 403 for anyone but the contractor's manager; 404 for a contract you may not see.",
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
