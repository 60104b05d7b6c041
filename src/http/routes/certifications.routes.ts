import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  CERTIFICATION_KINDS,
  type Certification,
} from '../../domain/certifications/certification.repository.js';
import { standingOf } from '../../domain/certifications/certification-standing.js';
import {
  createCertification,
  getCertification,
  listCertifications,
  readCertificateCopy,
  updateCertification,
  withdrawCertification,
} from '../../domain/certifications/manage-certifications.js';
import { toJapanDate } from '../../domain/shared/japan-date.js';
import type { AppEnv } from '../app-env.js';
import { expectedVersion, requireAuth, useCaseContext } from '../middleware/authenticate.js';
import {
  bearerSecurity,
  errorResponses,
  IdParam,
  jsonBody,
  jsonResponse,
  requiredText,
  text,
  Uuid,
  VersionField,
} from '../schemas/common.js';
import { DateText } from '../schemas/contracts.js';
import { validationHook } from '../validation-hook.js';
import { contentDisposition } from './attachments.routes.js';

// 認証 of a company (プライバシーマーク, ISMS, ISMAP) under /api/v1/organisations/{id}/certifications.

const Kind = z.enum(CERTIFICATION_KINDS).openapi({
  description:
    'privacy_mark プライバシーマーク, isms ISMS (ISO/IEC 27001), ismap ISMAP (a cloud service registration)',
});

const CertificationSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    kind: Kind,
    number: z.string().openapi({ description: '登録番号・認証番号' }),
    scope: z.string().nullable().openapi({ description: '適用範囲 (null: the whole company)' }),
    issuer: z.string().openapi({ description: '付与機関・認証機関' }),
    validFrom: z.string().nullable(),
    validUntil: z.string().openapi({ description: '有効期限: the last day it is valid' }),
    standing: z.enum(['valid', 'expiring', 'expired']).openapi({
      description:
        'in Japan time today: expiring within 30 days, or expired; a withdrawn one reads as of its dates',
    }),
    attachmentId: z.string().nullable().openapi({ description: 'the certificate copy (添付ファイル)' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    withdrawnAt: z.string().nullable(),
    version: z.number().int(),
  })
  .openapi('CompanyCertification');

const NewCertification = z
  .object({
    kind: Kind,
    number: requiredText(100),
    scope: text(1000).nullish(),
    issuer: requiredText(200),
    validFrom: DateText.nullish(),
    validUntil: DateText,
    attachmentId: Uuid.nullish().openapi({
      description: 'a file the company uploaded itself (POST /api/v1/attachments), the certificate copy',
    }),
  })
  .openapi('NewCompanyCertification');

const CertificationPatch = z
  .object({
    number: requiredText(100).optional(),
    scope: text(1000).nullish(),
    issuer: requiredText(200).optional(),
    validFrom: DateText.nullish(),
    validUntil: DateText.optional(),
    attachmentId: Uuid.nullish(),
    version: VersionField,
  })
  .openapi('CompanyCertificationPatch');

const VersionBody = z.object({ version: VersionField }).openapi('CompanyCertificationWithdrawal');

const CertParams = IdParam.extend({
  certificationId: Uuid.openapi({ param: { name: 'certificationId', in: 'path' } }),
});

function present(c: Certification, now: Date) {
  const { wardIds: _wards, createdBy: _by, ...rest } = c;
  const s = standingOf(
    [{ id: c.id, kind: c.kind, number: c.number, validUntil: c.validUntil }],
    c.kind,
    toJapanDate(now),
  );
  return {
    ...rest,
    standing: s.standing as 'valid' | 'expiring' | 'expired',
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
  };
}

const common = { tags: ['certifications'], security: bearerSecurity };
const WHO =
  "The company's managers (統括責任者・取扱責任者, contractor_manager) record, change and withdraw its certifications; its staff read them; a ward's staff (not council reviewers) read those of the companies known to the ward — its contractors and their sub-contractors. Anyone else, and another company's id, get 404 as if the company had none.";

