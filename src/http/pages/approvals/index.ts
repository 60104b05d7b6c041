import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { approvalNoticePdf, subdelegationApplicationPdf } from '../../pdf-documents.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { APPROVAL_COMMANDS, approvalAction } from './actions.js';
import { approvalDetailPage } from './detail.page.js';
import { approvalListCsv, approvalListPage } from './list.page.js';

/** 承認申請: the queue, every application, and one application with its sign-off steps. */
export function approvalPages() {
  const app = new Hono<AppEnv>();
  const id = `/approvals/:id${UUID_PARAM}`;
  app.get('/approvals', signedIn, approvalListPage);
  app.get('/approvals/export.csv', signedIn, approvalListCsv);
  app.get(id, signedIn, (c) => approvalDetailPage(c));
  // the papers, saved as files (the API shows them inline)
  app.get(`${id}/application.pdf`, signedIn, (c) =>
    subdelegationApplicationPdf(c, c.req.param('id')!, 'attachment'),
  );
  app.get(`${id}/notice.pdf`, signedIn, (c) => approvalNoticePdf(c, c.req.param('id')!, 'attachment'));
  for (const command of APPROVAL_COMMANDS) app.post(`${id}/${command}`, signedIn, approvalAction(command));
  return app;
}
