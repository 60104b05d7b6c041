import { describe, expect, it } from 'vitest';
import { decide } from '../shared/decide.js';
import {
  type ApprovalContext,
  type ApprovalEvent,
  type ApprovalState,
  approvalMachine,
} from './approval.machine.js';

const chain: ApprovalContext['chain'] = ['ward_officer', 'ward_chief', 'ward_manager'];
const run = (state: ApprovalState, event: ApprovalEvent, step = 0) =>
  decide(approvalMachine, state, event, { chain, step, councilMode: 'report' });

describe('approval workflow', () => {
  it('runs the sign-off chain in order: 担当者 → 係長 → 課長', () => {
    expect(run('draft', { type: 'SUBMIT' })).toMatchObject({ allowed: true, next: 'submitted' });
    expect(run('submitted', { type: 'START_REVIEW', role: 'ward_officer' })).toMatchObject({
      next: 'under_review',
      context: { step: 0 },
    });
    expect(run('under_review', { type: 'APPROVE', role: 'ward_officer' }, 0)).toMatchObject({
      next: 'under_review',
      context: { step: 1 },
    });
    expect(run('under_review', { type: 'APPROVE', role: 'ward_chief' }, 1)).toMatchObject({
      next: 'under_review',
      context: { step: 2 },
    });
    expect(run('under_review', { type: 'APPROVE', role: 'ward_manager' }, 2)).toMatchObject({
      next: 'approved',
    });
  });

  it('refuses a signature out of order', () => {
    expect(run('under_review', { type: 'APPROVE', role: 'ward_manager' }, 0)).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    expect(run('under_review', { type: 'APPROVE', role: 'ward_chief' }, 2)).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    expect(run('under_review', { type: 'REJECT', role: 'ward_chief' }, 0)).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    expect(run('submitted', { type: 'START_REVIEW', role: 'ward_chief' })).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
  });

  it('sends back to the applicant and starts the chain again on resubmission', () => {
    expect(run('under_review', { type: 'SEND_BACK', role: 'ward_chief' }, 1)).toMatchObject({
      next: 'changes_requested',
      context: { step: 0 },
    });
    expect(run('changes_requested', { type: 'RESUBMIT' })).toMatchObject({ next: 'submitted' });
  });

  it('rejects at any step, and revokes only from the top of the chain', () => {
    expect(run('under_review', { type: 'REJECT', role: 'ward_officer' }, 0)).toMatchObject({
      next: 'rejected',
    });
    expect(run('approved', { type: 'REVOKE', role: 'ward_manager' })).toMatchObject({ next: 'revoked' });
    expect(run('approved', { type: 'REVOKE', role: 'ward_officer' })).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    expect(run('approved', { type: 'PARENT_ENDED' })).toMatchObject({ next: 'revoked' });
  });

  it.each<[ApprovalState, ApprovalEvent]>([
    ['draft', { type: 'APPROVE', role: 'ward_officer' }],
    ['submitted', { type: 'APPROVE', role: 'ward_officer' }],
    ['approved', { type: 'APPROVE', role: 'ward_manager' }],
    ['rejected', { type: 'RESUBMIT' }],
    ['revoked', { type: 'SUBMIT' }],
    ['changes_requested', { type: 'APPROVE', role: 'ward_officer' }],
  ])('refuses %s + %j', (state, event) => {
    expect(run(state, event)).toMatchObject({ allowed: false, reason: 'not-in-this-state', state });
  });

  it('works with a shorter chain configured by a ward', () => {
    const short = (state: ApprovalState, event: ApprovalEvent, step = 0) =>
      decide(approvalMachine, state, event, {
        chain: ['ward_officer', 'ward_manager'],
        step,
        councilMode: 'none',
      });
    expect(short('under_review', { type: 'APPROVE', role: 'ward_officer' })).toMatchObject({
      next: 'under_review',
      context: { step: 1 },
    });
    expect(short('under_review', { type: 'APPROVE', role: 'ward_manager' }, 1)).toMatchObject({
      next: 'approved',
    });
  });

  it('waits for the council when it must be consulted (諮問), and follows its answer', () => {
    const consult = (state: ApprovalState, event: ApprovalEvent, step = 0) =>
      decide(approvalMachine, state, event, { chain, step, councilMode: 'consult' });
    expect(consult('under_review', { type: 'APPROVE', role: 'ward_manager' }, 2)).toMatchObject({
      next: 'awaiting_council',
    });
    expect(
      consult('awaiting_council', { type: 'COUNCIL_ANSWERED', role: 'ward_officer', answer: 'approve' }),
    ).toMatchObject({
      next: 'approved',
    });
    expect(
      consult('awaiting_council', { type: 'COUNCIL_ANSWERED', role: 'ward_officer', answer: 'reject' }),
    ).toMatchObject({
      next: 'rejected',
    });
    expect(consult('awaiting_council', { type: 'APPROVE', role: 'ward_manager' }, 2)).toMatchObject({
      allowed: false,
    });
    expect(
      run('under_review', { type: 'COUNCIL_ANSWERED', role: 'ward_officer', answer: 'approve' }),
    ).toMatchObject({
      allowed: false,
    });
  });
});
