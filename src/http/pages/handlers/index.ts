import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { readAttachmentContent } from '../../../domain/attachments/get-attachment.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { attachmentBodyLimit, contentDisposition } from '../../routes/attachments.routes.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { handlerDetailPage, recordPledgeAction, recordTrainingAction } from './detail.page.js';
import { createHandlerAction, handlerListCsv, handlerListPage } from './list.page.js';

/** 取扱者 and their pledges, and the download of a stored copy (添付ファイル). */
export function handlerPages() {
  const app = new Hono<AppEnv>();
  const id = `/handlers/:id${UUID_PARAM}`;
  app.get('/handlers', signedIn, handlerListPage);
  app.get('/handlers/export.csv', signedIn, handlerListCsv);
  app.post('/handlers', signedIn, createHandlerAction);
  app.get(id, signedIn, handlerDetailPage);
  // The limit comes first: a huge body is refused (413) before sign-in reads it for the CSRF field.
  app.post(`${id}/pledges`, attachmentBodyLimit, signedIn, recordPledgeAction);
  app.post(`${id}/trainings`, signedIn, recordTrainingAction);
  app.get(`/attachments/:id${UUID_PARAM}`, signedIn, async (c) => {
    const { attachment, bytes } = await readAttachmentContent(useCaseContext(c), c.req.param('id')!);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': attachment.contentType,
      'content-disposition': contentDisposition(attachment.filename),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
  });
  return app;
}

/** Every other page post: at most 1 MiB, as for the API. */
export const formBodyLimit = bodyLimit({
  maxSize: 1024 * 1024,
  onError: () => {
    throw new HTTPException(413, { message: 'The form is too large' });
  },
});
