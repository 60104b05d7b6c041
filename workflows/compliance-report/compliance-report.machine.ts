import { assign, setup } from 'xstate';
import { type SignOffContext, type SignOffRole, signOffGuards } from '../shared/sign-off.js';

// 遵守状況報告 (別紙5): issued → draft → submitted → received (受付日) → signed off (課長・係長・担当者),
// or returned for correction (差戻し) and submitted again. Overdue is not a state: it is a due date
// in the past while the report is still with the contractor.

export type ReportState = 'issued' | 'draft' | 'submitted' | 'returned' | 'received' | 'signed_off';

export type ReportContext = SignOffContext;

export type ReportEvent =
  | { type: 'SAVE_DRAFT' }
  /** `complete`: the answers satisfy what every answer calls for (forms/compliance-report). */
  | { type: 'SUBMIT'; complete: boolean }
  | { type: 'RECEIVE'; role: SignOffRole }
  | { type: 'SIGN'; role: SignOffRole }
  | { type: 'RETURN'; role: SignOffRole };

export const complianceReportMachine = setup({
  types: { context: {} as ReportContext, events: {} as ReportEvent, input: {} as { chain: SignOffRole[] } },
  // 受付 is done by the first of the chain (the officer in charge).
  guards: {
    ...signOffGuards,
    complete: ({ event }: { event: ReportEvent }) => event.type === 'SUBMIT' && event.complete,
  },
  actions: { nextStep: assign({ step: ({ context }) => context.step + 1 }), restart: assign({ step: 0 }) },
}).createMachine({
  id: 'compliance-report',
  initial: 'issued',
  context: ({ input }) => ({ chain: input.chain, step: 0 }),
  states: {
    issued: { on: { SAVE_DRAFT: 'draft', SUBMIT: { guard: 'complete', target: 'submitted' } } },
    draft: { on: { SAVE_DRAFT: 'draft', SUBMIT: { guard: 'complete', target: 'submitted' } } },
    returned: { on: { SAVE_DRAFT: 'draft', SUBMIT: { guard: 'complete', target: 'submitted' } } },
    submitted: {
      on: {
        RECEIVE: { guard: 'isFirstStep', target: 'received', actions: 'restart' },
        RETURN: { guard: 'isFirstStep', target: 'returned' },
      },
    },
    received: {
      on: {
        SIGN: [
          { guard: 'isLastStep', target: 'signed_off' },
          { guard: 'isCurrentStep', actions: 'nextStep' },
        ],
        RETURN: { guard: 'isCurrentStep', target: 'returned', actions: 'restart' },
      },
    },
    signed_off: { type: 'final' },
  },
});

/** Whose move it is: the contractor's while issued, in draft or returned. */
export const WITH_CONTRACTOR: readonly ReportState[] = ['issued', 'draft', 'returned'];
