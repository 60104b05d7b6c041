import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';

// Pages carry their own CSS and JS (served from /assets): nothing inline, nothing from elsewhere,
// so the policy can forbid every other source.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Sends a rendered page: HTML5 doctype, no caching of personal data, and the page's CSP. The page
 * may hold async components (the header's inbox count): its text is awaited before sending.
 */
export async function sendPage(c: Context<AppEnv>, node: unknown, status = 200) {
  c.header('content-security-policy', CSP);
  c.header('cache-control', 'no-store');
  const html = await (node as { toString(): string | Promise<string> }).toString();
  return c.html(`<!DOCTYPE html>${html}`, status as 200);
}

/** Where a redirect may go back to: a path on this site only (never //host or /\host). */
export function safeLocalPath(value: string | undefined | null, fallback = '/'): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}

/** Redirect after a successful POST (303, so a reload does not post again), with a notice key. */
export function redirectWithNotice(c: Context<AppEnv>, path: string, notice?: string) {
  const url = notice ? `${path}${path.includes('?') ? '&' : '?'}notice=${encodeURIComponent(notice)}` : path;
  return c.redirect(url, 303);
}
