import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';

// The security headers of every answer, page or API. Set on the finished response's own headers
// (never through c.header() after next(): under @hono/node-server that rebuilds the response from
// its original init and drops what other middleware added), and only where a route has not set
// its own (the pages and the API reference carry their own Content-Security-Policy).

/** JSON, problem+json, files: nothing to run, nothing to embed, never framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // Browsers ignore it over plain HTTP; behind HTTPS it keeps them there (two years).
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-permitted-cross-domain-policies': 'none',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Adds the security headers to whatever the app answers, errors included. */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  setMissingHeaders(c.res, SECURITY_HEADERS);
  // Not on PDFs shown inline: a browser's PDF viewer runs inside the document that policy would
  // govern. X-Frame-Options still keeps them from being framed.
  if (!c.res.headers.get('content-type')?.startsWith('application/pdf')) {
    setMissingHeaders(c.res, { 'content-security-policy': API_CSP });
  }
});

/** Sets the headers a response does not have yet, in place. */
export function setMissingHeaders(res: Response, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!res.headers.has(name)) res.headers.set(name, value);
  }
}
