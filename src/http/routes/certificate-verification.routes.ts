import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { verifyCertificateCode, verifyCertificateJws } from '../../domain/erasure/verify-certificate.js';
import { ValidationError } from '../../domain/shared/errors.js';
import type { AppEnv } from '../app-env.js';
import { certificateVerificationPage } from '../handover/certificate-verification-page.js';
import { jsonBody, jsonResponse, text } from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';

// PUBLIC: anyone holding an erasure certificate (消去証明書) may check it, signed in or not. It
// answers valid / tampered / unknown and, for a valid one, what it certifies; it never lists or
// searches certificates, so nothing is learnt without holding one.

const Result = z
  .object({
    result: z.enum(['valid', 'tampered', 'unknown']),
    certificate: z
      .object({
        certificateNumber: z.string(),
        issuedAt: z.string().openapi({
          description: 'When it was issued (発行日時), ISO 8601 in Japan time',
          example: '2026-12-07T11:19:05+09:00',
        }),
        ward: z.string(),
        certifiedBy: z.string(),
        contractTitle: z.string(),
        erasedAt: z.string().openapi({
          description: 'When the data was erased (消去日時), ISO 8601 in Japan time',
          example: '2026-12-07T10:00:00+09:00',
        }),
        sha256: z.string(),
      })
      .optional(),
  })
  .openapi('CertificateVerification');

const Body = z
  .object({
    jws: text(200_000).optional().openapi({ description: 'The signed certificate (compact JWS)' }),
    certificateNumber: text(50).optional().openapi({ example: '2026-0001' }),
    sha256: text(100).optional().openapi({ description: '検証コード printed on the certificate' }),
  })
  .openapi({ description: 'Either jws, or certificateNumber with sha256' });

export function certificateVerificationRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      tags: ['erasure'],
      method: 'get',
      path: '/',
      summary: 'Verification page / 消去証明書の検証ページ',
      description:
        "The older self-contained checking page (検証ページ), kept for existing links. People are sent to the public page `/verify` (Japanese and English, Japan time), which the certificate's QR code opens with its number and code filled in. Public: no sign-in.",
      responses: {
        200: { description: 'A self-contained HTML page', content: { 'text/html': { schema: z.string() } } },
      },
    }),
    async (c) => {
      const page = await certificateVerificationPage();
      return c.html(page.html, 200, { 'content-security-policy': page.csp, 'cache-control': 'no-cache' });
    },
  );

  app.openapi(
    createRoute({
      tags: ['erasure'],
      method: 'post',
      path: '/',
      summary: 'Check a certificate: valid, tampered or unknown / 消去証明書の検証',
      description:
        'Public (no sign-in). Send either the signed certificate (compact JWS) or the certificate number with its verification code (SHA-256 printed on the paper). Answers `valid`, `tampered` (one of our keys or certificates, but the content or signature does not match) or `unknown`; a valid one comes with what it certifies, its instants (`issuedAt`, `erasedAt`) in ISO 8601 with the Japan offset `+09:00`. Neither a JWS nor a number with its code is a 422. Nothing is listed or searched.',
      request: { body: jsonBody(Body) },
      responses: {
        200: jsonResponse(Result, 'The result'),
        422: { description: 'Neither a JWS nor a number with its code / 入力内容の誤り' },
      },
    }),
    async (c) => {
      const { jws, certificateNumber, sha256 } = c.req.valid('json');
      const db = c.get('deps').db;
      if (jws?.trim()) return c.json(await verifyCertificateJws(db, c.get('deps').tokens, jws), 200);
      if (certificateNumber?.trim() && sha256?.trim())
        return c.json(await verifyCertificateCode(db, certificateNumber, sha256), 200);
      throw new ValidationError(
        {
          en: 'Send the signed certificate, or its number with the verification code',
          ja: '署名（JWS）、又は証明書番号と検証コードを入力してください',
        },
        [
          {
            path: 'jws',
            message: 'required unless certificateNumber and sha256 are given',
            message_ja: '証明書番号と検証コードがない場合は必須です',
          },
        ],
      );
    },
  );

  app.openapi(
    createRoute({
      tags: ['erasure'],
      method: 'get',
      path: '/keys',
      summary: 'Public keys that sign certificates (JWKS) / 検証用の公開鍵',
      description:
        "The public keys (JWKS) with which the server signs certificates of erasure (検証用の公開鍵), so that a holder can check a certificate's JWS signature independently. Public, no sign-in needed.",
      responses: {
        200: jsonResponse(z.object({ keys: z.array(z.record(z.string(), z.unknown())) }), 'JWKS'),
      },
    }),
    (c) => c.json({ keys: c.get('deps').tokens.publicJwks() as Record<string, unknown>[] }, 200),
  );

  return app;
}
