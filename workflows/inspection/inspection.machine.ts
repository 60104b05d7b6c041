import { and, assign, setup } from 'xstate';
import { type SignOffContext, type SignOffRole, signOffGuards } from '../shared/sign-off.js';

// An on-site inspection (実地検査) of one organisation in a contract's chain:
// planned → in progress → submitted for sign-off → signed off (決裁済), or planned → cancelled.
// Submitted, the ward's sign-off chain (担当者 → 係長 → 課長, per ward) signs step by step; a step may
// send it back (差戻し) to the inspector. Whether the record is complete (every item answered,
// no finding open) is gathered by the use case and passed in the event as `blockers`: an event
// with blockers is refused. Deadlines (improvement due dates) are columns, never timers here.
//
// An inspection made by a company (the contractor inspecting its sub-contractor, 001 別紙7 第7条5)
// has no ward sign-off: the contractor's responsible person completes it (COMPLETE: in progress →
// signed off, on the same completeness rule), and it is never submitted to the ward's chain.
// `byCompany` comes from the record's inspecting party, a column fixed at planning, so snapshots
// stored before it existed (all the ward's own) read the same: the machine version stays 1.

export type { SignOffRole };

export type InspectionState = 'planned' | 'in_progress' | 'submitted' | 'signed_off' | 'cancelled';

export interface Blocker {
  code: 'unanswered_item' | 'open_finding';
  /** The item (and finding) concerned. */
  itemKey: string;
  findingId?: string;
}

/** The sign-off chain is fixed when the record is submitted; `byCompany`: a company inspects. */
export type InspectionContext = SignOffContext & { byCompany?: boolean };

/** What may be done with the record without changing its state. */
export type InspectionUseEvent =
  /** 予定の変更: the date only while planned (it decides the fiscal year); place and assistants until submitted. */
  | { type: 'EDIT_PLAN'; changesDate: boolean }
  /** 確認結果の記録 */
  | { type: 'RECORD_ITEM' }
  /** 指摘事項の改善報告・再確認・持越し */
  | { type: 'FOLLOW_UP' };

export type InspectionEvent =
  | InspectionUseEvent
  | { type: 'START' }
  | { type: 'CANCEL' }
  | { type: 'SUBMIT'; blockers: Blocker[] }
  /** 完了: a company's inspection, closed by its own responsible person. */
  | { type: 'COMPLETE'; blockers: Blocker[] }
  | { type: 'APPROVE'; role: SignOffRole; blockers: Blocker[] }
  | { type: 'SEND_BACK'; role: SignOffRole };

export const INSPECTION_MACHINE_VERSION = 1;

type Args = { context: InspectionContext; event: InspectionEvent };

export const inspectionMachine = setup({
  types: {
    context: {} as InspectionContext,
    events: {} as InspectionEvent,
    input: {} as { chain: SignOffRole[]; byCompany?: boolean },
  },
  guards: {
    /** Nothing unanswered and no finding left open (closed, or carried with a reason). */
    complete: ({ event }: Args) => !('blockers' in event) || event.blockers.length === 0,
    byCompany: ({ context }: Args) => context.byCompany === true,
    byWard: ({ context }: Args) => context.byCompany !== true,
    keepsDate: ({ event }: Args) => event.type !== 'EDIT_PLAN' || !event.changesDate,
    isCurrentStep: signOffGuards.isCurrentStep,
    isLastStep: signOffGuards.isLastStep,
  },
  actions: {
    nextStep: assign({ step: ({ context }) => context.step + 1 }),
    restartChain: assign({ step: 0 }),
  },
}).createMachine({
  id: 'inspection',
  initial: 'planned',
  context: ({ input }) => ({ chain: input.chain, step: 0, byCompany: input.byCompany ?? false }),
  states: {
    /** 予定: the visit is planned; the plan may still change. */
    planned: { on: { START: 'in_progress', CANCEL: 'cancelled', EDIT_PLAN: 'planned' } },
    /** 実施中: items are answered one by one; findings are followed up. */
    in_progress: {
      on: {
        SUBMIT: { target: 'submitted', guard: and(['byWard', 'complete']), actions: 'restartChain' },
        COMPLETE: { target: 'signed_off', guard: and(['byCompany', 'complete']) },
        EDIT_PLAN: { target: 'in_progress', guard: 'keepsDate' },
        RECORD_ITEM: 'in_progress',
        FOLLOW_UP: 'in_progress',
      },
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
    /** 決裁済 (a company's: 完了): the record is closed. */
    signed_off: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
