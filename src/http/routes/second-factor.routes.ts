import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { completeSignIn, enrolmentForChallenge } from '../../domain/auth/second-factor/complete-sign-in.js';
import {
  confirmEnrolment,
  disableSecondFactor,
  readSecondFactor,
  regenerateRecoveryCodes,
  startEnrolment,
} from '../../domain/auth/second-factor/manage-second-factor.js';
import type { AppEnv } from '../app-env.js';
import { setSessionCookies } from '../cookies.js';
import { requireAuth, useCaseContext } from '../middleware/authenticate.js';
import { qrCodeSvg } from '../qr-code.js';
import {
  bearerSecurity,
  errorResponses,
  jsonBody,
  jsonResponse,
  requiredText,
  text,
} from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';
import { SignedIn, signedInBody } from './auth.routes.js';

// The second factor (TOTP, RFC 6238): the sign-in step after the password, enrolment at sign-in
// when the ward requires it, and the signed-in user's own factor (enrol, recovery codes, off).

const Code = requiredText(40).openapi({
  description: 'the six-digit code of the authenticator app, or (where allowed) a recovery code',
});
const ChallengeBody = z.object({ challengeToken: requiredText(300) });

const Enrolment = z
  .object({
    secret: z.string().openapi({ description: 'base32, for typing into the app by hand' }),
    otpauthUri: z.string(),
    qrCodeSvg: z.string().openapi({ description: 'the otpauth URI as a QR code (SVG markup)' }),
  })
  .openapi('SecondFactorEnrolment');
const RecoveryCodes = z
  .object({ recoveryCodes: z.array(z.string()).openapi({ description: 'shown this once; each works once' }) })
  .openapi('RecoveryCodes');
const State = z
  .object({ enabled: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number().int() })
  .openapi('SecondFactorState');

const tags = ['auth'];
const signedIn = { tags, security: bearerSecurity };

async function enrolmentBody(e: { secret: string; otpauthUri: string }) {
  return { secret: e.secret, otpauthUri: e.otpauthUri, qrCodeSvg: await qrCodeSvg(e.otpauthUri) };
}

