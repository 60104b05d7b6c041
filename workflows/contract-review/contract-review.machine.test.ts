import { describe, expect, it } from 'vitest';
import { decide } from '../shared/decide.js';
import {
  type ContractReviewEvent,
  type ContractReviewState,
  contractReviewMachine,
} from './contract-review.machine.js';

const run = (state: ContractReviewState, event: ContractReviewEvent) =>
  decide(contractReviewMachine, state, event);

describe('contract review workflow (見直し)', () => {
  it('is completed with a note', () => {
    expect(run('due', { type: 'COMPLETE', noted: true })).toMatchObject({ allowed: true, next: 'completed' });
  });

  it('is cancelled when the cycle is removed', () => {
    expect(run('due', { type: 'CANCEL' })).toMatchObject({ allowed: true, next: 'cancelled' });
  });

  it.each([
    ['completing without a note', 'due', { type: 'COMPLETE', noted: false }, 'guard'],
    ['completing twice', 'completed', { type: 'COMPLETE', noted: true }, 'not-in-this-state'],
    ['completing a cancelled review', 'cancelled', { type: 'COMPLETE', noted: true }, 'not-in-this-state'],
    ['cancelling a completed review', 'completed', { type: 'CANCEL' }, 'not-in-this-state'],
    ['cancelling twice', 'cancelled', { type: 'CANCEL' }, 'not-in-this-state'],
  ] as const)('refuses %s', (_what, state, event, reason) => {
    expect(run(state, event as ContractReviewEvent)).toMatchObject({ allowed: false, reason });
  });
});
