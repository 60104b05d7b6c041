import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from './app-env.js';

export const ACCESS_COOKIE = 'pg_access';
export const REFRESH_COOKIE = 'pg_refresh';
/** Readable by scripts on our pages (double-submit CSRF token); useless to another origin. */
export const CSRF_COOKIE = 'pg_csrf';

interface CookieSession {
  accessToken: string;
  refreshToken: string;
  csrfToken: string;
  sessionExpiresAt: Date;
}

export function setSessionCookies(c: Context<AppEnv>, session: CookieSession): void {
  const secure = c.get('deps').secureCookies;
  const expires = session.sessionExpiresAt;
  const base = { path: '/', secure, sameSite: 'Lax' as const, expires };
  setCookie(c, ACCESS_COOKIE, session.accessToken, { ...base, httpOnly: true });
  setCookie(c, REFRESH_COOKIE, session.refreshToken, { ...base, httpOnly: true, path: '/' });
  setCookie(c, CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(c: Context<AppEnv>): void {
  for (const name of [ACCESS_COOKIE, REFRESH_COOKIE, CSRF_COOKIE]) deleteCookie(c, name, { path: '/' });
}
