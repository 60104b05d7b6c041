import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { signedIn } from '../guard.js';
import {
  confirmAction,
  disableAction,
  enrolAction,
  recoveryCodesAction,
  securityPage,
} from './security.page.js';
import { wardSettingsAction, wardSettingsPage } from './ward-settings.page.js';

/** The signed-in user's own second factor, and the ward's settings (課長). */
export function accountPages() {
  const app = new Hono<AppEnv>();
  app.get('/account/security', signedIn, securityPage);
  app.post('/account/security/enrol', signedIn, enrolAction);
  app.post('/account/security/confirm', signedIn, confirmAction);
  app.post('/account/security/recovery-codes', signedIn, recoveryCodesAction);
  app.post('/account/security/disable', signedIn, disableAction);
  app.get('/settings/ward', signedIn, wardSettingsPage);
  app.post('/settings/ward', signedIn, wardSettingsAction);
  return app;
}
