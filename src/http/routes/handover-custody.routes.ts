import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { decideTakeOut } from '../../domain/handover/decide-take-out.js';
import { handOverPackage } from '../../domain/handover/hand-over-package.js';
import { returnPackage } from '../../domain/handover/return-package.js';
import { storePackage } from '../../domain/handover/store-package.js';
import { bringBackPackage, startTakeOut, takeOutPackage } from '../../domain/handover/take-out-package.js';
import { verifyReturnedPackage } from '../../domain/handover/verify-returned-package.js';
import { withdrawPackage } from '../../domain/handover/withdraw-package.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, useCaseContext } from '../middleware/authenticate.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonResponse, Uuid } from '../schemas/common.js';
import {
  BringBackBody,
  DecisionBody,
  HandoverBody,
  PackageSchema,
  presentPackage,
  ReturnBody,
  StartBody,
  StoreBody,
  TakeOutBody,
  WithdrawBody,
} from '../schemas/handover.js';

// The custody steps of a package: each is one use case, one transaction, one audit entry.

const common = { tags: ['handover'], security: bearerSecurity };
const answer = { 200: jsonResponse(PackageSchema, 'The package after the step'), ...errorResponses };
const TakeOutParams = IdParam.extend({
  takeOutId: Uuid.openapi({ param: { name: 'takeOutId', in: 'path' } }),
});

export function custodyRoutes(app: OpenAPIHono<AppEnv>) {
  for (const [kind, path, summary] of [
    ['media', 'media-handover', 'Hand over the media, by hand / 電磁的媒体の受渡し'],
    [
      'password_notice',
      'password-handover',
      'Hand over the password notice, on a later occasion / パスワード通知書の受渡し',
    ],
  ] as const) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/${path}`,
        summary,
        request: { params: IdParam, body: jsonBody(HandoverBody) },
        responses: answer,
      }),
      async (c) => {
        const { version, handedAt, ...input } = c.req.valid('json');
        const pkg = await handOverPackage(
          useCaseContext(c),
          c.req.valid('param').id,
          kind,
          { ...input, handedAt: new Date(handedAt) },
          expectedVersion(c, version),
        );
        return c.json(presentPackage(pkg), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/storage',
      summary: 'Store in the locked cabinet (取扱責任者 holds the key) / 保管',
      request: { params: IdParam, body: jsonBody(StoreBody) },
      responses: answer,
    }),
    async (c) => {
      const { version, storedAt, ...input } = c.req.valid('json');
      const pkg = await storePackage(
        useCaseContext(c),
        c.req.valid('param').id,
        { ...input, storedAt: new Date(storedAt) },
        expectedVersion(c, version),
      );
      return c.json(presentPackage(pkg), 200);
    },
  );

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
      return c.json(presentPackage(pkg), 200);
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
        return c.json(presentPackage(pkg), 200);
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
      return c.json(presentPackage(pkg), 200);
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
      return c.json(presentPackage(pkg), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/return',
      summary: 'Receive the media and password notice back (ward) / 返却の受領',
      request: { params: IdParam, body: jsonBody(ReturnBody) },
      responses: answer,
    }),
    async (c) => {
      const { version, handedAt, ...input } = c.req.valid('json');
      const pkg = await returnPackage(
        useCaseContext(c),
        c.req.valid('param').id,
        { ...input, handedAt: new Date(handedAt) },
        expectedVersion(c, version),
      );
      return c.json(presentPackage(pkg), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/verify-return',
      summary: 'Check the returned package file against its SHA-256 (ward) / 返却データのハッシュ確認',
      description:
        'The file read back from the returned media; it is hashed and not kept. A mismatch is recorded and answered 409.',
      request: {
        params: IdParam,
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({
                file: z
                  .custom<File>((v) => v instanceof File, {
                    message: 'a file is required in the field "file"',
                  })
                  .openapi({ type: 'string', format: 'binary' }),
                version: z.coerce.number().int().min(1).optional(),
              }),
            },
          },
        },
      },
      responses: answer,
    }),
    async (c) => {
      const { file, version } = c.req.valid('form');
      const { package: pkg, check } = await verifyReturnedPackage(
        useCaseContext(c),
        c.req.valid('param').id,
        new Uint8Array(await file.arrayBuffer()),
        expectedVersion(c, version),
      );
      return c.json(
        { ...presentPackage(pkg), check: { ...check, checkedAt: check.checkedAt.toISOString() } },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/withdraw',
      summary: 'Withdraw a package that never left the ward / 取下げ',
      request: { params: IdParam, body: jsonBody(WithdrawBody) },
      responses: answer,
    }),
    async (c) => {
      const { version, reason } = c.req.valid('json');
      const pkg = await withdrawPackage(
        useCaseContext(c),
        c.req.valid('param').id,
        reason,
        expectedVersion(c, version),
      );
      return c.json(presentPackage(pkg), 200);
    },
  );
}
