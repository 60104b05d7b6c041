import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { defineAbilityFor } from '../../../policies/app-ability.js';
import { authenticate } from '../../domain/auth/authenticate.js';
import { constantTimeEqual } from '../../domain/auth/random-token.js';
import { refreshSession } from '../../domain/auth/refresh-session.js';
import type { UseCaseContext } from '../../domain/shared/context.js';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../domain/shared/errors.js';
import type { AppEnv } from '../app-env.js';
import { ACCESS_COOKIE, REFRESH_COOKIE, setSessionCookies } from '../cookies.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const NOT_SIGNED_IN = new UnauthenticatedError({
  en: 'Sign in first, or send a valid Bearer token',
  ja: 'ログインしてください（または有効なBearerトークンを送信してください）',
});

/**
 * Requires a signed-in user, by Bearer token (API clients) or by cookie (pages). A cookie whose
 * access token has expired is renewed with the refresh cookie. Cookie-authenticated writes must
 * carry the session's CSRF token (header X-CSRF-Token or form field _csrf).
 */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const deps = c.get('deps');
  const header = c.req.header('authorization');
  let via: 'bearer' | 'cookie' = 'bearer';
  let token: string | undefined;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw NOT_SIGNED_IN;
    token = match[1];
  } else {
    via = 'cookie';
    token = getCookie(c, ACCESS_COOKIE);
  }

  let authenticated = token ? await authenticate(deps, token) : null;
  if (!authenticated && via === 'cookie') {
    const refresh = getCookie(c, REFRESH_COOKIE);
    if (refresh) {
      const renewed = await refreshSession(deps, refresh, c.get('requestId')).catch(() => null);
      if (renewed) {
        setSessionCookies(c, renewed);
        authenticated = await authenticate(deps, renewed.accessToken);
      }
    }
  }
  if (!authenticated) throw NOT_SIGNED_IN;

  if (via === 'cookie' && !SAFE_METHODS.has(c.req.method)) {
    const sent = c.req.header('x-csrf-token') ?? (await formCsrfField(c));
    if (!sent || !constantTimeEqual(sent, authenticated.csrfToken)) {
      throw new ForbiddenError({
        en: 'The CSRF token is missing or wrong; reload the page and try again',
        ja: 'CSRFトークンがないか正しくありません。ページを再読み込みしてからやり直してください',
      });
    }
  }

  c.set('auth', { ...authenticated, ability: defineAbilityFor(authenticated.actor), via });
  await next();
});

async function formCsrfField(c: Context<AppEnv>): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data'))
    return undefined;
  const body = await c.req.parseBody();
  const value = body._csrf;
  return typeof value === 'string' ? value : undefined;
}

/** The use-case context of the signed-in caller. */
export function useCaseContext(c: Context<AppEnv>): UseCaseContext {
  const deps = c.get('deps');
  const auth = c.get('auth');
  return {
    db: deps.db,
    actor: auth.actor,
    ability: auth.ability,
    requestId: c.get('requestId'),
    now: deps.now,
    deliverWebhooksSoon: deps.webhooks?.deliverSoon,
  };
}

/** The version a write is based on: If-Match: "<n>" or the body's version field. */
export function expectedVersion(c: Context<AppEnv>, bodyVersion: number | undefined): number {
  const ifMatch = c.req.header('if-match')?.replace(/^W\//, '').replace(/"/g, '').trim();
  const fromHeader = ifMatch && /^\d+$/.test(ifMatch) ? Number(ifMatch) : undefined;
  const version = fromHeader ?? bodyVersion;
  if (version === undefined) {
    throw new ValidationError({ en: 'The version is required', ja: '版（version）の指定が必要です' }, [
      {
        path: 'body.version',
        message: 'send the version you read, in the body or as If-Match',
        message_ja: '取得した版を本文のversionまたはIf-Matchヘッダーで送信してください',
      },
    ]);
  }
  return version;
}
