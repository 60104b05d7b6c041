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
