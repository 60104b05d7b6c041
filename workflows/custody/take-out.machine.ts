import { setup } from 'xstate';
import type { TakeOutPurpose } from './custody.machine.js';

// 持出記録 (seed 000: 個人情報等の内容、持出・返却日時、担当者; seed 003 運用5: the USB leaves the
// office only for delivery and return). A take-out for delivery (納品) or return (返却) is
// recorded as it happens; any other purpose is requested first and needs the ward's approval
// before the media may leave.
//   requested → approved → out → back;  requested → refused;  out → returned (on a return trip)

export type TakeOutState = 'requested' | 'approved' | 'refused' | 'out' | 'back' | 'returned';

export type TakeOutEvent =
  | { type: 'APPROVE' }
  | { type: 'REFUSE' }
  | { type: 'START' }
  | { type: 'BRING_BACK' }
  | { type: 'HANDED_BACK' };

/** Where a new take-out starts: at once out for delivery or return, otherwise awaiting approval. */
export function initialTakeOutState(purpose: TakeOutPurpose): TakeOutState {
  return purpose === 'other' ? 'requested' : 'out';
}

export const takeOutMachine = setup({ types: { events: {} as TakeOutEvent } }).createMachine({
  id: 'take-out',
  initial: 'requested',
  states: {
    /** 持出申請中: the ward decides */
    requested: { on: { APPROVE: 'approved', REFUSE: 'refused' } },
    /** 承認済み: may leave now */
    approved: { on: { START: 'out' } },
    /** 不承認 */
    refused: { type: 'final' },
    /** 持出し中 */
    out: { on: { BRING_BACK: 'back', HANDED_BACK: 'returned' } },
    /** 戻り済み (返却時の確認を記録) */
    back: { type: 'final' },
    /** the trip ended with the media returned to the ward */
    returned: { type: 'final' },
  },
});
