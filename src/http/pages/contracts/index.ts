import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { applyDelegationAction, decideListAction, transitionAction } from './actions.js';
import { contractDetailPage } from './detail.page.js';
import {
  createContractAction,
  editContractPage,
  newContractPage,
  updateContractAction,
} from './edit.page.js';
import { handlerListPage, submitHandlerListAction } from './handler-list.page.js';
import { contractListCsv, contractListPage } from './list.page.js';
import { acceptProvisionsAction, chooseProvisionsAction, provisionsPage } from './provisions.page.js';
import { editRegisterPage, saveRegisterAction } from './register-edit.page.js';
import { registerHistoryPage } from './register-history.page.js';
import { renewAction, renewalPage } from './renewal.page.js';
import { subcontractAction, subcontractPage } from './subcontract.page.js';
import { terminateAction } from './termination.js';

/** 委託契約: list, registration, the contract page with its register, handler lists and applications. */
export function contractPages() {
  const app = new Hono<AppEnv>();
  const id = `/contracts/:id${UUID_PARAM}`;
  app.get('/contracts', signedIn, contractListPage);
  app.get('/contracts/export.csv', signedIn, contractListCsv);
  app.post('/contracts', signedIn, createContractAction);
  app.get('/contracts/new', signedIn, newContractPage);
  app.get(id, signedIn, (c) => contractDetailPage(c));
  app.get(`${id}/edit`, signedIn, editContractPage);
  app.post(`${id}/edit`, signedIn, updateContractAction);
  app.post(`${id}/transition`, signedIn, transitionAction);
  app.post(`${id}/terminate`, signedIn, terminateAction);
  app.post(`${id}/delegation-approval`, signedIn, applyDelegationAction);
  app.get(`${id}/register/edit`, signedIn, editRegisterPage);
  app.post(`${id}/register/edit`, signedIn, saveRegisterAction);
  app.get(`${id}/register/revisions`, signedIn, registerHistoryPage);
  app.get(`${id}/handler-list/new`, signedIn, handlerListPage);
  app.post(`${id}/handler-list/new`, signedIn, submitHandlerListAction);
  app.post(`${id}/handler-lists/:sid${UUID_PARAM}/acknowledge`, signedIn, decideListAction('acknowledge'));
  app.post(`${id}/handler-lists/:sid${UUID_PARAM}/return`, signedIn, decideListAction('return'));
  app.get(`${id}/provisions`, signedIn, provisionsPage);
  app.post(`${id}/provisions/accept`, signedIn, acceptProvisionsAction);
  app.post(`${id}/provisions/choose`, signedIn, chooseProvisionsAction);
  app.get(`${id}/renew`, signedIn, renewalPage);
  app.post(`${id}/renew`, signedIn, renewAction);
  app.get(`${id}/subcontract/new`, signedIn, subcontractPage);
  app.post(`${id}/subcontract/new`, signedIn, subcontractAction);
  return app;
}
