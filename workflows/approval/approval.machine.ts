import { and, assign, setup } from 'xstate';
import { type SignOffContext, type SignOffRole, signOffGuards } from '../shared/sign-off.js';

// One approval shape for delegation (委託の承認) and sub-delegation (再委託の承認):
// draft → submitted → under review → (changes requested → submitted)* → approved / rejected;
// approved → revoked. Under review, the ward's sign-off chain (決裁: 担当者 → 係長 → 課長, per
// ward) approves step by step; a step may send back (差戻し) or reject; the decision takes effect
// only when the last step signs. The machine is pure: the use case persists `value` and `context`.

export type { SignOffRole };

export interface ApprovalContext extends SignOffContext {
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
  | { type: 'COUNCIL_ANSWERED'; role: SignOffRole; answer: 'approve' | 'reject' };

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

export const approvalMachine = setup({
  types: {
    context: {} as ApprovalContext,
    events: {} as ApprovalEvent,
    input: {} as { chain: SignOffRole[]; councilMode: ApprovalContext['councilMode'] },
  },
  // Review starts with the first step of the chain (the privacy officer), who also records the
  // council's answer; revocation is decided at the top of the chain (課長).
  guards: {
    ...signOffGuards,
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
        COUNCIL_ANSWERED: [
          { guard: and(['isFirstStep', 'councilApproves']), target: 'approved' },
          { guard: 'isFirstStep', target: 'rejected' },
        ],
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
