import {
  type Blocker,
  CONTRACT_LIFECYCLE_VERSION,
  type ContractUseEvent,
  contractLifecycleMachine,
} from '../../../workflows/contract-lifecycle/contract-lifecycle.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import { ConflictError, type Message, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import type { Command, Workflow } from '../shared/workflow.js';
import { type Contract, findContract } from './contract.repository.js';
import { closeChainWith, endChainWith, resumeBlockers, resumeChainWith } from './contract-chain.js';
import { activationGates, closingGates, collectBlockers } from './contract-gates.js';

// 委託契約の進行 on the shared step runner.

export type ContractCommand = 'activate' | 'begin-ending' | 'resume' | 'close';
export type { Blocker };

export const contractWorkflow: Workflow<Contract> = {
  machine: contractLifecycleMachine,
  version: CONTRACT_LIFECYCLE_VERSION,
  subject: 'Contract',
  name: { en: 'Contract', ja: '契約' },
  table: 'contracts',
  auditPrefix: 'contract',
  load: findContract,
  upgrades: {
    // version 2 added the approved state of a sub-contract; version 1 snapshots read the same
    1: (snapshot) => snapshot,
  },
  stateNames: {
    draft: { en: 'a draft', ja: '起案中' },
    approved: { en: 'approved, not started', ja: '承認済（未着手）' },
    active: { en: 'active', ja: '履行中' },
    ending: { en: 'ending', ja: '終了手続中' },
    closed: { en: 'closed', ja: '完了' },
  },
};

type ContractStep = Command<Contract, void, Blocker[]>;

/** The refusal of a step something stands in the way of: it lists what is missing. */
function missingRefusal(verb: string, event: string): ContractStep['refusal'] {
  return ({ reason, facts, record }) =>
    reason === 'guard' && facts?.length
      ? new ConflictError(
          {
            en: `The contract cannot ${verb} yet: ${facts.map((b) => b.en).join('; ')}`,
            ja: `まだ手続きを進められません：${facts.map((b) => b.ja).join('、')}`,
          },
          { state: record.status, event, missing: facts },
        )
      : undefined;
}

/** A step that passes the gates first (履行開始, 完了): the refusal lists what is missing. */
// `gates` is read when the step runs: the gates' modules import this one's neighbours.
function gated(
  name: 'activate' | 'close',
  label: Message,
  gates: () => typeof activationGates,
): ContractStep {
  return {
    name,
    label,
    can: { action: 'update' },
    facts: ({ tx, record }) => collectBlockers(tx, record, gates()),
    event: ({ facts }) => ({ type: name === 'activate' ? 'ACTIVATE' : 'CLOSE', blockers: facts ?? [] }),
    refusal: missingRefusal(name, name === 'activate' ? 'ACTIVATE' : 'CLOSE'),
    apply: ({ now }) => (name === 'activate' ? { started_at: now } : {}),
  };
}

export const contractCommands: Record<ContractCommand, ContractStep> = {
  activate: gated('activate', { en: 'start', ja: '履行開始' }, () => activationGates),
  'begin-ending': {
    name: 'begin-ending',
    label: { en: 'begin ending', ja: '終了手続の開始' },
    can: { action: 'update' },
    event: () => ({ type: 'BEGIN_ENDING' }),
    // 再委託は委託とともに終了する: the sub-contracts follow, each in its own state; nothing is revoked
    after: (step) => endChainWith(step, step.record.wardId, step.record.id),
  },
  resume: {
    name: 'resume',
    label: { en: 'resume', ja: '履行の再開' },
    can: { action: 'update' },
    facts: ({ tx, record }) => resumeBlockers(tx, record),
    // a sub-contract resumed on its own returns to where it was (it may not have started)
    event: ({ record, facts }) => ({
      type: 'RESUME',
      blockers: facts ?? [],
      to: record.followedParentFrom ?? (record.parentContractId && !record.startedAt ? 'approved' : 'active'),
    }),
    refusal: missingRefusal('resume', 'RESUME'),
    apply: () => ({ followed_parent_from: null }),
    after: (step) => resumeChainWith(step, step.record.wardId, step.record.id),
  },
  close: {
    ...gated('close', { en: 'close', ja: '完了' }, () => closingGates),
    after: (step) => closeChainWith(step, step.record.wardId, step.record.id),
  },
};

/** 契約解除: the grounds the 課長 records. */
export interface TerminationInput {
  /** 解除の理由 (the breach). */
  reason: string;
  /** The provision breached: 「特記事項第14条」. */
  article: string;
  /** 解除日 (YYYY-MM-DD). */
  terminatedOn: string;
}

