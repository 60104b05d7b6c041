import { setup } from 'xstate';

// 報告の求め (report request): the contractor supervises its sub-contractor (seed 001 別紙7 第7条5,
// seed 003 丙15–16: 乙 may ask 丙 for reports), and the ward may ask any company in its contract's
// chain. The requester names a topic and a due date; the company answers; the requester accepts
// the answer or sends it back for more.
//
// requested → answered → accepted
//           ↘ withdrawn  ↘ returned (差戻し) → answered …
// The due date is a column (`due_on`): overdue is read from it, no timer here.

export type ReportRequestState = 'requested' | 'answered' | 'returned' | 'accepted' | 'withdrawn';

export type ReportRequestEvent =
  /** 報告: the company asked answers (again, after a send-back). */
  | { type: 'ANSWER' }
  /** 受理: the requester accepts the answer. */
  | { type: 'ACCEPT' }
  /** 差戻し: the requester asks for more. */
  | { type: 'SEND_BACK' }
  /** 取下げ: the requester withdraws a request not yet answered. */
  | { type: 'WITHDRAW' };

export const REPORT_REQUEST_MACHINE_VERSION = 1;

/** States in which the company asked still owes an answer (and may be overdue). */
export const AWAITING_ANSWER: readonly ReportRequestState[] = ['requested', 'returned'];

export const reportRequestMachine = setup({
  types: { events: {} as ReportRequestEvent },
}).createMachine({
  id: 'report-request',
  initial: 'requested',
  states: {
    /** 依頼中: waiting for the company's answer. */
    requested: { on: { ANSWER: 'answered', WITHDRAW: 'withdrawn' } },
    /** 報告済み: waiting for the requester's decision. */
    answered: { on: { ACCEPT: 'accepted', SEND_BACK: 'returned' } },
    /** 差戻し: the company answers again. */
    returned: { on: { ANSWER: 'answered', WITHDRAW: 'withdrawn' } },
    /** 受理: closed. */
    accepted: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
