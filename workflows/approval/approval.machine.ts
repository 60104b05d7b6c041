import { and, assign, setup } from 'xstate';

// One approval shape for delegation (委託の承認) and sub-delegation (再委託の承認):
// draft → submitted → under review → (changes requested → submitted)* → approved / rejected;
// approved → revoked. Under review, the ward's sign-off chain (決裁: 担当者 → 係長 → 課長, per
// ward) approves step by step; a step may send back (差戻し) or reject; the decision takes effect
// only when the last step signs. The machine is pure: the use case persists `value` and `context`.

export type SignOffRole = 'ward_officer' | 'ward_chief' | 'ward_manager';

export interface ApprovalContext {
  /** The sign-off chain in order, fixed when the application is submitted. */
  chain: SignOffRole[];
  /** Index of the step whose signature is awaited. */
  step: number;
  /** 諮問: the council must answer before the approval takes effect; 報告: it is informed after. */
  councilMode: 'none' | 'report' | 'consult';
}

export type ApprovalEvent =
  | { type: 'SUBMIT' }
  | { type: 'START_REVIEW'; role: SignOffRole }
  | { type: 'APPROVE'; role: SignOffRole }
  | { type: 'SEND_BACK'; role: SignOffRole }
  | { type: 'REJECT'; role: SignOffRole }
  | { type: 'RESUBMIT' }
  | { type: 'REVOKE'; role: SignOffRole }
  /** The parent contract or approval ended: an approved sub-contract ends with it. */
  | { type: 'PARENT_ENDED' }
  /** The council's answer to a consultation (諮問に対する答申), recorded by the privacy officer. */
  | { type: 'COUNCIL_ANSWERED'; answer: 'approve' | 'reject' };

export type ApprovalState =
  | 'draft'
  | 'submitted'
  | 'under_review'
  | 'changes_requested'
  | 'awaiting_council'
  | 'approved'
  | 'rejected'
  | 'revoked';

export const APPROVAL_MACHINE_VERSION = 1;

type Args = { context: ApprovalContext; event: ApprovalEvent };
const roleOf = (event: ApprovalEvent) => ('role' in event ? event.role : undefined);

export const approvalMachine = setup({
  types: {
    context: {} as ApprovalContext,
    events: {} as ApprovalEvent,
    input: {} as { chain: SignOffRole[]; councilMode: ApprovalContext['councilMode'] },
  },
  guards: {
    /** Only the holder of the awaited step may act on it. */
    isCurrentStep: ({ context, event }: Args) => roleOf(event) === context.chain[context.step],
    isLastStep: ({ context, event }: Args) =>
      roleOf(event) === context.chain[context.step] && context.step === context.chain.length - 1,
    /** Review starts with the first step of the chain (the privacy officer). */
    isFirstStep: ({ context, event }: Args) => roleOf(event) === context.chain[0],
    /** Revocation is decided at the top of the chain (課長). */
    isTopOfChain: ({ context, event }: Args) => roleOf(event) === context.chain[context.chain.length - 1],
    mustConsultCouncil: ({ context }: Args) => context.councilMode === 'consult',
    councilApproves: ({ event }: Args) => event.type === 'COUNCIL_ANSWERED' && event.answer === 'approve',
  },
  actions: {
    nextStep: assign({ step: ({ context }) => context.step + 1 }),
    restartChain: assign({ step: 0 }),
  },
}).createMachine({
  id: 'approval',
  initial: 'draft',
  context: ({ input }) => ({ chain: input.chain, step: 0, councilMode: input.councilMode }),
  states: {
    draft: { on: { SUBMIT: 'submitted' } },
    submitted: {
      on: { START_REVIEW: { target: 'under_review', guard: 'isFirstStep', actions: 'restartChain' } },
    },
    under_review: {
      on: {
        APPROVE: [
          { guard: and(['isLastStep', 'mustConsultCouncil']), target: 'awaiting_council' },
          { guard: 'isLastStep', target: 'approved' },
          { guard: 'isCurrentStep', actions: 'nextStep' },
        ],
        SEND_BACK: { guard: 'isCurrentStep', target: 'changes_requested', actions: 'restartChain' },
        REJECT: { guard: 'isCurrentStep', target: 'rejected' },
      },
    },
    changes_requested: { on: { RESUBMIT: 'submitted' } },
    /** 諮問中: signed by the ward, waiting for the council's answer. */
    awaiting_council: {
      on: {
        COUNCIL_ANSWERED: [{ guard: 'councilApproves', target: 'approved' }, { target: 'rejected' }],
      },
    },
    approved: {
      on: {
        REVOKE: { guard: 'isTopOfChain', target: 'revoked' },
        PARENT_ENDED: 'revoked',
      },
    },
    rejected: { type: 'final' },
    revoked: { type: 'final' },
  },
});
