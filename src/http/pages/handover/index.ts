import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../app-env.js';
import { PACKAGE_BODY_LIMIT } from '../../routes/handover.routes.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { certificatePdf, certifyAction, erasurePage } from './erasure.page.js';
import { erasureListCsv, erasureListPage } from './erasure-list.page.js';
import { newErasurePage, recordErasureAction } from './erasure-new.page.js';
import { handoverListCsv, handoverListPage } from './list.page.js';
import { packagePage } from './package.page.js';
import { packageFileDownload, prepareAction, preparePage } from './prepare.page.js';
import {
  backAction,
  decideAction,
  handoverAction,
  returnAction,
  startAction,
  storeAction,
  takeOutAction,
  verifyAction,
  withdrawAction,
} from './step-actions.js';

/** The posts that carry files: a package's files, the returned package file, erasure evidence. */
export const HANDOVER_UPLOADS = [
  /^\/handover\/new$/,
  /^\/handover\/[^/]+\/verify-return$/,
  /^\/handover\/erasures\/new$/,
];

// The same limit as the API's package upload; it runs before sign-in reads the body for the CSRF
// field, so a huge body is refused (413) unread.
const uploadLimit = bodyLimit({
  maxSize: PACKAGE_BODY_LIMIT,
  onError: () => {
    throw new HTTPException(413, { message: 'The upload exceeds the limit of a handover package' });
  },
});

/** 受渡データ (packages and their chain of custody), 消去の記録 and 消去証明書. */
export function handoverPages() {
  const app = new Hono<AppEnv>();
  const id = `/handover/:id${UUID_PARAM}`;
  const erasure = `/handover/erasures/:id${UUID_PARAM}`;
  app.get('/handover', signedIn, handoverListPage);
  app.get('/handover/export.csv', signedIn, handoverListCsv);
  app.get('/handover/new', signedIn, preparePage);
  app.post('/handover/new', uploadLimit, signedIn, prepareAction);
  app.get('/handover/erasures', signedIn, erasureListPage);
  app.get('/handover/erasures/export.csv', signedIn, erasureListCsv);
  app.get('/handover/erasures/new', signedIn, newErasurePage);
  app.post('/handover/erasures/new', uploadLimit, signedIn, recordErasureAction);
  app.get(erasure, signedIn, (c) => erasurePage(c));
  app.post(`${erasure}/certificate`, signedIn, certifyAction);
  app.get(`${erasure}/certificate.pdf`, signedIn, certificatePdf);
  app.get(id, signedIn, (c) => packagePage(c));
  app.get(`${id}/package.jwe`, signedIn, packageFileDownload);
  app.post(`${id}/media-handover`, signedIn, handoverAction('media'));
  app.post(`${id}/password-handover`, signedIn, handoverAction('password'));
  app.post(`${id}/storage`, signedIn, storeAction);
  app.post(`${id}/take-outs`, signedIn, takeOutAction);
  app.post(`${id}/take-outs/:tid${UUID_PARAM}/approve`, signedIn, decideAction('approve'));
  app.post(`${id}/take-outs/:tid${UUID_PARAM}/refuse`, signedIn, decideAction('refuse'));
  app.post(`${id}/take-outs/:tid${UUID_PARAM}/start`, signedIn, startAction);
  app.post(`${id}/take-outs/:tid${UUID_PARAM}/bring-back`, signedIn, backAction);
  app.post(`${id}/return`, signedIn, returnAction);
  app.post(`${id}/verify-return`, uploadLimit, signedIn, verifyAction);
  app.post(`${id}/withdraw`, signedIn, withdrawAction);
  return app;
}
