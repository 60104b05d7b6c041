import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';

/** The web application's pages (filled in by the web application feature). */
export function pageRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => c.redirect('/api/docs'));
  return app;
}
