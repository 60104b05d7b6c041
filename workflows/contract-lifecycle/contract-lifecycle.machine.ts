import { setup } from 'xstate';

// The life of a contract (委託契約): draft → active → ending → closed. The machine only decides
// which event is allowed in which state; the facts its guards need (is the register there, are
// the handler lists acknowledged, is everything erased) are gathered by the use case and passed
// in the event as `blockers`: an event with blockers is refused.
//
// It also answers what may happen under the contract in each state (editing it, its register and
// handler lists, sub-contracting, handing data over, recording erasures, renewing): those events
// leave the state as it is, so other workflows ask this machine instead of testing the status.

export type ContractStatus = 'draft' | 'active' | 'ending' | 'closed';

export interface Blocker {
  code: string;
  en: string;
  ja: string;
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
  | { type: 'BEGIN_ENDING' }
  | { type: 'RESUME' }
  | { type: 'CLOSE'; blockers: Blocker[] }
  | ContractUseEvent;

export const CONTRACT_LIFECYCLE_VERSION = 1;

const noBlockers = ({ event }: { event: ContractEvent }) =>
  !('blockers' in event) || event.blockers.length === 0;

/** Self-transitions: allowed here, the state stays. */
const stays = <S extends ContractStatus>(state: S, ...types: ContractUseEvent['type'][]) =>
  Object.fromEntries(types.map((type) => [type, { target: state }]));

export const contractLifecycleMachine = setup({
  types: { events: {} as ContractEvent },
  guards: {
    requirementsMet: noBlockers,
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
        RESUME: 'active',
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
