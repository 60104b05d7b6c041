import { describe, expect, it } from 'vitest';
import { decide } from '../shared/decide.js';
import { type CustodyEvent, custodyMachine, type PackageState } from './custody.machine.js';
import { erasureMachine } from './erasure.machine.js';
import {
  initialTakeOutState,
  type TakeOutEvent,
  type TakeOutState,
  takeOutMachine,
} from './take-out.machine.js';

const run = (state: PackageState, event: CustodyEvent) => decide(custodyMachine, state, event);

describe('custody of a package (受渡データ)', () => {
  it.each<[PackageState, CustodyEvent, PackageState]>([
    ['prepared', { type: 'HAND_OVER_MEDIA' }, 'media_handed_over'],
    ['prepared', { type: 'WITHDRAW' }, 'withdrawn'],
    ['media_handed_over', { type: 'HAND_OVER_PASSWORD', separateOccasion: true }, 'password_handed_over'],
    ['media_handed_over', { type: 'RETURN', takeOutPurpose: null }, 'returned'],
    ['password_handed_over', { type: 'STORE' }, 'in_custody'],
    // the media goes into the cabinet the day it arrives; the password notice comes later (運用6, 8)
    ['media_handed_over', { type: 'STORE' }, 'stored_awaiting_password'],
    ['stored_awaiting_password', { type: 'HAND_OVER_PASSWORD', separateOccasion: true }, 'in_custody'],
    ['stored_awaiting_password', { type: 'RETURN', takeOutPurpose: null }, 'returned'],
    ['in_custody', { type: 'TAKE_OUT', purpose: 'delivery', wardApproved: false }, 'taken_out'],
    ['in_custody', { type: 'TAKE_OUT', purpose: 'return', wardApproved: false }, 'taken_out'],
    ['in_custody', { type: 'TAKE_OUT', purpose: 'other', wardApproved: true }, 'taken_out'],
    ['taken_out', { type: 'BRING_BACK' }, 'in_custody'],
    ['taken_out', { type: 'RETURN', takeOutPurpose: 'return' }, 'returned'],
    ['in_custody', { type: 'RETURN', takeOutPurpose: null }, 'returned'],
    ['in_custody', { type: 'ERASE' }, 'erased'],
    // held by the recipient but never stored, or stored awaiting the password: the certificate
    // settles it too, so nothing shows as handed over after its erasure (issue 19)
    ['media_handed_over', { type: 'ERASE' }, 'erased'],
    ['password_handed_over', { type: 'ERASE' }, 'erased'],
    ['stored_awaiting_password', { type: 'ERASE' }, 'erased'],
    ['returned', { type: 'VERIFY', hashMatches: true }, 'verified'],
    // a mismatch is recorded; the package stays returned-but-unchecked
    ['returned', { type: 'VERIFY', hashMatches: false }, 'returned'],
    // a request for another purpose, and the ward's decision on it, leave the media in the cabinet
    ['in_custody', { type: 'REQUEST_TAKE_OUT' }, 'in_custody'],
    ['in_custody', { type: 'DECIDE_TAKE_OUT' }, 'in_custody'],
  ])('%s + %j → %s', (state, event, next) => {
    expect(run(state, event)).toMatchObject({ allowed: true, next });
  });

  it.each<[PackageState, CustodyEvent]>([
    ['media_handed_over', { type: 'HAND_OVER_PASSWORD', separateOccasion: false }],
    ['stored_awaiting_password', { type: 'HAND_OVER_PASSWORD', separateOccasion: false }],
    ['in_custody', { type: 'TAKE_OUT', purpose: 'other', wardApproved: false }],
    ['taken_out', { type: 'RETURN', takeOutPurpose: 'delivery' }],
    ['taken_out', { type: 'RETURN', takeOutPurpose: 'other' }],
  ])('refuses %s + %j on its guard', (state, event) => {
    expect(run(state, event)).toEqual({ allowed: false, reason: 'guard', state });
  });

  it.each<[PackageState, CustodyEvent]>([
    // the password never travels before the media, nor twice
    ['prepared', { type: 'HAND_OVER_PASSWORD', separateOccasion: true }],
    ['password_handed_over', { type: 'HAND_OVER_PASSWORD', separateOccasion: true }],
    ['prepared', { type: 'STORE' }],
    ['stored_awaiting_password', { type: 'STORE' }],
    ['stored_awaiting_password', { type: 'TAKE_OUT', purpose: 'delivery', wardApproved: false }],
    ['media_handed_over', { type: 'HAND_OVER_MEDIA' }],
    ['password_handed_over', { type: 'TAKE_OUT', purpose: 'delivery', wardApproved: false }],
    ['taken_out', { type: 'TAKE_OUT', purpose: 'delivery', wardApproved: false }],
    ['taken_out', { type: 'ERASE' }],
    ['prepared', { type: 'RETURN', takeOutPurpose: null }],
    ['prepared', { type: 'ERASE' }],
    ['in_custody', { type: 'WITHDRAW' }],
    ['in_custody', { type: 'VERIFY', hashMatches: true }],
    ['returned', { type: 'ERASE' }],
    ['returned', { type: 'RETURN', takeOutPurpose: null }],
    ['verified', { type: 'VERIFY', hashMatches: true }],
    ['verified', { type: 'HAND_OVER_MEDIA' }],
    ['erased', { type: 'RETURN', takeOutPurpose: null }],
    ['withdrawn', { type: 'HAND_OVER_MEDIA' }],
  ])('refuses %s + %j as not allowed in this state', (state, event) => {
    expect(run(state, event)).toEqual({ allowed: false, reason: 'not-in-this-state', state });
  });

  it('follows the seed 003 life with two take-outs to the end', () => {
    const events: CustodyEvent[] = [
      { type: 'HAND_OVER_MEDIA' },
      { type: 'HAND_OVER_PASSWORD', separateOccasion: true },
      { type: 'STORE' },
      { type: 'TAKE_OUT', purpose: 'delivery', wardApproved: false },
      { type: 'BRING_BACK' },
      { type: 'TAKE_OUT', purpose: 'other', wardApproved: true },
      { type: 'BRING_BACK' },
      { type: 'RETURN', takeOutPurpose: null },
      { type: 'VERIFY', hashMatches: true },
    ];
    let state: PackageState = 'prepared';
    for (const event of events) {
      const decision = run(state, event);
      if (!decision.allowed) throw new Error(`${state} refused ${event.type}`);
      state = decision.next;
    }
    expect(state).toBe('verified');
  });
});

