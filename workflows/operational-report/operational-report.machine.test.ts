import { describe, expect, it } from 'vitest';
import { decide } from '../shared/decide.js';
import {
  type OperationalReportEvent,
  type OperationalReportState,
  operationalReportMachine,
} from './operational-report.machine.js';

const chain = ['ward_officer', 'ward_chief', 'ward_manager'] as const;
const run = (
  state: OperationalReportState,
  event: OperationalReportEvent,
  { step = 0, receiptOnly = false } = {},
) => decide(operationalReportMachine, state, event, { chain: [...chain], step, receiptOnly });

describe('operational report workflow (業務報告)', () => {
  it('files an ad-hoc report submitted at once; a requested one is submitted when complete', () => {
    expect(run('filing', { type: 'FILE' })).toMatchObject({ next: 'submitted' });
    expect(run('issued', { type: 'SUBMIT', complete: true })).toMatchObject({ next: 'submitted' });
    expect(run('returned', { type: 'SUBMIT', complete: true })).toMatchObject({ next: 'submitted' });
  });

  it('accepts a daily report with the receipt (受付) alone', () => {
    expect(run('submitted', { type: 'RECEIVE', role: 'ward_officer' }, { receiptOnly: true })).toMatchObject({
      next: 'accepted',
    });
  });

  it('has a monthly or yearly report received, then signed 担当者 → 係長 → 課長', () => {
    expect(run('submitted', { type: 'RECEIVE', role: 'ward_officer' })).toMatchObject({
      next: 'received',
      context: { step: 0 },
    });
    expect(run('received', { type: 'SIGN', role: 'ward_officer' })).toMatchObject({
      next: 'received',
      context: { step: 1 },
    });
    expect(run('received', { type: 'SIGN', role: 'ward_chief' }, { step: 1 })).toMatchObject({
      next: 'received',
      context: { step: 2 },
    });
    expect(run('received', { type: 'SIGN', role: 'ward_manager' }, { step: 2 })).toMatchObject({
      next: 'signed_off',
    });
  });

  it('returns for correction from the receipt or the chain, restarting the chain', () => {
    expect(run('submitted', { type: 'RETURN', role: 'ward_officer' })).toMatchObject({ next: 'returned' });
    expect(run('received', { type: 'RETURN', role: 'ward_chief' }, { step: 1 })).toMatchObject({
      next: 'returned',
      context: { step: 0 },
    });
  });

  it.each([
    ['an incomplete report', 'issued', { type: 'SUBMIT', complete: false }, {}, 'guard'],
    ['a receipt by the 課長', 'submitted', { type: 'RECEIVE', role: 'ward_manager' }, {}, 'guard'],
    [
      'a receipt-only receipt by the 係長',
      'submitted',
      { type: 'RECEIVE', role: 'ward_chief' },
      { receiptOnly: true },
      'guard',
    ],
    ['a signature out of turn', 'received', { type: 'SIGN', role: 'ward_manager' }, { step: 0 }, 'guard'],
    [
      'a return by someone not awaited',
      'received',
      { type: 'RETURN', role: 'ward_officer' },
      { step: 2 },
      'guard',
    ],
    [
      'a signature before receipt',
      'submitted',
      { type: 'SIGN', role: 'ward_officer' },
      {},
      'not-in-this-state',
    ],
    ['a second submission', 'submitted', { type: 'SUBMIT', complete: true }, {}, 'not-in-this-state'],
    [
      'anything after sign-off',
      'signed_off',
      { type: 'RETURN', role: 'ward_manager' },
      { step: 2 },
      'not-in-this-state',
    ],
    ['anything after acceptance', 'accepted', { type: 'SUBMIT', complete: true }, {}, 'not-in-this-state'],
    [
      'a receipt of an unsubmitted report',
      'issued',
      { type: 'RECEIVE', role: 'ward_officer' },
      {},
      'not-in-this-state',
    ],
  ] as const)('refuses %s', (_what, state, event, options, reason) => {
    expect(run(state, event as OperationalReportEvent, options)).toMatchObject({ allowed: false, reason });
  });
});
