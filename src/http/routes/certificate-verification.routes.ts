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
        issuedAt: z.string(),
        ward: z.string(),
        certifiedBy: z.string(),
        contractTitle: z.string(),
        erasedAt: z.string(),
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
        'A public page (消去証明書の検証ページ) on which anyone holding a certificate of erasure checks it — by pasting its signed form (JWS) or typing the certificate number and verification code printed on the paper. No sign-in is needed; the page only calls the verification operation.',
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
        "Checks a certificate of erasure (消去証明書の検証), signed in or not: send its signed form (`jws`), or the certificate number with the verification code (`sha256`) printed on it. Valid when the server's key signed it as a certificate and it is the one registered — the answer then says what it certifies; tampered when it names one of the server's keys or certificates but its content or signature no longer match; unknown otherwise (not ours, or not a certificate). Neither a JWS nor a number with its code is 422.",
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
