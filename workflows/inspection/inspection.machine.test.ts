import { describe, expect, it } from 'vitest';
import { decide } from '../shared/decide.js';
import { type FindingEvent, type FindingState, findingMachine } from './finding.machine.js';
import {
  type Blocker,
  type InspectionContext,
  type InspectionEvent,
  type InspectionState,
  inspectionMachine,
} from './inspection.machine.js';

const chain: InspectionContext['chain'] = ['ward_officer', 'ward_chief', 'ward_manager'];
const run = (state: InspectionState, event: InspectionEvent, step = 0) =>
  decide(inspectionMachine, state, event, { chain, step });
const openFinding: Blocker = { code: 'open_finding', itemKey: '2-1-2', findingId: 'f1' };
const unanswered: Blocker = { code: 'unanswered_item', itemKey: '4-1-1' };

describe('inspection workflow (実地検査)', () => {
  it('runs planned → in progress → submitted → 担当者 → 係長 → 課長 → signed off', () => {
    expect(run('planned', { type: 'START' })).toMatchObject({ allowed: true, next: 'in_progress' });
    expect(run('in_progress', { type: 'SUBMIT', blockers: [] })).toMatchObject({
      next: 'submitted',
      context: { step: 0 },
    });
    expect(run('submitted', { type: 'APPROVE', role: 'ward_officer', blockers: [] }, 0)).toMatchObject({
      next: 'submitted',
      context: { step: 1 },
    });
    expect(run('submitted', { type: 'APPROVE', role: 'ward_chief', blockers: [] }, 1)).toMatchObject({
      next: 'submitted',
      context: { step: 2 },
    });
    expect(run('submitted', { type: 'APPROVE', role: 'ward_manager', blockers: [] }, 2)).toMatchObject({
      next: 'signed_off',
    });
  });

  it('refuses submission while an item is unanswered or a finding is open', () => {
    expect(run('in_progress', { type: 'SUBMIT', blockers: [openFinding] })).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    expect(run('in_progress', { type: 'SUBMIT', blockers: [unanswered] })).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
  });

  it('refuses a signature with an open finding, and one out of order', () => {
    expect(
      run('submitted', { type: 'APPROVE', role: 'ward_manager', blockers: [openFinding] }, 2),
    ).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    expect(run('submitted', { type: 'APPROVE', role: 'ward_manager', blockers: [] }, 0)).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    expect(run('submitted', { type: 'APPROVE', role: 'ward_officer', blockers: [] }, 1)).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    expect(run('submitted', { type: 'SEND_BACK', role: 'ward_manager' }, 1)).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
  });

  it('sends back to the inspector and restarts the chain', () => {
    expect(run('submitted', { type: 'SEND_BACK', role: 'ward_chief' }, 1)).toMatchObject({
      next: 'in_progress',
      context: { step: 0 },
    });
  });

  it('follows a one-step chain of a ward that signs with the 課長 alone', () => {
    const one = decide(
      inspectionMachine,
      'submitted',
      { type: 'APPROVE', role: 'ward_manager', blockers: [] },
      {
        chain: ['ward_manager'],
        step: 0,
      },
    );
    expect(one).toMatchObject({ allowed: true, next: 'signed_off' });
  });

  it.each<[InspectionState, InspectionEvent]>([
    ['planned', { type: 'SUBMIT', blockers: [] }],
    ['planned', { type: 'APPROVE', role: 'ward_officer', blockers: [] }],
    ['in_progress', { type: 'START' }],
    ['in_progress', { type: 'CANCEL' }],
    ['in_progress', { type: 'APPROVE', role: 'ward_officer', blockers: [] }],
    ['submitted', { type: 'SUBMIT', blockers: [] }],
    ['submitted', { type: 'CANCEL' }],
    ['signed_off', { type: 'SEND_BACK', role: 'ward_manager' }],
    ['signed_off', { type: 'START' }],
    ['cancelled', { type: 'START' }],
  ])('refuses %s + %j', (state, event) => {
    expect(run(state, event)).toMatchObject({ allowed: false, reason: 'not-in-this-state' });
  });

  it('cancels only a planned inspection', () => {
    expect(run('planned', { type: 'CANCEL' })).toMatchObject({ allowed: true, next: 'cancelled' });
  });
});

describe('finding workflow (指摘事項 → 改善報告 → 再確認)', () => {
  const f = (state: FindingState, event: FindingEvent) => decide(findingMachine, state, event);

  it('closes after an improvement report and a successful re-check', () => {
    expect(f('open', { type: 'REPORT_IMPROVEMENT' })).toMatchObject({ next: 'reported' });
    expect(f('reported', { type: 'RECHECK', improved: true })).toMatchObject({ next: 'closed' });
  });

  it('reopens when the re-check finds it not yet improved', () => {
    expect(f('reported', { type: 'RECHECK', improved: false })).toMatchObject({ next: 'open' });
  });

  it('carries an open or reported finding, and withdraws only an open one', () => {
    expect(f('open', { type: 'CARRY' })).toMatchObject({ next: 'carried' });
    expect(f('reported', { type: 'CARRY' })).toMatchObject({ next: 'carried' });
    expect(f('open', { type: 'WITHDRAW' })).toMatchObject({ next: 'withdrawn' });
  });

  it.each<[FindingState, FindingEvent]>([
    ['open', { type: 'RECHECK', improved: true }],
    ['reported', { type: 'REPORT_IMPROVEMENT' }],
    ['reported', { type: 'WITHDRAW' }],
    ['closed', { type: 'REPORT_IMPROVEMENT' }],
    ['closed', { type: 'CARRY' }],
    ['carried', { type: 'RECHECK', improved: true }],
    ['withdrawn', { type: 'REPORT_IMPROVEMENT' }],
  ])('refuses %s + %j', (state, event) => {
    expect(f(state, event)).toMatchObject({ allowed: false, reason: 'not-in-this-state' });
  });
});
