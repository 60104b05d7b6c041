import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { endpointAction, registerEndpointAction, webhooksPage } from './webhooks.page.js';

/** Webhook の送信先 (settings): a ward's 係長・課長, a company's managers. */
export function webhookPages() {
  const app = new Hono<AppEnv>();
  app.get('/settings/webhooks', signedIn, webhooksPage);
  app.post('/settings/webhooks', signedIn, registerEndpointAction);
  app.post(
    `/settings/webhooks/:id${UUID_PARAM}/:action{ping|rotate-secret|disable}`,
    signedIn,
    endpointAction,
  );
  return app;
}
