import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { certifyErasure } from '../../domain/erasure/certify-erasure.js';
import { getCertificate, getErasure, listErasures } from '../../domain/erasure/read-erasures.js';
import { recordErasure } from '../../domain/erasure/record-erasure.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { erasureCertificatePdf } from '../pdf-documents.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  PageQuery,
  pageOf,
  Uuid,
  VersionField,
} from '../schemas/common.js';
import {
  CertificateSchema,
  ErasureBody,
  ErasureSchema,
  presentCertificate,
  presentErasure,
} from '../schemas/erasure.js';
import { validationHook } from '../validation-hook.js';

const common = { tags: ['erasure'], security: bearerSecurity };

/** 消去の記録 and 消去証明書: recorded by the organisation that erased, read by the ward and those above. */
export function erasureRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/',
      summary: 'Erasure records you may see / 消去の記録の一覧',
      description:
        "The erasure records (消去の記録) the signed-in user may see, with their certificates once issued: the ward's staff see their ward's; a company its own and those of the sub-contractors below it (a sub-contractor's certificate goes to the ward and to the contractor above it, 丙13). Council reviewers see none. Filtered in the database; a malformed cursor is 422.",
      request: {
        query: PageQuery.extend({
          contractId: Uuid.optional(),
          status: z.enum(['recorded', 'certified']).optional(),
        }),
      },
      responses: { 200: jsonResponse(pageOf(ErasureSchema), 'A page of erasure records'), ...errorResponses },
    }),
    async (c) => {
      const page = await listErasures(useCaseContext(c), c.req.valid('query'));
      return c.json(
        { items: page.items.map((r) => presentErasure(useCaseContext(c), r)), nextCursor: page.nextCursor },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/',
      summary: 'Record an erasure (contractor or sub-contractor) / 消去の記録',
      description:
        "The manager (取扱責任者) of a contract's contractor — or sub-contractor, even after its approval was revoked — records what it erased or returned (消去の記録; 003 特記事項14–15, 丙12–13): the handover packages it held in its cabinet, the register items, the method (erasure software with its version, or physical destruction), when (`erasedAt`: not in the future and not before the contract started, 422), who performed it — a handler on the organisation's acknowledged handler list at that instant (422 otherwise) — who witnessed it, and evidence files it uploaded itself. A package not in its cabinet or not this contract's, or an incomplete record, is 422; a contract in a state that holds no data (draft) is 409; 403 for staff who are not the manager, 404 for a contract of anyone else. Audited. The certificate is issued from it next.",
      request: { body: jsonBody(ErasureBody) },
      responses: { 201: jsonResponse(ErasureSchema, 'Recorded'), ...errorResponses },
    }),
    async (c) => {
      const { erasedAt, ...input } = c.req.valid('json');
      const record = await recordErasure(useCaseContext(c), { ...input, erasedAt: new Date(erasedAt) });
      c.header('location', `/api/v1/erasures/${record.id}`);
      return c.json(presentErasure(useCaseContext(c), record), 201);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}',
      summary: 'One erasure record with its certificate / 消去の記録',
      description:
        "One erasure record (消去の記録) with what was erased or returned, how, when, by whom and witnessed by whom, its evidence, and its certificate once issued. Readable by the ward's staff, the organisation that erased and the contractor above it; 404 for anyone else.",
      request: { params: IdParam },
      responses: { 200: jsonResponse(ErasureSchema, 'The record'), ...errorResponses },
    }),
    async (c) => {
      const record = await getErasure(useCaseContext(c), c.req.valid('param').id);
      c.header('etag', `"${record.version}"`);
      return c.json(presentErasure(useCaseContext(c), record), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/certificate',
      summary: 'Issue the signed certificate / 消去証明書の発行',
      description:
        "The erasing organisation's manager issues the certificate of erasure (消去証明書の発行) from the record, once: its content, in canonical form, is signed by the server as a compact JWS (ES256) so that anyone can check it later, and gets a number of the ward's fiscal year (2026-0001, …). The packages it lists become erased; a sub-contractor's certificate goes to the ward and to the contractor above it, both notified. Refused 409 when a listed package is no longer in the organisation's cabinet, when the certificate was issued already, or on a stale version; 403 for anyone but the erasing organisation's manager. Audited.",
      request: { params: IdParam, body: jsonBody(z.object({ version: VersionField })) },
      responses: { 201: jsonResponse(CertificateSchema, 'Issued'), ...errorResponses },
    }),
    async (c) => {
      const { certificate } = await certifyErasure(
        useCaseContext(c),
        c.get('deps').tokens,
        c.req.valid('param').id,
        expectedVersion(c, c.req.valid('json').version),
      );
      return c.json(presentCertificate(certificate), 201);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/certificate',
      summary: 'The certificate with its signature (JWS) / 消去証明書（署名付き）',
      description:
        'The issued certificate of erasure (消去証明書) with its content, its number, the SHA-256 verification code (検証コード) and the compact JWS that signs it, to check at /certificate-verification. 404 when no certificate was issued or the record is not one you may see.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(CertificateSchema, 'The certificate'), ...errorResponses },
    }),
    async (c) =>
      c.json(presentCertificate(await getCertificate(useCaseContext(c), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/certificate/pdf',
      summary: 'The certificate as a Japanese PDF / 消去証明書（PDF）',
      description:
        'The certificate of erasure as a Japanese PDF (消去証明書), with 令和 dates, the certificate number and its verification code. 404 when no certificate was issued or the record is not one you may see.',
      request: { params: IdParam },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errorResponses,
      },
    }),
    (c) => erasureCertificatePdf(c, c.req.valid('param').id),
  );

  return app;
}