export function secondFactorRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/second-factor', requireAuth);
  app.use('/second-factor/*', requireAuth);
  const own = (c: Parameters<typeof useCaseContext>[0]) => {
    const deps = c.get('deps');
    return { ...useCaseContext(c), services: deps, ip: deps.clientIp?.(c) ?? null };
  };

  app.openapi(
    createRoute({
      tags,
      method: 'post',
      path: '/sign-in/second-factor',
      summary: 'Complete a sign-in with a code / 確認コードによるログイン',
      description:
        'The second step of a sign-in (確認コードによるログイン): the challenge token of the password step and a six-digit code of the authenticator app, or once each a recovery code. For an enrolment challenge the code also confirms the new second factor and the answer carries the recovery codes, shown this once. A wrong code is 401 and counts like a wrong password (429 when throttled); a challenge takes at most five codes and expires after a few minutes (then 401: sign in again).',
      request: { body: jsonBody(ChallengeBody.extend({ code: Code })) },
      responses: {
        200: jsonResponse(
          SignedIn.extend({ recoveryCodes: z.array(z.string()).optional() }),
          'Signed in; after an enrolment, with the recovery codes (shown this once)',
        ),
        401: errorResponses[401],
        422: errorResponses[422],
        429: { description: 'Too many wrong codes / 試行回数の超過' },
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const { challengeToken, code } = c.req.valid('json');
      const { session, recoveryCodes } = await completeSignIn(deps, {
        challengeToken,
        code,
        ip: deps.clientIp?.(c) ?? null,
        userAgent: c.req.header('user-agent') ?? null,
        requestId: c.get('requestId'),
      });
      setSessionCookies(c, session);
      return c.json({ ...signedInBody(deps, session), ...(recoveryCodes && { recoveryCodes }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      tags,
      method: 'post',
      path: '/sign-in/enrolment',
      summary: 'The secret to enrol when the ward requires a second factor / 二要素認証の登録（ログイン時）',
      description:
        'When the password step answered `enrolment-required` (the ward requires a second factor of its staff, 二要素認証の登録), gives the secret to enter into an authenticator app, its otpauth URI and a QR code; send the app’s first code to /auth/sign-in/second-factor to finish. 401 when the challenge is not an enrolment challenge, has expired or was used up.',
      request: { body: jsonBody(ChallengeBody) },
      responses: {
        200: jsonResponse(
          Enrolment,
          'Scan the QR code, then send its first code to /auth/sign-in/second-factor',
        ),
        401: errorResponses[401],
        422: errorResponses[422],
      },
    }),
    async (c) =>
      c.json(
        await enrolmentBody(await enrolmentForChallenge(c.get('deps'), c.req.valid('json').challengeToken)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...signedIn,
      method: 'get',
      path: '/second-factor',
      summary: 'Your second factor / 二要素認証の状態',
      description:
        'Whether the signed-in user has a second factor (二要素認証の状態), whether their ward requires one (then it cannot be turned off) and how many recovery codes are left. 401 when not signed in.',
      responses: { 200: jsonResponse(State, 'Whether it is on and required'), ...errorResponses },
    }),
    async (c) => c.json(await readSecondFactor(useCaseContext(c)), 200),
  );

  app.openapi(
    createRoute({
      ...signedIn,
      method: 'post',
      path: '/second-factor/enrolment',
      summary: 'Start setting up a second factor / 二要素認証の設定開始',
      description:
        'Starts setting up a second factor (二要素認証の設定開始), or shows the pending one again: the secret, its otpauth URI and a QR code for the authenticator app. Nothing is on until the first code is confirmed at /second-factor/enrolment/confirm. 409 when a second factor is set up already (turn it off first to change apps).',
      responses: { 200: jsonResponse(Enrolment, 'The secret and its QR code'), ...errorResponses },
    }),
    async (c) => c.json(await enrolmentBody(await startEnrolment(useCaseContext(c))), 200),
  );

  const withCode = jsonBody(z.object({ code: Code }));
  app.openapi(
    createRoute({
      ...signedIn,
      method: 'post',
      path: '/second-factor/enrolment/confirm',
      summary: 'Confirm the second factor with its first code / 二要素認証の設定完了',
      description:
        'Confirms the second factor being set up with its first code from the authenticator app (二要素認証の設定完了); from then on every sign-in asks for a code. Answers the recovery codes, shown this once, each usable once. A wrong code is 422 (throttled like a password, 429); 409 when one is set up already, 422 when no set-up was started.',
      request: { body: withCode },
      responses: { 200: jsonResponse(RecoveryCodes, 'On; the recovery codes'), ...errorResponses },
    }),
    async (c) => c.json({ recoveryCodes: await confirmEnrolment(own(c), c.req.valid('json').code) }, 200),
  );

  app.openapi(
    createRoute({
      ...signedIn,
      method: 'post',
      path: '/second-factor/recovery-codes',
      summary: 'New recovery codes / リカバリーコードの再発行',
      description:
        'Issues new recovery codes (リカバリーコードの再発行), given a current code of the authenticator app; the old recovery codes stop working. The new codes are shown this once. A wrong code, or no second factor set up, is 422 (throttled like a password, 429).',
      request: { body: withCode },
      responses: {
        200: jsonResponse(RecoveryCodes, 'The new codes; the old ones no longer work'),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json({ recoveryCodes: await regenerateRecoveryCodes(own(c), c.req.valid('json').code) }, 200),
  );

  app.openapi(
    createRoute({
      ...signedIn,
      method: 'post',
      path: '/second-factor/disable',
      summary: 'Turn the second factor off / 二要素認証の無効化',
      description:
        'Turns the second factor off (二要素認証の無効化), given a current code or a recovery code. Refused 409 where the user’s ward requires a second factor of its staff; a wrong code, or none set up, is 422 (throttled like a password, 429). Audited.',
      request: { body: jsonBody(z.object({ code: text(40).min(1) })) },
      responses: { 204: { description: 'Off' }, ...errorResponses },
    }),
    async (c) => {
      await disableSecondFactor(own(c), c.req.valid('json').code);
      return c.body(null, 204);
    },
  );

  return app;
}
