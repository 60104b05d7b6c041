import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { decideTakeOut } from '../../domain/handover/decide-take-out.js';
import { bringBackPackage, startTakeOut } from '../../domain/handover/move-take-out.js';
import { takeOutPackage } from '../../domain/handover/take-out-package.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, useCaseContext } from '../middleware/authenticate.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonResponse, Uuid } from '../schemas/common.js';
import {
  BringBackBody,
  DecisionBody,
  PackageSchema,
  presentPackage,
  StartBody,
  TakeOutBody,
} from '../schemas/handover.js';

// 持出記録: take-outs of a package's media, and the ward's approval of those for other purposes.

const common = { tags: ['handover'], security: bearerSecurity };
const answer = { 200: jsonResponse(PackageSchema, 'The package after the step'), ...errorResponses };
const TakeOutParams = IdParam.extend({
  takeOutId: Uuid.openapi({ param: { name: 'takeOutId', in: 'path' } }),
});

export function takeOutRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/take-outs',
      summary: 'Take out for delivery or return, or request another take-out / 持出し・持出申請',
      request: { params: IdParam, body: jsonBody(TakeOutBody) },
      responses: answer,
    }),
    async (c) => {
      const { version, outAt, ...input } = c.req.valid('json');
      const pkg = await takeOutPackage(
        useCaseContext(c),
        c.req.valid('param').id,
        { ...input, outAt: outAt ? new Date(outAt) : null },
        expectedVersion(c, version),
      );
      return c.json(presentPackage(useCaseContext(c), pkg), 200);
    },
  );

  for (const decision of ['approve', 'refuse'] as const) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/take-outs/{takeOutId}/${decision}`,
        summary:
          decision === 'approve'
            ? 'Approve a take-out (ward) / 持出しの承認'
            : 'Refuse a take-out (ward) / 持出しの不承認',
        request: { params: TakeOutParams, body: jsonBody(DecisionBody) },
        responses: answer,
      }),
      async (c) => {
        const { id, takeOutId } = c.req.valid('param');
        const { version, comment } = c.req.valid('json');
        const pkg = await decideTakeOut(
          useCaseContext(c),
          id,
          takeOutId,
          decision,
          comment ?? null,
          expectedVersion(c, version),
        );
        return c.json(presentPackage(useCaseContext(c), pkg), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/take-outs/{takeOutId}/start',
      summary: 'An approved take-out leaves / 持出し（承認済み）',
      request: { params: TakeOutParams, body: jsonBody(StartBody) },
      responses: answer,
    }),
    async (c) => {
      const { id, takeOutId } = c.req.valid('param');
      const { version, outAt } = c.req.valid('json');
      const pkg = await startTakeOut(
        useCaseContext(c),
        id,
        takeOutId,
        new Date(outAt),
        expectedVersion(c, version),
      );
      return c.json(presentPackage(useCaseContext(c), pkg), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/take-outs/{takeOutId}/bring-back',
      summary: 'Back in the cabinet, with the check made / 持出しからの戻り（返却時の確認）',
      request: { params: TakeOutParams, body: jsonBody(BringBackBody) },
      responses: answer,
    }),
    async (c) => {
      const { id, takeOutId } = c.req.valid('param');
      const { version, backAt, check } = c.req.valid('json');
      const pkg = await bringBackPackage(
        useCaseContext(c),
        id,
        takeOutId,
        { backAt: new Date(backAt), check },
        expectedVersion(c, version),
      );
      return c.json(presentPackage(useCaseContext(c), pkg), 200);
    },
  );
}
