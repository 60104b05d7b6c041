import { describe, expect, it } from 'vitest';
import { decide } from '../shared/decide.js';
import {
  type PriorApprovalEvent,
  type PriorApprovalState,
  priorApprovalMachine,
} from './prior-approval.machine.js';

const chain = ['ward_officer', 'ward_chief', 'ward_manager'] as const;
const run = (
  state: PriorApprovalState,
  event: PriorApprovalEvent,
  { step = 0, needsApproval = true, witnessRequired = false } = {},
) => decide(priorApprovalMachine, state, event, { chain: [...chain], step, needsApproval, witnessRequired });

describe('prior approval workflow (事前承認)', () => {
  it('files an application where the contract requires approval, a notification (届出) where it does not', () => {
    expect(run('filing', { type: 'FILE' })).toMatchObject({ next: 'applied', context: { step: 0 } });
    expect(run('filing', { type: 'FILE' }, { needsApproval: false })).toMatchObject({ next: 'notified' });
  });

  it('is signed 担当者 → 係長 → 課長, then recorded done', () => {
    expect(run('applied', { type: 'APPROVE', role: 'ward_officer' })).toMatchObject({
      next: 'applied',
      context: { step: 1 },
    });
    expect(run('applied', { type: 'APPROVE', role: 'ward_chief' }, { step: 1 })).toMatchObject({
      next: 'applied',
      context: { step: 2 },
    });
    expect(run('applied', { type: 'APPROVE', role: 'ward_manager' }, { step: 2 })).toMatchObject({
      next: 'approved',
    });
    expect(run('approved', { type: 'COMPLETE', witnessed: false })).toMatchObject({ next: 'done' });
    expect(run('notified', { type: 'COMPLETE', witnessed: false })).toMatchObject({ next: 'done' });
  });

  it('sends back to the applicant, who applies again from the first signer; or rejects', () => {
    expect(run('applied', { type: 'SEND_BACK', role: 'ward_chief' }, { step: 1 })).toMatchObject({
      next: 'returned',
      context: { step: 0 },
    });
    expect(run('returned', { type: 'RESUBMIT' })).toMatchObject({ next: 'applied', context: { step: 0 } });
    expect(run('applied', { type: 'REJECT', role: 'ward_officer' })).toMatchObject({ next: 'rejected' });
    expect(run('returned', { type: 'WITHDRAW' })).toMatchObject({ next: 'withdrawn' });
  });

  it('refuses signatures out of turn and steps in the wrong state', () => {
    expect(run('applied', { type: 'APPROVE', role: 'ward_manager' }, { step: 0 })).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    expect(run('applied', { type: 'SEND_BACK', role: 'ward_officer' }, { step: 1 })).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    // nothing is done before approval, nothing is signed on a notification
    expect(run('applied', { type: 'COMPLETE', witnessed: true })).toMatchObject({
      allowed: false,
      reason: 'not-in-this-state',
    });
    expect(run('notified', { type: 'APPROVE', role: 'ward_officer' })).toMatchObject({
      allowed: false,
      reason: 'not-in-this-state',
    });
    expect(run('returned', { type: 'COMPLETE', witnessed: false })).toMatchObject({ allowed: false });
    for (const state of ['rejected', 'withdrawn', 'done'] as const) {
      for (const event of [
        { type: 'APPROVE', role: 'ward_officer' },
        { type: 'COMPLETE', witnessed: true },
        { type: 'WITHDRAW' },
        { type: 'RESUBMIT' },
      ] as const) {
        expect(run(state, event)).toMatchObject({ allowed: false, reason: 'not-in-this-state' });
      }
    }
    expect(run('approved', { type: 'WITHDRAW' })).toMatchObject({ allowed: false });
    expect(run('applied', { type: 'FILE' })).toMatchObject({ allowed: false });
  });

  it('completes a disposal that needs a witness (立会い) only with the witness recorded', () => {
    expect(run('approved', { type: 'COMPLETE', witnessed: false }, { witnessRequired: true })).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    expect(run('approved', { type: 'COMPLETE', witnessed: true }, { witnessRequired: true })).toMatchObject({
      next: 'done',
    });
    expect(run('notified', { type: 'COMPLETE', witnessed: false }, { witnessRequired: true })).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
  });
});
