import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { priorApprovalDetailPage, priorApprovalStepAction } from './detail.page.js';
import { applyPriorApprovalAction, newPriorApprovalPage } from './new.page.js';
import { priorApprovalSettingsAction } from './settings.action.js';

/** 事前承認: applying on a contract, one application with its sign-off and steps, the contract's settings. */
export function priorApprovalPages() {
  const app = new Hono<AppEnv>();
  const contract = `/contracts/:id${UUID_PARAM}`;
  const id = `/prior-approvals/:id${UUID_PARAM}`;
  app.get(`${contract}/prior-approvals/new`, signedIn, newPriorApprovalPage);
  app.post(`${contract}/prior-approvals/new`, signedIn, applyPriorApprovalAction);
  app.post(`${contract}/prior-approval-settings`, signedIn, priorApprovalSettingsAction);
  app.get(id, signedIn, priorApprovalDetailPage);
  app.post(
    `${id}/:command{approve|send-back|reject|resubmit|withdraw|complete}`,
    signedIn,
    priorApprovalStepAction,
  );
  return app;
}
