import { describe, expect, it } from 'vitest';
import { decide } from '../shared/decide.js';
import { complianceReportMachine, type ReportEvent, type ReportState } from './compliance-report.machine.js';

const chain = ['ward_officer', 'ward_chief', 'ward_manager'] as const;
const run = (state: ReportState, event: ReportEvent, step = 0) =>
  decide(complianceReportMachine, state, event, { chain: [...chain], step });

describe('compliance report workflow', () => {
  it('goes issued → draft → submitted → received → signed off by 担当者, 係長, 課長', () => {
    expect(run('issued', { type: 'SAVE_DRAFT' })).toMatchObject({ next: 'draft' });
    expect(run('draft', { type: 'SUBMIT', complete: true })).toMatchObject({ next: 'submitted' });
    expect(run('submitted', { type: 'RECEIVE', role: 'ward_officer' })).toMatchObject({
      next: 'received',
      context: { step: 0 },
    });
    expect(run('received', { type: 'SIGN', role: 'ward_officer' }, 0)).toMatchObject({
      next: 'received',
      context: { step: 1 },
    });
    expect(run('received', { type: 'SIGN', role: 'ward_chief' }, 1)).toMatchObject({ context: { step: 2 } });
    expect(run('received', { type: 'SIGN', role: 'ward_manager' }, 2)).toMatchObject({ next: 'signed_off' });
  });

  it('refuses an incomplete submission, signatures out of order, and anything after sign-off', () => {
    expect(run('draft', { type: 'SUBMIT', complete: false })).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    expect(run('received', { type: 'SIGN', role: 'ward_manager' }, 0)).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    expect(run('submitted', { type: 'RECEIVE', role: 'ward_chief' })).toMatchObject({ allowed: false });
    expect(run('signed_off', { type: 'SAVE_DRAFT' })).toMatchObject({
      allowed: false,
      reason: 'not-in-this-state',
    });
    expect(run('submitted', { type: 'SAVE_DRAFT' })).toMatchObject({
      allowed: false,
      reason: 'not-in-this-state',
    });
  });

  it('returns for correction, and the contractor submits again', () => {
    expect(run('submitted', { type: 'RETURN', role: 'ward_officer' })).toMatchObject({ next: 'returned' });
    expect(run('received', { type: 'RETURN', role: 'ward_chief' }, 1)).toMatchObject({
      next: 'returned',
      context: { step: 0 },
    });
    expect(run('returned', { type: 'SUBMIT', complete: true })).toMatchObject({ next: 'submitted' });
  });
});
