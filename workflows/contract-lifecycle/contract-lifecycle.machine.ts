import { setup } from 'xstate';

// The life of a contract (委託契約): draft → active → ending → closed; a sub-contract passes
// through approved (承認済・未着手) between the ward's approval and its start, which needs the same
// gates as any contract's. The machine only decides
// which event is allowed in which state; the facts its guards need (is the register there, are
// the handler lists acknowledged, is everything erased) are gathered by the use case and passed
// in the event as `blockers`: an event with blockers is refused.
//
// It also answers what may happen under the contract in each state (editing it, its register and
// handler lists, sub-contracting, handing data over, recording erasures, renewing): those events
// leave the state as it is, so other workflows ask this machine instead of testing the status.

export type ContractStatus = 'draft' | 'approved' | 'active' | 'ending' | 'closed';

export interface Blocker {
  code: string;
  en: string;
  ja: string;
  /** The article of the contract's 特記事項 that imposes what is missing (第○条), where one does. */
  article?: string;
}

/** What may be done under the contract without changing its state. */
export type ContractUseEvent =
  /** 契約内容の変更; whether personal information is handled is fixed once it has started. */
  | { type: 'EDIT'; changesPersonalInfo: boolean }
  /** 情報項目の変更 */
  | { type: 'CHANGE_REGISTER' }
  /** 取扱者名簿の提出 */
  | { type: 'SUBMIT_HANDLER_LIST' }
  /** 委託の承認申請 */
  | { type: 'APPLY_DELEGATION' }
  /** 再委託の承認申請 */
  | { type: 'APPLY_SUBDELEGATION' }
  /** 受渡データの作成 (handing data over to the contractor) */
  | { type: 'HAND_OVER_DATA' }
  /** 消去の記録 */
  | { type: 'RECORD_ERASURE' }
  /** 事前承認の申請・届出 (copying, other use, taking out, disposal): while the work runs or ends */
  | { type: 'APPLY_PRIOR_APPROVAL' }
  /** 契約の更新 */
  | { type: 'RENEW' };

export type ContractEvent =
  | { type: 'ACTIVATE'; blockers: Blocker[] }
  /** 再委託の承認: the sub-contract may start once its own gates are passed. */
  | { type: 'SUBDELEGATION_APPROVED' }
  | { type: 'BEGIN_ENDING' }
  /**
   * 履行の再開: back to the state the contract had before ending (a sub-contract that followed its
   * parent may not have started yet); refused while something stands in the way.
   */
  | { type: 'RESUME'; blockers: Blocker[]; to?: 'approved' | 'active' }
  | { type: 'CLOSE'; blockers: Blocker[] }
  | ContractUseEvent;

/** 2: the approved state of a sub-contract that has not started; RESUME may return to it. */
export const CONTRACT_LIFECYCLE_VERSION = 2;

const noBlockers = ({ event }: { event: ContractEvent }) =>
  !('blockers' in event) || event.blockers.length === 0;

/** Self-transitions: allowed here, the state stays. */
const stays = <S extends ContractStatus>(state: S, ...types: ContractUseEvent['type'][]) =>
  Object.fromEntries(types.map((type) => [type, { target: state }]));

export const contractLifecycleMachine = setup({
  types: { events: {} as ContractEvent },
  guards: {
    requirementsMet: noBlockers,
    resumesUnstarted: ({ event }: { event: ContractEvent }) =>
      event.type === 'RESUME' && event.to === 'approved' && event.blockers.length === 0,
    keepsPersonalInfo: ({ event }: { event: ContractEvent }) =>
      event.type !== 'EDIT' || !event.changesPersonalInfo,
  },
}).createMachine({
  id: 'contract-lifecycle',
  initial: 'draft',
  states: {
    /** 起案中: being registered; the register and handler lists are prepared. */
    draft: {
      on: {
        ACTIVATE: { target: 'active', guard: 'requirementsMet' },
        SUBDELEGATION_APPROVED: 'approved',
        EDIT: { target: 'draft' },
        ...stays(
          'draft',
          'CHANGE_REGISTER',
          'SUBMIT_HANDLER_LIST',
          'APPLY_DELEGATION',
          'APPLY_SUBDELEGATION',
        ),
      },
    },
    /** 承認済・未着手: an approved sub-contract waiting for its handler list and its start. */
    approved: {
      on: {
        ACTIVATE: { target: 'active', guard: 'requirementsMet' },
        BEGIN_ENDING: 'ending',
        EDIT: { target: 'approved', guard: 'keepsPersonalInfo' },
        ...stays(
          'approved',
          'CHANGE_REGISTER',
          'SUBMIT_HANDLER_LIST',
          'APPLY_SUBDELEGATION',
          'RECORD_ERASURE',
        ),
      },
    },
    /** 履行中 */
    active: {
      on: {
        BEGIN_ENDING: 'ending',
        EDIT: { target: 'active', guard: 'keepsPersonalInfo' },
        ...stays(
          'active',
          'CHANGE_REGISTER',
          'SUBMIT_HANDLER_LIST',
          'APPLY_DELEGATION',
          'APPLY_SUBDELEGATION',
          'HAND_OVER_DATA',
          'RECORD_ERASURE',
          'APPLY_PRIOR_APPROVAL',
          'RENEW',
        ),
      },
    },
    /** 終了手続中: data is returned or erased; the ward may resume the work. */
    ending: {
      on: {
        RESUME: [
          { target: 'approved', guard: 'resumesUnstarted' },
          { target: 'active', guard: 'requirementsMet' },
        ],
        CLOSE: { target: 'closed', guard: 'requirementsMet' },
        EDIT: { target: 'ending', guard: 'keepsPersonalInfo' },
        ...stays(
          'ending',
          'CHANGE_REGISTER',
          'SUBMIT_HANDLER_LIST',
          'APPLY_DELEGATION',
          'RECORD_ERASURE',
          'APPLY_PRIOR_APPROVAL',
          'RENEW',
        ),
      },
    },
    /** 完了: nothing changes any more. */
    closed: { type: 'final' },
  },
});
