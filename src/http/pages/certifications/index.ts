import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { attachmentBodyLimit } from '../../routes/attachments.routes.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import {
  certificateCopy,
  certificationsPage,
  createCertificationAction,
  editCertificationPage,
  ownCertificationsPage,
  updateCertificationAction,
  withdrawCertificationAction,
} from './certifications.page.js';

/** The forms that may carry a certificate's copy (their own 10 MiB limit, as for attachments). */
export const CERTIFICATION_UPLOAD = /^\/companies\/[^/]+\/certifications(\/[^/]+)?$/;

/** 認証 of a company (プライバシーマーク, ISMS, ISMAP): the list, recording, changing, withdrawing. */
export function certificationPages() {
  const app = new Hono<AppEnv>();
  const company = `/companies/:id${UUID_PARAM}/certifications`;
  const one = `${company}/:certificationId${UUID_PARAM}`;
  app.get('/certifications', signedIn, ownCertificationsPage);
  app.get(company, signedIn, certificationsPage);
  // The limit comes first: a huge body is refused (413) before sign-in reads it for the CSRF field.
  app.post(company, attachmentBodyLimit, signedIn, createCertificationAction);
  app.get(`${one}/edit`, signedIn, editCertificationPage);
  app.post(one, attachmentBodyLimit, signedIn, updateCertificationAction);
  app.post(`${one}/withdraw`, signedIn, withdrawCertificationAction);
  app.get(`${one}/copy`, signedIn, certificateCopy);
  return app;
}
