import { asSubjectOnce } from '../../../policies/app-ability.js';
import type { ContractUseEvent } from '../../../workflows/contract-lifecycle/contract-lifecycle.machine.js';
import { accepts } from '../../../workflows/shared/decide.js';
import { allowedActions, type Viewer } from '../shared/allowed-actions.js';
import type { Contract } from './contract.repository.js';
import {
  type ContractCommand,
  contractCommands,
  contractWorkflow,
  terminateCommand,
} from './contract.workflow.js';
import { MAX_RENEWALS } from './renew-contract.js';

/** What may be done with a contract: its lifecycle steps and the work done under it. */
export type ContractAction =
  | ContractCommand
  | 'terminate'
  | 'edit'
  | 'edit-register'
  | 'submit-handler-list'
  | 'apply-delegation'
  | 'apply-subdelegation'
  | 'renew';

/** Each use of a contract: the permission it needs and the question asked of the lifecycle machine. */
const USES: Array<{
  action: Exclude<ContractAction, ContractCommand | 'terminate'>;
  allowed: (viewer: Viewer, contract: Contract) => boolean;
  event: ContractUseEvent;
}> = [
  {
    action: 'edit',
    allowed: (v, c) => may(v, 'update', 'Contract', c),
    event: { type: 'EDIT', changesPersonalInfo: false },
  },
  {
    action: 'edit-register',
    allowed: (v, c) => may(v, 'update', 'Contract', c),
    event: { type: 'CHANGE_REGISTER' },
  },
  {
    action: 'submit-handler-list',
    // 受託者 (the contract's own contractor) submits its list
    allowed: (v, c) =>
      c.contractorOrgId === v.actor.organisationId &&
      may(v, 'create', 'HandlerList', {
        organisationId: c.contractorOrgId,
        wardId: c.wardId,
        chainOrgIds: c.chainOrgIds,
      }),
    event: { type: 'SUBMIT_HANDLER_LIST' },
  },
  {
    action: 'apply-delegation',
    // 所管課: a contract handling personal information is approved as a whole; a sub-contract through its sub-delegation
    allowed: (v, c) =>
      !c.parentContractId &&
      c.handlesPersonalInfo &&
      may(v, 'create', 'Approval', { wardId: c.wardId, kind: 'delegation' }),
    event: { type: 'APPLY_DELEGATION' },
  },
  {
    action: 'apply-subdelegation',
    allowed: (v, c) =>
      c.contractorOrgId === v.actor.organisationId &&
      may(v, 'create', 'Approval', { applicantOrgId: v.actor.organisationId, kind: 'subdelegation' }),
    event: { type: 'APPLY_SUBDELEGATION' },
  },
  {
    action: 'renew',
    // 契約の更新 (renew-contract.ts): the ward's privacy officer, a contract of its own (a
    // sub-contract follows its parent), at most MAX_RENEWALS times; "only once" is the use case's 409
    allowed: (v, c) =>
      !c.parentContractId &&
      c.renewalCount < MAX_RENEWALS &&
      may(v, 'update', 'Contract', c) &&
      may(v, 'create', 'Contract', { wardId: c.wardId }),
    event: { type: 'RENEW' },
  },
];

function may(
  viewer: Viewer,
  action: 'update' | 'create',
  type: 'Contract' | 'HandlerList' | 'Approval',
  record: object,
) {
  return viewer.ability.can(action, asSubjectOnce(type, record));
}

/**
 * What this person may do with the contract now: the lifecycle steps the machine accepts (a gate
 * may still say what is missing when one is taken), and the work under the contract its state
 * allows and their permissions grant. The pages' buttons and the API's allowedActions.
 */
export function contractActions(viewer: Viewer, contract: Contract): ContractAction[] {
  const steps = allowedActions(
    viewer,
    contractWorkflow,
    [...Object.values(contractCommands), terminateCommand],
    contract,
  ) as ContractAction[];
  const uses = USES.filter(
    (use) => use.allowed(viewer, contract) && accepts(contractWorkflow.machine, contract.status, use.event),
  ).map((use) => use.action);
  return [...steps, ...uses];
}
