import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../app-env.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The path as logged: a one-time link's token (/l/<token>) is a credential and never reaches the log. */
export function loggedPath(path: string): string {
  return path.replace(/^\/l\/[^/]*/, '/l/[token]');
}

/** Gives every request its id (the caller's X-Request-Id when sane), a logger and the deps. */
export function requestContext(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    const logger = deps.logger.child({ requestId });
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('logger', logger);
    const started = performance.now();
    await next();
    // On the response's own headers: c.header() after next() would, under @hono/node-server,
    // rebuild the response and drop the headers other middleware set on it.
    c.res.headers.set('x-request-id', requestId);
    logger.info(
      {
        method: c.req.method,
        path: loggedPath(c.req.path),
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
}
