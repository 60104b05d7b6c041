import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import type { IssuedSession } from '../../domain/auth/open-session.js';
import { refreshSession } from '../../domain/auth/refresh-session.js';
import { signIn } from '../../domain/auth/sign-in.js';
import { signOut } from '../../domain/auth/sign-out.js';
import { UnauthenticatedError } from '../../domain/shared/errors.js';
import type { AppEnv } from '../app-env.js';
import { clearSessionCookies, REFRESH_COOKIE, setSessionCookies } from '../cookies.js';
import { requireAuth } from '../middleware/authenticate.js';
import {
  bearerSecurity,
  errorResponses,
  jsonBody,
  jsonResponse,
  requiredText,
  text,
  Uuid,
} from '../schemas/common.js';
import { validationHook } from '../validation-hook.js';

const Tokens = z
  .object({
    tokenType: z.literal('Bearer'),
    accessToken: z.string(),
    expiresIn: z.number().int().openapi({ description: 'seconds until the access token expires' }),
    refreshToken: z.string(),
    csrfToken: z.string().openapi({ description: 'send as X-CSRF-Token on cookie-authenticated writes' }),
  })
  .openapi('Tokens');

const SessionInfo = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      displayName: z.string(),
      organisationName: z.string(),
    }),
    organisationId: z.string(),
    organisationKind: z.enum(['ward', 'company', 'operator']),
    wardId: z.string().nullable(),
    roles: z.array(z.string()),
    csrfToken: z.string(),
  })
  .openapi('SessionInfo');

export const SignedIn = Tokens.extend({ user: SessionInfo.shape.user }).openapi('SignedIn');

const SecondFactorChallenge = z
  .object({
    secondFactor: z.enum(['required', 'enrolment-required']).openapi({
      description:
        'required: send a code to /auth/sign-in/second-factor; enrolment-required: the ward requires a second factor — get the secret from /auth/sign-in/enrolment, then send its first code',
    }),
    challengeToken: z.string(),
    expiresIn: z.number().int().openapi({ description: 'seconds the challenge stays valid' }),
  })
  .openapi('SecondFactorChallenge');

const signInRoute = createRoute({
  method: 'post',
  path: '/sign-in',
  tags: ['auth'],
  summary: 'Sign in with e-mail and password / ログイン',
  description:
    'Signs in with an e-mail address and password (ログイン). Answers the tokens (and sets the session cookies) or, where the user has a second factor or their ward requires one, a challenge to complete at /auth/sign-in/second-factor. A wrong address or password, or a disabled account, is 401 with one message for all; an address and password that open accounts in several organisations is 409 listing them (send `organisationId`). Repeated failures are slowed down per address and client (429 with Retry-After), never locked out; every attempt is audited.',
  request: {
    body: jsonBody(
      z.object({
        email: requiredText(254),
        password: text(200).min(1),
        organisationId: Uuid.optional().openapi({
          description:
            'only when the address and password open accounts in several organisations (409 lists them)',
        }),
      }),
    ),
  },
  responses: {
    200: jsonResponse(
      z.union([SignedIn, SecondFactorChallenge]),
      'Signed in (cookies are set as well), or a second factor must follow: secondFactor says which',
    ),
    401: errorResponses[401],
    409: errorResponses[409],
    422: errorResponses[422],
    429: { description: 'Too many failed sign-ins / ログイン試行回数の超過' },
  },
});

const refreshRoute = createRoute({
  method: 'post',
  path: '/refresh',
  tags: ['auth'],
  summary: 'Exchange a refresh token for new tokens / トークンの更新',
  description:
    'Exchanges a refresh token (from the body, or the refresh cookie when the body has none) for a new access token and a new refresh token (トークンの更新, rotation): the old refresh token stops working. A refresh token that was already used revokes the whole session, as it must have been copied. 401 when no token is sent, or the session has ended, expired or been revoked.',
  request: {
    body: {
      required: false,
      content: { 'application/json': { schema: z.object({ refreshToken: text(300).optional() }) } },
    },
  },
  responses: {
    200: jsonResponse(Tokens, 'New tokens; the old refresh token no longer works'),
    401: errorResponses[401],
  },
});

