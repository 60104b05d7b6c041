import { assign, setup } from 'xstate';
import { type SignOffContext, type SignOffRole, signOffGuards } from '../shared/sign-off.js';

// 業務報告 (seed 004 4(4)②): the contractor's 業務日報, 業務月報, 業務年報 and 随時報告.
//
// A periodic report is requested by the scheduler (issued) and submitted by the contractor; an
// ad-hoc one is filed already submitted (事件発生後速やかに). The city receives it (受付, by the
// first of its chain): a report that needs only a receipt (業務日報) is then accepted; the others
// are signed along the chain (担当者 → 係長 → 課長). The city may return it for correction before
// the last signature; the contractor submits it again. Overdue is not a state: a due date in the
// past while the report is still with the contractor.

export type OperationalReportState =
  | 'filing'
  | 'issued'
  | 'returned'
  | 'submitted'
  | 'received'
  | 'signed_off'
  | 'accepted';

export interface OperationalReportContext extends SignOffContext {
  /** 受付 only (業務日報), without the city's 決裁. */
  receiptOnly: boolean;
}

export type OperationalReportEvent =
  /** An ad-hoc report, filed by the contractor: submitted at once. */
  | { type: 'FILE' }
  /** `complete`: what the kind of report calls for is written. */
  | { type: 'SUBMIT'; complete: boolean }
  | { type: 'RECEIVE'; role: SignOffRole }
  | { type: 'SIGN'; role: SignOffRole }
  | { type: 'RETURN'; role: SignOffRole };

export const OPERATIONAL_REPORT_MACHINE_VERSION = 1;

type Args = { context: OperationalReportContext; event: OperationalReportEvent };

export const operationalReportMachine = setup({
  types: {
    context: {} as OperationalReportContext,
    events: {} as OperationalReportEvent,
    input: {} as Omit<OperationalReportContext, 'step'>,
  },
  guards: {
    ...signOffGuards,
    complete: ({ event }: Args) => event.type === 'SUBMIT' && event.complete,
    receiptOnly: ({ context, event }: Args) =>
      context.receiptOnly && signOffGuards.isFirstStep({ context, event }),
  },
  actions: {
    nextStep: assign({ step: ({ context }) => context.step + 1 }),
    restartChain: assign({ step: 0 }),
  },
}).createMachine({
  id: 'operational-report',
  initial: 'filing',
  context: ({ input }) => ({ ...input, step: 0 }),
  states: {
    /** Not yet stored: an ad-hoc report is filed submitted. */
    filing: { on: { FILE: 'submitted' } },
    /** 未提出: requested by the scheduler. */
    issued: { on: { SUBMIT: { guard: 'complete', target: 'submitted' } } },
    /** 差戻し: the contractor corrects and submits again. */
    returned: { on: { SUBMIT: { guard: 'complete', target: 'submitted' } } },
    submitted: {
      on: {
        RECEIVE: [
          { guard: 'receiptOnly', target: 'accepted' },
          { guard: 'isFirstStep', target: 'received', actions: 'restartChain' },
        ],
        RETURN: { guard: 'isFirstStep', target: 'returned', actions: 'restartChain' },
      },
    },
    /** 受付済み, signed along the city's chain. */
    received: {
      on: {
        SIGN: [
          { guard: 'isLastStep', target: 'signed_off' },
          { guard: 'isCurrentStep', actions: 'nextStep' },
        ],
        RETURN: { guard: 'isCurrentStep', target: 'returned', actions: 'restartChain' },
      },
    },
    signed_off: { type: 'final' },
    accepted: { type: 'final' },
  },
});

/** Whose move it is: the contractor's while issued or returned. */
export const WITH_CONTRACTOR: readonly OperationalReportState[] = ['issued', 'returned'];
/** Waiting for the city: to be received, or signed. */
export const WITH_CITY: readonly OperationalReportState[] = ['submitted', 'received'];
