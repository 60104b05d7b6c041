import { describe, expect, it } from 'vitest';
import { decide } from '../shared/decide.js';
import {
  type Blocker,
  type InspectionEvent,
  type InspectionState,
  inspectionMachine,
} from './inspection.machine.js';

// A company's inspection of its sub-contractor (001 別紙7 第7条5): the same course as the ward's,
// but completed by the contractor's own responsible person instead of the ward's 決裁 chain.

const company = (state: InspectionState, event: InspectionEvent) =>
  decide(inspectionMachine, state, event, { chain: [], step: 0, byCompany: true });
const ward = (state: InspectionState, event: InspectionEvent) =>
  decide(inspectionMachine, state, event, { chain: ['ward_officer'], step: 0, byCompany: false });
const unanswered: Blocker = { code: 'unanswered_item', itemKey: '1-1-1' };

describe('a company inspection (再委託先への立入検査)', () => {
  it('runs planned → in progress → completed (signed_off) by the company itself', () => {
    expect(company('planned', { type: 'START' })).toMatchObject({ allowed: true, next: 'in_progress' });
    expect(company('in_progress', { type: 'RECORD_ITEM' })).toMatchObject({ allowed: true });
    expect(company('in_progress', { type: 'COMPLETE', blockers: [] })).toMatchObject({
      allowed: true,
      next: 'signed_off',
    });
  });

  it('refuses completion while an item is unanswered or a finding open', () => {
    expect(company('in_progress', { type: 'COMPLETE', blockers: [unanswered] })).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
  });

  it('is never submitted to the ward’s chain, and a ward inspection is never completed by a company', () => {
    expect(company('in_progress', { type: 'SUBMIT', blockers: [] })).toMatchObject({ allowed: false });
    expect(ward('in_progress', { type: 'COMPLETE', blockers: [] })).toMatchObject({ allowed: false });
    expect(ward('in_progress', { type: 'SUBMIT', blockers: [] })).toMatchObject({ allowed: true });
  });

  it('refuses completion outside its course', () => {
    for (const state of ['planned', 'submitted', 'signed_off', 'cancelled'] as const) {
      expect(company(state, { type: 'COMPLETE', blockers: [] })).toMatchObject({ allowed: false });
    }
  });
});
