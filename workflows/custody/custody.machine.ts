import { setup } from 'xstate';

// The life of an encrypted package (受渡データ) and its media (電磁的媒体, USB), seed 003:
//   prepared → media handed over → (password handed over → stored | stored → password handed
//   over) → in custody → (taken out → back in custody)* → returned → verified (the ward checked the
//   hash again);
//   or in custody → erased (the erasure certificate lists it); or prepared → withdrawn (never left
//   the ward). The machine decides only; the facts its guards need (was the password handed over on
//   a separate occasion, does a take-out have the ward's approval, does the hash match) are gathered
//   by the use case and passed in the event.

export type PackageState =
  | 'prepared'
  | 'media_handed_over'
  | 'password_handed_over'
  /** 保管中, the password notice still to come (運用6 from the day the media arrives, 運用8 later) */
  | 'stored_awaiting_password'
  | 'in_custody'
  | 'taken_out'
  | 'returned'
  | 'verified'
  | 'erased'
  | 'withdrawn';

/** 持出しの目的: 納品時・返却時 (seed 003 運用5) need no approval; anything else does. */
export type TakeOutPurpose = 'delivery' | 'return' | 'other';

export type CustodyEvent =
  /** 電磁的媒体の受渡し (by hand) */
  | { type: 'HAND_OVER_MEDIA' }
  /** パスワード通知書の受渡し: on a separate, later occasion (運用8) */
  | { type: 'HAND_OVER_PASSWORD'; separateOccasion: boolean }
  /** 施錠できるキャビネットに保管, key held by the 取扱責任者 (運用6) */
  | { type: 'STORE' }
  /** 持出しの申請 (a purpose other than delivery or return): the media stays until approved */
  | { type: 'REQUEST_TAKE_OUT' }
  /** the ward's decision on a requested take-out: the media has not moved */
  | { type: 'DECIDE_TAKE_OUT' }
  /** 持出し */
  | { type: 'TAKE_OUT'; purpose: TakeOutPurpose; wardApproved: boolean }
  /** 持出しからの戻り (返却時の確認) */
  | { type: 'BRING_BACK' }
  /** 返却: media and password notice back to the ward; during a take-out only one made for it */
  | { type: 'RETURN'; takeOutPurpose: TakeOutPurpose | null }
  /** the ward's hash check of the returned media; a mismatch is recorded and changes nothing */
  | { type: 'VERIFY'; hashMatches: boolean }
  /** 消去: listed in an erasure record whose certificate is issued */
  | { type: 'ERASE' }
  /** 取下げ: the ward discards a package that never left it */
  | { type: 'WITHDRAW' };

/** 2: the media may be stored before the password notice arrives (stored_awaiting_password). */
export const CUSTODY_MACHINE_VERSION = 2;

type Args = { event: CustodyEvent };

export const custodyMachine = setup({
  types: { events: {} as CustodyEvent },
  guards: {
    separateOccasion: ({ event }: Args) => event.type === 'HAND_OVER_PASSWORD' && event.separateOccasion,
    takeOutAllowed: ({ event }: Args) =>
      event.type === 'TAKE_OUT' && (event.purpose !== 'other' || event.wardApproved),
    onReturnTrip: ({ event }: Args) => event.type === 'RETURN' && event.takeOutPurpose === 'return',
    hashMatches: ({ event }: Args) => event.type === 'VERIFY' && event.hashMatches,
  },
}).createMachine({
  id: 'custody',
  initial: 'prepared',
  states: {
    /** 作成済み: encrypted, downloaded for writing to the USB stick; still at the ward */
    prepared: { on: { HAND_OVER_MEDIA: 'media_handed_over', WITHDRAW: 'withdrawn' } },
    /** 媒体受渡済み: the recipient holds media it cannot open yet */
    media_handed_over: {
      on: {
        HAND_OVER_PASSWORD: { guard: 'separateOccasion', target: 'password_handed_over' },
        // the media goes into the locked cabinet the day it arrives, not after the password
        STORE: 'stored_awaiting_password',
        RETURN: 'returned',
        // media the recipient holds may be erased (destroyed) whether or not it could be opened:
        // its certificate settles it, so it never stays "handed over" after the certificate
        ERASE: 'erased',
      },
    },
    /** 保管中（パスワード通知書未受渡し）: in the cabinet, not yet openable */
    stored_awaiting_password: {
      on: {
        HAND_OVER_PASSWORD: { guard: 'separateOccasion', target: 'in_custody' },
        RETURN: 'returned',
        ERASE: 'erased',
      },
    },
    /** パスワード通知書受渡済み */
    password_handed_over: { on: { STORE: 'in_custody', RETURN: 'returned', ERASE: 'erased' } },
    /** 保管中 */
    in_custody: {
      on: {
        TAKE_OUT: { guard: 'takeOutAllowed', target: 'taken_out' },
        REQUEST_TAKE_OUT: 'in_custody',
        DECIDE_TAKE_OUT: 'in_custody',
        RETURN: 'returned',
        ERASE: 'erased',
      },
    },
    /** 持出し中 */
    taken_out: {
      on: { BRING_BACK: 'in_custody', RETURN: { guard: 'onReturnTrip', target: 'returned' } },
    },
    /** 返却済み (ハッシュ未確認) */
    returned: { on: { VERIFY: [{ guard: 'hashMatches', target: 'verified' }, { target: 'returned' }] } },
    /** 返却確認済み */
    verified: { type: 'final' },
    /** 消去済み */
    erased: { type: 'final' },
    /** 取下げ */
    withdrawn: { type: 'final' },
  },
});

/** States in which the recipient holds the media (the closing gate and the erasure look at these). */
export const HELD_BY_RECIPIENT: readonly PackageState[] = [
  'media_handed_over',
  'password_handed_over',
  'stored_awaiting_password',
  'in_custody',
  'taken_out',
];

/**
 * States from which an erasure certificate settles a package: the recipient holds the media, in
 * the cabinet or not yet (a package taken out is brought back first).
 */
export const ERASABLE: readonly PackageState[] = [
  'media_handed_over',
  'password_handed_over',
  'stored_awaiting_password',
  'in_custody',
];

/** States that settle a package for closing the contract: returned and checked, erased, withdrawn. */
export const SETTLED: readonly PackageState[] = ['verified', 'erased', 'withdrawn'];

export const PACKAGE_STATE_JA: Record<PackageState, string> = {
  prepared: '作成済み（未受渡し）',
  media_handed_over: '媒体受渡済み',
  password_handed_over: 'パスワード通知書受渡済み',
  stored_awaiting_password: '保管中（パスワード通知書未受渡し）',
  in_custody: '保管中',
  taken_out: '持出し中',
  returned: '返却済み（ハッシュ未確認）',
  verified: '返却確認済み',
  erased: '消去済み',
  withdrawn: '取下げ',
};
