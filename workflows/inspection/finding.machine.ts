import { setup } from 'xstate';

// A finding (指摘事項): an item answered × (否). The ward and the contractor agree an improvement
// deadline (kept as the finding's due_on column); the contractor reports its improvement
// (改善報告); the inspector re-checks (再確認) and either closes it or, not yet improved, reopens it
// with a new deadline. An open finding may be carried (持越し) with a reason so that the record
// can be signed off; a finding whose item is corrected before anything was reported is withdrawn.

export type FindingState = 'open' | 'reported' | 'closed' | 'carried' | 'withdrawn';

export type FindingEvent =
  | { type: 'REPORT_IMPROVEMENT' }
  | { type: 'RECHECK'; improved: boolean }
  | { type: 'CARRY' }
  | { type: 'WITHDRAW' }
  /** The item's answer (and with it the finding's observation and deadline) may still change:
   * only before anything was reported. */
  | { type: 'AMEND' };

/** States that block sign-off. */
export const OPEN_FINDING_STATES: readonly FindingState[] = ['open', 'reported'];

export const findingMachine = setup({
  types: { events: {} as FindingEvent },
  guards: {
    improved: ({ event }) => event.type === 'RECHECK' && event.improved,
  },
}).createMachine({
  id: 'finding',
  initial: 'open',
  states: {
    /** 改善待ち: waiting for the contractor's improvement report. */
    open: { on: { REPORT_IMPROVEMENT: 'reported', CARRY: 'carried', WITHDRAW: 'withdrawn', AMEND: 'open' } },
    /** 改善報告済: waiting for the inspector's re-check. */
    reported: {
      on: {
        RECHECK: [{ guard: 'improved', target: 'closed' }, { target: 'open' }],
        CARRY: 'carried',
      },
    },
    /** 改善確認済 */
    closed: { type: 'final' },
    /** 持越し: left open on purpose, with a reason, when the record is signed off. */
    carried: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
