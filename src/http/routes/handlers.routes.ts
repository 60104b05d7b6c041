import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  createHandler,
  getHandler,
  listHandlers,
  recordPledge,
  recordTraining,
} from '../../domain/handlers/manage-handlers.js';
import type { AppEnv } from '../app-env.js';
import { requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  PageQuery,
  pageOf,
  Uuid,
} from '../schemas/common.js';
import { HandlerSchema, NewHandler, PledgeInput, TrainingInput } from '../schemas/handlers.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['handlers'], security: bearerSecurity };

/** People who handle the data (取扱責任者・取扱者), their pledges (誓約書) and training (研修). */
export function handlerRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Handlers you may see / 取扱者の一覧',
      description:
        "The people (取扱者) the signed-in user may see, by name, with their pledges (誓約書) and trainings (研修): a company sees its own people; the ward's staff see the people listed on a handler list of one of the ward's contracts. Permissions are applied in the database; filter by `organisationId`; paged with limit and cursor (a malformed cursor is 422).",
      request: { query: PageQuery.extend({ organisationId: Uuid.optional() }) },
      responses: { 200: jsonResponse(pageOf(HandlerSchema), 'A page of handlers'), ...errorResponses },
    }),
    async (c) => c.json(await listHandlers(useCaseContext(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Register a person of your organisation / 取扱者の登録',
      description:
        "A company's manager (統括責任者) registers a person of their own organisation (取扱者の登録) — name, kana, job title — so that they can be put on a handler list once they have signed a confidentiality pledge. Always in the actor's own organisation; 403 for anyone but a company manager. Audited.",
      request: { body: jsonBody(NewHandler) },
      responses: { 201: jsonResponse(HandlerSchema, 'Registered'), ...errorResponses },
    }),
    async (c) => c.json(await createHandler(useCaseContext(c), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One handler / 取扱者',
      description:
        "One person (取扱者) with their pledges (誓約書) and trainings (研修). Readable by their organisation and by the ward's staff where the person is on a handler list of one of the ward's contracts; 404 for anyone else.",
      request: { params: IdParam },
      responses: { 200: jsonResponse(HandlerSchema, 'The handler'), ...errorResponses },
    }),
    async (c) => c.json(await getHandler(useCaseContext(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/pledges',
      summary: 'Record a signed confidentiality pledge / 誓約書の記録',
      description:
        'By the manager of the person’s company. The copy must be an attachment of the same company (422 otherwise). Seed 004 (5(1)③): the pledge binds after the contract ends and after the person leaves the company, and its wording version is recorded; a 業務従事者名簿 refuses anyone whose pledge lacks its copy, either binding or its wording version.',
      request: { params: IdParam, body: jsonBody(PledgeInput) },
      responses: { 201: jsonResponse(HandlerSchema, 'Recorded'), ...errorResponses },
    }),
    async (c) =>
      c.json(await recordPledge(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/trainings',
      summary: 'Record a training / 研修の記録',
      description:
        "The company's manager records a training (研修) the person attended: the day it was held and its subject. The compliance report (別紙5) compares its training answer with these records. 403 for anyone but the person's organisation's manager; 404 for a person you may not see. Audited.",
      request: { params: IdParam, body: jsonBody(TrainingInput) },
      responses: { 201: jsonResponse(HandlerSchema, 'Recorded'), ...errorResponses },
    }),
    async (c) =>
      c.json(await recordTraining(useCaseContext(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  return app;
}