/**
 * 契約解除 (termination for breach): the 課長 records its grounds — reason, article, date, no later
 * than today in Japan — and the contract begins its end, its sub-contracts following it; a
 * terminated contract does not resume (resumeBlockers).
 */
export const terminateCommand: Command<Contract, TerminationInput, undefined> = {
  name: 'terminate',
  label: { en: 'terminate for breach', ja: '契約解除' },
  can: { action: 'sign' },
  event: () => ({ type: 'BEGIN_ENDING' }),
  apply: ({ input, ctx, now }) => {
    if (input.terminatedOn > toJapanDate(now)) {
      throw new ValidationError(
        { en: 'A termination is recorded once it has taken effect', ja: '解除日が将来の日付です' },
        [
          {
            path: 'terminatedOn',
            message: 'The termination date may not lie in the future',
            message_ja: '解除日に将来の日付は指定できません',
          },
        ],
      );
    }
    return {
      termination: JSON.stringify({
        reason: input.reason.trim(),
        article: input.article.trim(),
        terminatedOn: input.terminatedOn,
        recordedBy: ctx.actor.userId,
        recordedAt: now.toISOString(),
      }),
    };
  },
  // the sub-contracts end with it, as with any ending; their approvals are not revoked by it
  after: (step) => endChainWith(step, step.record.wardId, step.record.id),
  audit: ({ input }) => ({
    after: { reason: input.reason.trim(), article: input.article.trim(), terminatedOn: input.terminatedOn },
  }),
};

/** Steps that follow from an approval's decision, taken by the system in the same transaction. */
export const contractFollowSteps = {
  /**
   * An approved sub-delegation opens the sub-contract to its sub-contractor, who may then submit
   * its handler list; the sub-contract starts later, through the same activation (and gates) as any.
   */
  openApprovedSubcontract: {
    name: 'open-subcontract',
    label: { en: 'open the approved sub-contract', ja: '承認された再委託の開設' },
    can: { action: 'update' },
    event: () => ({ type: 'SUBDELEGATION_APPROVED' }),
    apply: () => ({ contractor_access: true }),
  } satisfies ContractStep,
  /** A revoked approval ends its contract: its data is to be returned or erased. */
  endOnRevocation: {
    name: 'end-on-revocation',
    label: { en: 'end on revocation', ja: '承認取消しによる終了' },
    can: { action: 'update' },
    event: () => ({ type: 'BEGIN_ENDING' }),
  } satisfies ContractStep,
};

const USE_REFUSALS: Record<ContractUseEvent['type'], Message> = {
  EDIT: { en: 'This contract cannot be changed now', ja: 'この契約は現在変更できません' },
  CHANGE_REGISTER: {
    en: 'The register of a closed contract cannot change',
    ja: '完了した契約の情報項目は変更できません',
  },
  SUBMIT_HANDLER_LIST: { en: 'The contract is closed', ja: '契約は完了しています' },
  APPLY_DELEGATION: { en: 'The contract is closed', ja: '契約は完了しています' },
  APPLY_SUBDELEGATION: { en: 'The contract is ending', ja: '契約は終了手続中または完了しています' },
  APPLY_PRIOR_APPROVAL: {
    en: 'Prior approvals are applied for only while the work runs or ends',
    ja: '事前承認の申請・届出は、履行中または終了手続中の契約でのみできます',
  },
  HAND_OVER_DATA: {
    en: 'Data is handed over only under an active contract',
    ja: '履行中の契約でなければ受渡しできません',
  },
  RECORD_ERASURE: {
    en: 'A contract in this state holds no data to erase',
    ja: 'この状態の契約には消去の記録をつけられません',
  },
  RENEW: {
    en: 'Only an active or ending contract is renewed',
    ja: '履行中または終了手続中の契約のみ更新できます',
  },
};

/**
 * Refuses with 409 what the contract's state does not allow (editing a closed contract, handing
 * data over before it started…): the lifecycle machine answers, not a status test here.
 */
export function checkContractAllows(
  contract: Pick<Contract, 'status'>,
  event: ContractUseEvent,
  refusal?: Message,
): void {
  if (decide(contractLifecycleMachine, contract.status, event).allowed) return;
  const message =
    event.type === 'EDIT' && event.changesPersonalInfo && contract.status !== 'closed'
      ? {
          en: 'Whether the contract handles personal information cannot change after it has started',
          ja: '個人情報の取扱いの有無は、契約の開始後は変更できません',
        }
      : (refusal ?? USE_REFUSALS[event.type]);
  throw new ConflictError(message, { state: contract.status, event: event.type });
}
