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

/**
 * Between the password and the second factor: the sign-in challenge, for the ログイン pages only,
 * never sent cross-site, gone after ten minutes (as the challenge itself).
 */
export const CHALLENGE_COOKIE = 'pg_challenge';
const CHALLENGE_PATH = '/login';

export function setChallengeCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, CHALLENGE_COOKIE, token, {
    path: CHALLENGE_PATH,
    secure: c.get('deps').secureCookies,
    httpOnly: true,
    sameSite: 'Strict',
    maxAge: 10 * 60,
  });
}

export function clearChallengeCookie(c: Context<AppEnv>): void {
  deleteCookie(c, CHALLENGE_COOKIE, { path: CHALLENGE_PATH });
}

export function clearSessionCookies(c: Context<AppEnv>): void {
  for (const name of [ACCESS_COOKIE, REFRESH_COOKIE, CSRF_COOKIE]) deleteCookie(c, name, { path: '/' });
}
