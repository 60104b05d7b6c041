import { setup } from 'xstate';

// アクセスログの確認 (特定個人情報, 番号法 and the ガイドライン's 安全管理措置): on a My Number contract
// the contractor's 業務責任者/取扱責任者 reviews the access logs of the systems holding 特定個人情報
// once per period (the contract's interval, monthly by default). The daily jobs issue the review
// due; the contractor records it (the period's logs reviewed, whether anything anomalous was found
// and what, the action taken); the city confirms it (確認) or sends it back, and the contractor
// records it again.
//
// issued → recorded → confirmed
//             ↘ returned → recorded …
//
// Overdue is not a state: a due date in the past while the review is still with the contractor.

export type AccessLogReviewState = 'issued' | 'returned' | 'recorded' | 'confirmed';

export type AccessLogReviewEvent =
  /** `complete`: who reviewed, when, which logs, and — when anomalies were found — what and the action. */
  { type: 'RECORD'; complete: boolean } | { type: 'CONFIRM' } | { type: 'SEND_BACK' };

export const ACCESS_LOG_REVIEW_MACHINE_VERSION = 1;

export const accessLogReviewMachine = setup({
  types: { events: {} as AccessLogReviewEvent },
  guards: {
    complete: ({ event }: { event: AccessLogReviewEvent }) => event.type === 'RECORD' && event.complete,
  },
}).createMachine({
  id: 'access-log-review',
  initial: 'issued',
  states: {
    /** 未実施: issued by the daily jobs for a period. */
    issued: { on: { RECORD: { guard: 'complete', target: 'recorded' } } },
    /** 差戻し: the city asked for more; the contractor records it again. */
    returned: { on: { RECORD: { guard: 'complete', target: 'recorded' } } },
    /** 実施済み（確認待ち）: the city confirms it or sends it back. */
    recorded: { on: { CONFIRM: 'confirmed', SEND_BACK: 'returned' } },
    /** 確認済み */
    confirmed: { type: 'final' },
  },
});

/** Whose move it is: the contractor's while issued or returned. */
export const WITH_CONTRACTOR: readonly AccessLogReviewState[] = ['issued', 'returned'];
/** Waiting for the city's confirmation. */
export const WITH_CITY: readonly AccessLogReviewState[] = ['recorded'];