describe('take-outs (持出記録)', () => {
  const step = (state: TakeOutState, event: TakeOutEvent) => decide(takeOutMachine, state, event);

  it('starts out at once for delivery or return, and as a request otherwise', () => {
    expect(initialTakeOutState('delivery')).toBe('out');
    expect(initialTakeOutState('return')).toBe('out');
    expect(initialTakeOutState('other')).toBe('requested');
  });

  it.each<[TakeOutState, TakeOutEvent, TakeOutState]>([
    ['requested', { type: 'APPROVE' }, 'approved'],
    ['requested', { type: 'REFUSE' }, 'refused'],
    ['approved', { type: 'START' }, 'out'],
    ['out', { type: 'BRING_BACK' }, 'back'],
    ['out', { type: 'HANDED_BACK' }, 'returned'],
  ])('%s + %j → %s', (state, event, next) => {
    expect(step(state, event)).toMatchObject({ allowed: true, next });
  });

  it.each<[TakeOutState, TakeOutEvent]>([
    ['requested', { type: 'START' }],
    ['refused', { type: 'START' }],
    ['approved', { type: 'APPROVE' }],
    ['out', { type: 'APPROVE' }],
    ['back', { type: 'BRING_BACK' }],
    ['requested', { type: 'BRING_BACK' }],
  ])('refuses %s + %j', (state, event) => {
    expect(step(state, event)).toEqual({ allowed: false, reason: 'not-in-this-state', state });
  });
});

describe('erasure records (消去の記録)', () => {
  it('certifies once, and only when nothing blocks', () => {
    expect(decide(erasureMachine, 'recorded', { type: 'CERTIFY', blockers: [] })).toMatchObject({
      allowed: true,
      next: 'certified',
    });
    const blocker = { code: 'package-not-held', en: 'gone', ja: '保管されていません' };
    expect(decide(erasureMachine, 'recorded', { type: 'CERTIFY', blockers: [blocker] })).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    expect(decide(erasureMachine, 'certified', { type: 'CERTIFY', blockers: [] })).toMatchObject({
      allowed: false,
      reason: 'not-in-this-state',
    });
  });
});