export function certificationRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requireAuth);

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/certifications',
      summary: "A company's certifications / 認証の一覧",
      description: `The certifications (認証: プライバシーマーク, ISMS, ISMAP) of one company, by kind and latest end date first, each with its standing today (Japan time): valid, expiring (within 30 days) or expired. Withdrawn ones only with includeWithdrawn=true. ${WHO} Permissions are applied in the database.`,
      request: {
        params: IdParam,
        query: z.object({
          includeWithdrawn: z
            .enum(['true', 'false'])
            .optional()
            .openapi({ param: { name: 'includeWithdrawn', in: 'query' } }),
        }),
      },
      responses: {
        200: jsonResponse(z.object({ items: z.array(CertificationSchema) }), 'The certifications'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const items = await listCertifications(ctx, c.req.valid('param').id, {
        includeWithdrawn: c.req.valid('query').includeWithdrawn === 'true',
      });
      return c.json({ items: items.map((i) => present(i, ctx.now())) }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/certifications',
      summary: 'Record a certification / 認証の登録',
      description: `Records one of the company's certifications (認証の登録) with its number, scope, issuer, validity (validFrom optional, validUntil required, as YYYY-MM-DD) and optionally the certificate's copy: attachmentId must name a file the company itself uploaded (POST /api/v1/attachments checks its size and type), otherwise 422. A date that does not exist or a validFrom after validUntil is 422 (problem+json, nothing stored). Audited. ${WHO} The company's staff get 403.`,
      request: { params: IdParam, body: jsonBody(NewCertification) },
      responses: { 201: jsonResponse(CertificationSchema, 'Recorded'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const created = await createCertification(ctx, c.req.valid('param').id, c.req.valid('json'));
      c.header('location', `/api/v1/organisations/${created.organisationId}/certifications/${created.id}`);
      return c.json(present(created, ctx.now()), 201);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/certifications/{certificationId}',
      summary: 'One certification / 認証',
      description: `One certification (認証) of the company, with its standing today; its version is the ETag. A certification of another company under this id is 404. ${WHO}`,
      request: { params: CertParams },
      responses: { 200: jsonResponse(CertificationSchema, 'The certification'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { id, certificationId } = c.req.valid('param');
      const found = await getCertification(ctx, id, certificationId);
      c.header('etag', `"${found.version}"`);
      return c.json(present(found, ctx.now()), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/{id}/certifications/{certificationId}',
      summary: 'Change a certification / 認証の変更',
      description: `Changes a certification (認証の変更): a renewal's new validUntil, a corrected number, scope or issuer, a new copy (attachmentId, the company's own file, else 422; null removes it). Send the version you read (body or If-Match): a stale one is 409 and nothing changes. Bad or reversed dates 422; a withdrawn certification 409. Audited with before and after. ${WHO}`,
      request: { params: CertParams, body: jsonBody(CertificationPatch) },
      responses: { 200: jsonResponse(CertificationSchema, 'Changed'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { id, certificationId } = c.req.valid('param');
      const { version, ...patch } = c.req.valid('json');
      const changed = await updateCertification(ctx, id, certificationId, patch, expectedVersion(c, version));
      return c.json(present(changed, ctx.now()), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/{id}/certifications/{certificationId}/withdraw',
      summary: 'Withdraw a certification / 認証の取下げ',
      description: `Withdraws a certification (認証の取下げ: returned, lapsed or recorded in error). It stays in the record (includeWithdrawn=true) but no longer counts for the flags, reminders and reports. Based on the version read (409 when stale, 409 when already withdrawn). Audited. ${WHO}`,
      request: { params: CertParams, body: jsonBody(VersionBody) },
      responses: { 200: jsonResponse(CertificationSchema, 'Withdrawn'), ...errorResponses },
    }),
    async (c) => {
      const ctx = useCaseContext(c);
      const { id, certificationId } = c.req.valid('param');
      const withdrawn = await withdrawCertification(
        ctx,
        id,
        certificationId,
        expectedVersion(c, c.req.valid('json').version),
      );
      return c.json(present(withdrawn, ctx.now()), 200);
    },
  );

  app.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/{id}/certifications/{certificationId}/copy',
      summary: "Download a certificate's copy / 認証の証明書の写し",
      description: `The certificate's copy (登録証・認証書の写し) as uploaded, for whoever may read the certification — a ward's staff read the company's own file through it. The bytes are hashed again on the way out (a mismatch is never served). 404 when there is no copy or the certification may not be read. ${WHO}`,
      request: { params: CertParams },
      responses: {
        200: {
          description: 'The bytes as uploaded; the ETag is their SHA-256',
          content: {
            'application/pdf': { schema: z.string().openapi({ type: 'string', format: 'binary' }) },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id, certificationId } = c.req.valid('param');
      const { attachment, bytes } = await readCertificateCopy(useCaseContext(c), id, certificationId);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': attachment.contentType,
        'content-length': String(bytes.length),
        'content-disposition': contentDisposition(attachment.filename),
        'x-content-type-options': 'nosniff',
        etag: `"${attachment.sha256}"`,
        'cache-control': 'private, no-store',
      });
    },
  );

  return app;
}
