import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { readRegister, readRegisterHistory } from '../../domain/registers/read-register.js';
import type { RegisterRevision } from '../../domain/registers/register.repository.js';
import { saveRegister } from '../../domain/registers/save-register.js';
import { ValidationError } from '../../domain/shared/errors.js';
import type { AppEnv } from '../app-env.js';
import { useCaseContext } from '../middleware/authenticate.js';
import { bearerSecurity, errorResponses, IdParam, jsonBody, jsonResponse, text } from '../schemas/common.js';
import { RegisterInputSchema, RegisterSchema } from '../schemas/contracts.js';
import { validationHook } from '../validation-hook.js';

// Mounted inside the contracts router, which already requires sign-in.

const common = { tags: ['registers'], security: bearerSecurity };

function present(r: RegisterRevision) {
  return { ...r, changedAt: r.changedAt.toISOString() };
}

/** `asOf`: an instant, or a date meaning the end of that day in Japan. */
function parseAsOf(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999+09:00`) : new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw new ValidationError({ en: 'asOf is not a date', ja: 'asOf の日付が正しくありません' }, [
      {
        path: 'query.asOf',
        message: 'a date (YYYY-MM-DD) or an ISO 8601 instant',
        message_ja: '日付（YYYY-MM-DD）または日時を指定してください',
      },
    ]);
  }
  return at;
}

export function registerRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/register',
      summary: "A contract's data-item register, now or as of a date / 情報項目",
      description:
        "A contract's data-item register (情報項目): whose data (subject groups), which items, collected by the contractor or provided by the ward, special categories (要配慮) and My Number flags, and the recording media. `asOf` (a date, meaning the end of that day in Japan time, or an instant) gives the revision that was in force then (履歴); an unreadable asOf is 422. The ETag is the revision, to send back as If-Match when saving. Readable by whoever may read the contract; 404 otherwise.",
      request: { params: IdParam, query: z.object({ asOf: text(40).optional() }) },
      responses: { 200: jsonResponse(RegisterSchema, 'The register revision in force'), ...errorResponses },
    }),
    async (c) => {
      const register = await readRegister(
        useCaseContext(c),
        c.req.valid('param').id,
        parseAsOf(c.req.valid('query').asOf),
      );
      c.header('etag', `"${register.revision}"`);
      return c.json(present(register), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'put',
      path: '/{id}/register',
      summary: 'Save a new revision of the register / 情報項目の登録・変更',
      description:
        "The ward's privacy officer saves a new revision of a contract's register (情報項目の登録・変更), based on the revision edited (`baseRevision` or If-Match: missing is 422, no longer the latest is 409). Items come from the catalogue (an unknown one is 422) and can never be less sensitive than their catalogue entry; a special category (思想・信条・宗教, 社会的差別の原因となる事実, 犯罪) needs the ward's recorded approval on the item, and duplicates are refused (422). A sub-contract's register must stay within its parent's items and media (422 naming what is outside). A closed contract's register cannot change (409). 403 for anyone but the privacy officer. Audited.",
      request: { params: IdParam, body: jsonBody(RegisterInputSchema) },
      responses: { 200: jsonResponse(RegisterSchema, 'The new revision'), ...errorResponses },
    }),
    async (c) => {
      const { baseRevision, ...input } = c.req.valid('json');
      // the same reading of If-Match as expectedVersion: a weak validator (W/"3") counts too
      const ifMatch = c.req.header('if-match')?.replace(/^W\//, '').replace(/"/g, '').trim();
      const base = ifMatch && /^\d+$/.test(ifMatch) ? Number(ifMatch) : baseRevision;
      if (base === undefined) {
        throw new ValidationError(
          { en: 'The base revision is required', ja: '編集元の版（baseRevision）の指定が必要です' },
          [
            {
              path: 'json.baseRevision',
              message: 'send the revision you edited, or If-Match',
              message_ja: '編集した版を送信してください',
            },
          ],
        );
      }
      const saved = await saveRegister(useCaseContext(c), c.req.valid('param').id, input, base);
      return c.json(present(saved), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/register/revisions',
      summary: 'The history of the register / 情報項目の変更履歴',
      description:
        "The revisions of a contract's data-item register, newest first (情報項目の変更履歴): who changed it, when and the note; read a past revision with `asOf`. Readable by whoever may read the contract; 404 otherwise.",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              z.object({
                revision: z.number(),
                changedBy: z.string().nullable(),
                changedAt: z.string(),
                note: z.string().nullable(),
              }),
            ),
          }),
          'Revisions, newest first',
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const items = await readRegisterHistory(useCaseContext(c), c.req.valid('param').id);
      return c.json({ items: items.map((i) => ({ ...i, changedAt: i.changedAt.toISOString() })) }, 200);
    },
  );

  return app;
}
