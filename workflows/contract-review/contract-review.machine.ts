import { setup } from 'xstate';

// 見直し (contract review): when a contract has a review cycle (見直し周期, every N months), one
// review of it is due at a time. The ward's officer, 係長 or 課長 completes it with a note on what
// changed since the previous one (the domain counts the changes and issues the next review in the
// same transaction); changing the cycle to none cancels the review still due.
//
// due → completed
//   ↘ cancelled
//
// Overdue is not a state: a due day in the past while the review is still due.

export type ContractReviewState = 'due' | 'completed' | 'cancelled';

export type ContractReviewEvent =
  /** `noted`: the reviewer wrote what they found (a review without a note says nothing). */
  { type: 'COMPLETE'; noted: boolean } | { type: 'CANCEL' };

export const CONTRACT_REVIEW_MACHINE_VERSION = 1;

export const contractReviewMachine = setup({
  types: { events: {} as ContractReviewEvent },
  guards: {
    noted: ({ event }: { event: ContractReviewEvent }) => event.type === 'COMPLETE' && event.noted,
  },
}).createMachine({
  id: 'contract-review',
  initial: 'due',
  states: {
    /** 見直し待ち */
    due: { on: { COMPLETE: { guard: 'noted', target: 'completed' }, CANCEL: 'cancelled' } },
    /** 見直し済み */
    completed: { type: 'final' },
    /** 取消し: the cycle was removed before the review was made. */
    cancelled: { type: 'final' },
  },
});
