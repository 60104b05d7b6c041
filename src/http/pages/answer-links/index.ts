import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { attachmentBodyLimit } from '../../routes/attachments.routes.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { linkPage, linkSubmit } from './link.page.js';
import { linkGonePage } from './link-gone.js';
import { createLinkAction, revokeLinkAction } from './ward-actions.js';

/**
 * 回答用リンク. The public pages a company's contact without an account opens (/l/{token}) read no
 * session; everything else under /l/ answers the same plain 404 as an unusable link, so that no
 * path echoes a token back. The ward's signer makes and revokes links from the report's page.
 */
export function answerLinkPages() {
  const app = new Hono<AppEnv>();
  app.get('/l/:token', linkPage);
  // a pledge's copy rides along: the attachments' limit, not the forms'
  app.post('/l/:token', attachmentBodyLimit, linkSubmit);
  app.all('/l/*', (c) => linkGonePage(c));
  app.post(`/compliance-reports/:id${UUID_PARAM}/answer-links`, signedIn, createLinkAction);
  app.post(`/answer-links/:id${UUID_PARAM}/revoke`, signedIn, revokeLinkAction);
  return app;
}

/** A link's form may carry a pledge's copy: the attachments' limit, not the forms'. */
export const LINK_UPLOAD = /^\/l\/[^/]+$/;
