import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { handOverPackage } from '../../domain/handover/hand-over-package.js';
import { returnPackage } from '../../domain/handover/return-package.js';
import { storePackage } from '../../domain/handover/store-package.js';
import { verifyReturnedPackage } from '../../domain/handover/verify-returned-package.js';
import { withdrawPackage } from '../../domain/handover/withdraw-package.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, useCaseContext } from '../middleware/authenticate.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonResponse } from '../schemas/common.js';
import {
  HandoverBody,
  PackageSchema,
  presentPackage,
  ReturnBody,
  StoreBody,
  WithdrawBody,
} from '../schemas/handover.js';

// The custody steps of a package: each is one use case, one transaction, one audit entry.

const common = { tags: ['handover'], security: bearerSecurity };
const answer = { 200: jsonResponse(PackageSchema, 'The package after the step'), ...errorResponses };

import { takeOutRoutes } from './handover-take-out.routes.js';

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
        return c.json(presentPackage(useCaseContext(c), pkg), 200);
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
      return c.json(presentPackage(useCaseContext(c), pkg), 200);
    },
  );

  takeOutRoutes(app);

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
      return c.json(presentPackage(useCaseContext(c), pkg), 200);
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
        {
          ...presentPackage(useCaseContext(c), pkg),
          check: { ...check, checkedAt: check.checkedAt.toISOString() },
        },
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
      return c.json(presentPackage(useCaseContext(c), pkg), 200);
    },
  );
}