const signOutRoute = createRoute({
  method: 'post',
  path: '/sign-out',
  tags: ['auth'],
  summary: 'Sign out and revoke the session / ログアウト',
  description:
    'Signs out (ログアウト): the session is revoked, so its access and refresh tokens stop working at once, and the session cookies are cleared. Audited. 401 when not signed in.',
  security: bearerSecurity,
  responses: { 204: { description: 'Signed out' }, 401: errorResponses[401] },
});

const sessionRoute = createRoute({
  method: 'get',
  path: '/session',
  tags: ['auth'],
  summary: 'Who is signed in / ログイン中の利用者',
  description:
    'The signed-in user (ログイン中の利用者): their name, organisation and its kind (ward, company, operator), the ward they belong to, their roles and the CSRF token to send as X-CSRF-Token on cookie-authenticated writes. 401 when not signed in or the session has ended.',
  security: bearerSecurity,
  responses: { 200: jsonResponse(SessionInfo, 'The signed-in user'), 401: errorResponses[401] },
});

/** The answer of a completed sign-in: the tokens and who signed in. */
export function signedInBody(deps: { settings: { accessTtlSeconds: number } }, session: IssuedSession) {
  return {
    tokenType: 'Bearer' as const,
    accessToken: session.accessToken,
    expiresIn: deps.settings.accessTtlSeconds,
    refreshToken: session.refreshToken,
    csrfToken: session.csrfToken,
    user: session.user,
  };
}

export function authRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/sign-out', requireAuth);
  app.use('/session', requireAuth);

  app.openapi(signInRoute, async (c) => {
    const deps = c.get('deps');
    const { email, password, organisationId } = c.req.valid('json');
    const outcome = await signIn(deps, {
      email,
      password,
      organisationId,
      ip: deps.clientIp?.(c) ?? null,
      userAgent: c.req.header('user-agent') ?? null,
      requestId: c.get('requestId'),
    });
    if (outcome.kind === 'second-factor') {
      return c.json(
        {
          secondFactor: outcome.enrol ? ('enrolment-required' as const) : ('required' as const),
          challengeToken: outcome.challengeToken,
          expiresIn: Math.round((outcome.expiresAt.getTime() - deps.now().getTime()) / 1000),
        },
        200,
      );
    }
    setSessionCookies(c, outcome.session);
    return c.json(signedInBody(deps, outcome.session), 200);
  });

  app.openapi(refreshRoute, async (c) => {
    const deps = c.get('deps');
    const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {};
    const token = body.refreshToken ?? getCookie(c, REFRESH_COOKIE);
    if (!token) {
      throw new UnauthenticatedError({
        en: 'No refresh token was sent',
        ja: '更新用トークンが送信されていません',
      });
    }
    const session = await refreshSession(deps, token, c.get('requestId'));
    if (!body.refreshToken) setSessionCookies(c, session);
    return c.json(
      {
        tokenType: 'Bearer' as const,
        accessToken: session.accessToken,
        expiresIn: deps.settings.accessTtlSeconds,
        refreshToken: session.refreshToken,
        csrfToken: session.csrfToken,
      },
      200,
    );
  });

  app.openapi(signOutRoute, async (c) => {
    const deps = c.get('deps');
    const auth = c.get('auth');
    await signOut(
      { db: deps.db, actor: auth.actor, requestId: c.get('requestId'), now: deps.now },
      auth.sessionId,
    );
    clearSessionCookies(c);
    return c.body(null, 204);
  });

  app.openapi(sessionRoute, (c) => {
    const auth = c.get('auth');
    return c.json(
      {
        user: { id: auth.actor.userId, ...auth.user },
        organisationId: auth.actor.organisationId,
        organisationKind: auth.actor.organisationKind,
        wardId: auth.actor.wardId,
        roles: [...auth.actor.roles],
        csrfToken: auth.csrfToken,
      },
      200,
    );
  });

  return app;
}
