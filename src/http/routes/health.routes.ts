import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';

/** Liveness says the process answers; readiness says it can reach its database. */
export function healthRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await c.get('deps').ping();
      return c.json({ status: 'ready' });
    } catch (error) {
      c.get('logger').warn({ err: error }, 'database not ready');
      return c.json({ status: 'unavailable' }, 503);
    }
  });
  return app;
}
