import { and, assign, setup } from 'xstate';

// An on-site inspection (実地検査) of one organisation in a contract's chain:
// planned → in progress → submitted for sign-off → signed off (決裁済), or planned → cancelled.
// Submitted, the ward's sign-off chain (担当者 → 係長 → 課長, per ward) signs step by step; a step may
// send it back (差戻し) to the inspector. Whether the record is complete (every item answered,
// no finding open) is gathered by the use case and passed in the event as `blockers`: an event
// with blockers is refused. Deadlines (improvement due dates) are columns, never timers here.

export type SignOffRole = 'ward_officer' | 'ward_chief' | 'ward_manager';

export type InspectionState = 'planned' | 'in_progress' | 'submitted' | 'signed_off' | 'cancelled';

export interface Blocker {
  code: 'unanswered_item' | 'open_finding';
  /** The item (and finding) concerned. */
  itemKey: string;
  findingId?: string;
}

export interface InspectionContext {
  /** The sign-off chain in order, fixed when the record is submitted. */
  chain: SignOffRole[];
  /** Index of the step whose signature is awaited. */
  step: number;
}

export type InspectionEvent =
  | { type: 'START' }
  | { type: 'CANCEL' }
  | { type: 'SUBMIT'; blockers: Blocker[] }
  | { type: 'APPROVE'; role: SignOffRole; blockers: Blocker[] }
  | { type: 'SEND_BACK'; role: SignOffRole };

export const INSPECTION_MACHINE_VERSION = 1;

type Args = { context: InspectionContext; event: InspectionEvent };
const roleOf = (event: InspectionEvent) => ('role' in event ? event.role : undefined);

export const inspectionMachine = setup({
  types: {
    context: {} as InspectionContext,
    events: {} as InspectionEvent,
    input: {} as { chain: SignOffRole[] },
  },
  guards: {
    /** Nothing unanswered and no finding left open (closed, or carried with a reason). */
    complete: ({ event }: Args) => !('blockers' in event) || event.blockers.length === 0,
    /** Only the holder of the awaited step may act on it. */
    isCurrentStep: ({ context, event }: Args) => roleOf(event) === context.chain[context.step],
    isLastStep: ({ context }: Args) => context.step === context.chain.length - 1,
  },
  actions: {
    nextStep: assign({ step: ({ context }) => context.step + 1 }),
    restartChain: assign({ step: 0 }),
  },
}).createMachine({
  id: 'inspection',
  initial: 'planned',
  context: ({ input }) => ({ chain: input.chain, step: 0 }),
  states: {
    /** 予定: the visit is planned; the plan may still change. */
    planned: { on: { START: 'in_progress', CANCEL: 'cancelled' } },
    /** 実施中: items are answered one by one; findings are followed up. */
    in_progress: {
      on: { SUBMIT: { target: 'submitted', guard: 'complete', actions: 'restartChain' } },
    },
    /** 決裁中 */
    submitted: {
      on: {
        APPROVE: [
          { guard: and(['isCurrentStep', 'isLastStep', 'complete']), target: 'signed_off' },
          { guard: and(['isCurrentStep', 'complete']), actions: 'nextStep' },
        ],
        SEND_BACK: { guard: 'isCurrentStep', target: 'in_progress', actions: 'restartChain' },
      },
    },
    /** 決裁済: the record is closed. */
    signed_off: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
