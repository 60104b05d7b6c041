import { setup } from 'xstate';

// The life of a contract (委託契約): draft → active → ending → closed. The machine only decides
// which event is allowed in which state; the facts its guards need (is the register there, are
// the handler lists acknowledged, is everything erased) are gathered by the use case and passed
// in the event as `blockers`: an event with blockers is refused.

export type ContractStatus = 'draft' | 'active' | 'ending' | 'closed';

export interface Blocker {
  code: string;
  en: string;
  ja: string;
}

export type ContractEvent =
  | { type: 'ACTIVATE'; blockers: Blocker[] }
  | { type: 'BEGIN_ENDING' }
  | { type: 'RESUME' }
  | { type: 'CLOSE'; blockers: Blocker[] };

export const CONTRACT_LIFECYCLE_VERSION = 1;

const noBlockers = ({ event }: { event: ContractEvent }) =>
  !('blockers' in event) || event.blockers.length === 0;

export const contractLifecycleMachine = setup({
  types: { events: {} as ContractEvent },
  guards: { requirementsMet: noBlockers },
}).createMachine({
  id: 'contract-lifecycle',
  initial: 'draft',
  states: {
    /** 起案中: being registered; the register and handler lists are prepared. */
    draft: { on: { ACTIVATE: { target: 'active', guard: 'requirementsMet' } } },
    /** 履行中 */
    active: { on: { BEGIN_ENDING: 'ending' } },
    /** 終了手続中: data is returned or erased; the ward may resume the work. */
    ending: {
      on: {
        RESUME: 'active',
        CLOSE: { target: 'closed', guard: 'requirementsMet' },
      },
    },
    /** 完了 */
    closed: { type: 'final' },
  },
});
