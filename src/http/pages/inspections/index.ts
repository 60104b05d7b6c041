import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { inspectionRecordPdf } from '../../pdf-documents.js';
import { attachmentBodyLimit } from '../../routes/attachments.routes.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { commandAction, inspectionPage, showInspection } from './detail.page.js';
import { findingAction } from './findings.js';
import { itemPage, recheckAction, saveItemAction } from './item.page.js';
import { newInspectionPage, planInspectionAction } from './new.page.js';
import { inspectionListCsv, planPage } from './plan.page.js';
import { planAction } from './plan-form.js';
import { createTemplateVersionAction, newTemplateVersionPage } from './template-version.page.js';
import { templatePage, templatesPage } from './templates.page.js';

const ITEM_KEY = '{[a-z0-9-]{1,40}}';

/** The path of an item's form, which may carry a photo (its own 10 MiB limit, as for attachments). */
export const ITEM_UPLOAD = /^\/inspections\/[^/]+\/items\/[^/]+$/;

/** 実地検査: the year's plan, planning, the record with its checklist item by item, findings and sign-off. */
export function inspectionPages() {
  const app = new Hono<AppEnv>();
  const id = `/inspections/:id${UUID_PARAM}`;
  app.get('/inspections', signedIn, planPage);
  app.get('/inspections/export.csv', signedIn, inspectionListCsv);
  app.get('/inspections/new', signedIn, newInspectionPage);
  app.get('/inspections/templates', signedIn, templatesPage);
  app.get('/inspections/templates/:key{[a-z0-9-]{1,60}}', signedIn, templatePage);
  app.get('/inspections/templates/:key{[a-z0-9-]{1,60}}/versions/new', signedIn, newTemplateVersionPage);
  app.post('/inspections/templates/:key{[a-z0-9-]{1,60}}/versions', signedIn, createTemplateVersionAction);
  app.post('/inspections', signedIn, planInspectionAction);
  app.get(id, signedIn, inspectionPage);
  app.post(`${id}/plan`, signedIn, planAction(showInspection));
  for (const command of ['start', 'cancel', 'submit', 'approve', 'send-back', 'complete'] as const) {
    app.post(`${id}/${command}`, signedIn, commandAction(command));
  }
  app.get(`${id}/items/:key${ITEM_KEY}`, signedIn, itemPage);
  // The limit comes first: a huge body is refused (413) before sign-in reads it for the CSRF field.
  app.post(`${id}/items/:key${ITEM_KEY}`, attachmentBodyLimit, signedIn, saveItemAction);
  app.post(`${id}/items/:key${ITEM_KEY}/recheck`, signedIn, recheckAction);
  app.post(
    `${id}/findings/:fid${UUID_PARAM}/improvement-report`,
    signedIn,
    findingAction('improvement-report', showInspection),
  );
  app.post(`${id}/findings/:fid${UUID_PARAM}/carry`, signedIn, findingAction('carry', showInspection));
  app.get(`${id}/pdf`, signedIn, (c) => inspectionRecordPdf(c, c.req.param('id')!));
  return app;
}
