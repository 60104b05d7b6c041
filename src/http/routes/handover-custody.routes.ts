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
  for (const [kind, path, summary, description] of [
    [
      'media',
      'media-handover',
      'Hand over the media, by hand / 電磁的媒体の受渡し',
      "The ward's privacy officer records that the encrypted media (電磁的媒体, the USB stick holding the package) was handed over by hand (受渡記録, seed 000/003): when (`handedAt`, not in the future and not before the package's previous step), who gave it (ward staff, the actor when not named), who received it — a handler who must be on the receiving organisation's acknowledged handler list for the contract at that instant (取扱者名簿) — and how their identity was checked (a description is required for 'other'). The recipient cannot open it until the password notice follows on a separate occasion. Time rules of live recording (記録の時刻の規則): `handedAt` may not be in the future (5 minutes of clock skew allowed) nor before the package's previous step, and the password notice must follow at least one hour after this handover; an import of existing records (既存記録の取込み, `/api/v1/imports`) is exempt from them, its dates being history kept as recorded: past handovers, returns and erasures imported with `/api/v1/imports/handovers` are the contract's history (取込み（過去の記録）), not steps of a package, and none of these rules is applied to them. Refused 422 for a time in the future or out of order, a receiver not on the list, or unknown ward staff; 409 unless the package is prepared (作成済み) or on a stale version; 403 for anyone but the ward's privacy officer; 404 for a package you may not see.",
    ],
    [
      'password_notice',
      'password-handover',
      'Hand over the password notice, on a later occasion / パスワード通知書の受渡し',
      "The ward's privacy officer records that the password notice (パスワード通知書) was handed over by hand, on a separate, later occasion than the media (seed 003 運用8): at least one hour after the media handover, so that one lost bag or one intercepted visit never carries both — an earlier time is refused 409. The same record as the media's: the time (`handedAt`, not in the future and not before the previous step: 422), the ward giver, a receiver on the receiving organisation's acknowledged handler list at that instant (422 otherwise) and the identity check. Allowed once the media was handed over, stored or not yet stored (409 otherwise); 403 for anyone but the ward's privacy officer. These time rules (at least an hour after the media, nothing in the future beyond 5 minutes of clock skew) apply to live recording only: an import of existing records (既存記録の取込み, `/api/v1/imports`) keeps its original dates and is exempt.",
    ],
  ] as const) {
    app.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/{id}/${path}`,
        summary,
        description,
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
      description:
        "The receiving organisation's manager records that the media was put in a locked cabinet (保管, seed 003 運用6): when (`storedAt`, not in the future and not before the package's previous step, 422), where, and the key holder — who must be the responsible person (取扱責任者) on the organisation's acknowledged handler list at that instant (422 otherwise). Allowed once the media was handed over, before or after the password notice (409 otherwise); 403 for anyone but the receiving organisation's manager; 404 for a package you may not see.",
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
      description:
        "The ward's privacy officer records that the media and the password notice (once handed over) came back by hand (返却の受領, seed 003 運用12): when (`handedAt`, not in the future and not before the previous step, 422), the receiving organisation's handler who brought it — on its acknowledged handler list at that instant (422 otherwise) — and the ward staff member who took it. The return is complete only after the hash check (verify-return). During a take-out only a take-out made for the return may end in a return (409: bring it back to the cabinet first); 409 too once returned, erased or withdrawn. 403 for anyone but the ward's privacy officer.",
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
        'The ward’s privacy officer checks a returned package (返却データのハッシュ確認): the file read back from the returned media is uploaded, hashed with SHA-256 and not kept. A match makes the return complete (返却確認済み), which settles the package for closing the contract; a mismatch is recorded, changes nothing and is answered 409. Refused 409 unless the package was returned; 403 for anyone but the ward’s privacy officer; 404 for a package you may not see.',
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
      description:
        "The ward's privacy officer withdraws a package that never left the ward (取下げ: its notice lost, the wrong data picked), with a reason; it then no longer holds up the contract's closing. Only a prepared package, before the media was handed over, may be withdrawn (409 otherwise); 403 for anyone but the ward's privacy officer; 404 for a package you may not see. Audited.",
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
