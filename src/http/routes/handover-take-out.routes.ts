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
      description:
        "The receiving organisation records a take-out of the media from the cabinet (持出し, 持出記録, seed 003 運用5): the contents, the handler carrying it — on the organisation's acknowledged handler list at that instant (422 otherwise) — and the purpose. For delivery (納品) or return (返却) it leaves now: `outAt` is required, not in the future and not before the package's previous step (422). For any other purpose it is a request the ward must approve before the media may leave. Only from the cabinet (保管中) and while no other take-out of the package is open (409); 403 for users of other organisations.",
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
        description:
          decision === 'approve'
            ? "The ward's privacy officer approves a requested take-out (持出しの承認) for a purpose other than delivery or return (seed 003 特記事項6: only with the ward's consent); the media stays in the cabinet until the approved take-out leaves (`start`). Refused 409 unless the take-out was requested and is undecided; 403 for anyone but the ward's privacy officer; 404 for a take-out that is not this package's."
            : "The ward's privacy officer refuses a requested take-out (持出しの不承認), with a comment; the media stays in the cabinet and may not leave for that purpose. Refused 409 unless the take-out was requested and is undecided; 403 for anyone but the ward's privacy officer; 404 for a take-out that is not this package's.",
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
      description:
        "The receiving organisation records that an approved take-out left the cabinet (持出し): from `outAt` (not in the future and not before the previous step, 422) the media is out. Refused 409 unless the take-out was approved by the ward and the media is in the cabinet; 404 for a take-out that is not this package's; 403 for users of other organisations.",
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
      description:
        "The receiving organisation records that the media is back in the cabinet after a take-out (持出しからの戻り), with the check made on its return (返却時の確認) and the time (`backAt`, not in the future and not before the take-out, 422). Refused 409 unless the take-out is out; 404 for a take-out that is not this package's; 403 for users of other organisations.",
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
