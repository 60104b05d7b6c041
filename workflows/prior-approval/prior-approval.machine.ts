import { assign, setup } from 'xstate';
import { type SignOffContext, type SignOffRole, signOffGuards } from '../shared/sign-off.js';

// 事前承認 (prior approval): what the contractor may do only with the ward's consent — copying
// (複写・複製, 001 別紙7 第8条, 003 乙9), use outside the purpose or provision to a third party
// (目的外利用・第三者提供, 第5条・第6条, 乙7), taking data out of the designated place (持出し, 第9条,
// 乙6) and disposal instead of return (廃棄, 第10条). The contract says which of these need the
// ward's prior approval; a kind that does not is only notified (届出).
//
// filing → applied (申請中; the ward's chain signs 担当者 → 係長 → 課長, may send back or reject)
//        → approved → done (実施済み);
// filing → notified (届出) → done.
// A disposal whose contract asks for a witness (立会い, 第10条3) is done only with the witness
// recorded. The applicant may withdraw what is not yet decided.

export type PriorApprovalState =
  | 'filing'
  | 'applied'
  | 'returned'
  | 'approved'
  | 'rejected'
  | 'notified'
  | 'withdrawn'
  | 'done';

export interface PriorApprovalContext extends SignOffContext {
  /** The contract requires the ward's prior approval for this kind. */
  needsApproval: boolean;
  /** The contract requires a witness (立会い) of the disposal. */
  witnessRequired: boolean;
}

export type PriorApprovalEvent =
  | { type: 'FILE' }
  | { type: 'APPROVE'; role: SignOffRole }
  | { type: 'SEND_BACK'; role: SignOffRole }
  | { type: 'REJECT'; role: SignOffRole }
  | { type: 'RESUBMIT' }
  | { type: 'WITHDRAW' }
  /** The applicant records that it was done; `witnessed` when the witness's name and date are given. */
  | { type: 'COMPLETE'; witnessed: boolean };

export const PRIOR_APPROVAL_MACHINE_VERSION = 1;

type Args = { context: PriorApprovalContext; event: PriorApprovalEvent };

export const priorApprovalMachine = setup({
  types: {
    context: {} as PriorApprovalContext,
    events: {} as PriorApprovalEvent,
    input: {} as Omit<PriorApprovalContext, 'step'>,
  },
  guards: {
    ...signOffGuards,
    needsApproval: ({ context }: Args) => context.needsApproval,
    witnessInOrder: ({ context, event }: Args) =>
      !context.witnessRequired || (event.type === 'COMPLETE' && event.witnessed),
  },
  actions: {
    nextStep: assign({ step: ({ context }) => context.step + 1 }),
    restartChain: assign({ step: 0 }),
  },
}).createMachine({
  id: 'prior-approval',
  initial: 'filing',
  context: ({ input }) => ({ ...input, step: 0 }),
  states: {
    /** Not yet stored: filing decides between an application and a notification. */
    filing: {
      on: {
        FILE: [
          { guard: 'needsApproval', target: 'applied', actions: 'restartChain' },
          { target: 'notified' },
        ],
      },
    },
    /** 申請中: the ward's chain signs in order. */
    applied: {
      on: {
        APPROVE: [
          { guard: 'isLastStep', target: 'approved' },
          { guard: 'isCurrentStep', actions: 'nextStep' },
        ],
        SEND_BACK: { guard: 'isCurrentStep', target: 'returned', actions: 'restartChain' },
        REJECT: { guard: 'isCurrentStep', target: 'rejected' },
        WITHDRAW: 'withdrawn',
      },
    },
    /** 差戻し: the applicant corrects and applies again. */
    returned: {
      on: { RESUBMIT: { target: 'applied', actions: 'restartChain' }, WITHDRAW: 'withdrawn' },
    },
    approved: {
      on: { COMPLETE: { guard: 'witnessInOrder', target: 'done' } },
    },
    /** 届出: the contract does not require approval; the ward is informed. */
    notified: {
      on: { COMPLETE: { guard: 'witnessInOrder', target: 'done' }, WITHDRAW: 'withdrawn' },
    },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
    done: { type: 'final' },
  },
});
