import { describe, expect, it } from 'vitest';
import { decide } from '../shared/decide.js';
import { type IncidentEvent, type IncidentState, incidentMachine } from './incident.machine.js';

const chain = ['ward_officer', 'ward_chief', 'ward_manager'] as const;
const run = (state: IncidentState, event: IncidentEvent, step = 0, published = false) =>
  decide(incidentMachine, state, event, { chain: [...chain], step, published });

describe('incident workflow', () => {
  it('runs reported → instructed → responded → closed with sign-off', () => {
    expect(run('reported', { type: 'INSTRUCT', role: 'ward_officer' })).toMatchObject({
      next: 'in_progress',
    });
    expect(run('in_progress', { type: 'INSTRUCT', role: 'ward_manager' })).toMatchObject({
      next: 'in_progress',
    });
    expect(run('in_progress', { type: 'RESPOND' })).toMatchObject({
      next: 'responded',
      context: { step: 0 },
    });
    expect(run('responded', { type: 'SIGN', role: 'ward_officer' })).toMatchObject({
      next: 'responded',
      context: { step: 1 },
    });
    expect(run('responded', { type: 'SIGN', role: 'ward_manager' }, 2)).toMatchObject({ next: 'closed' });
  });

  it('refuses a response before instructions, signatures out of order, and changes after closing', () => {
    expect(run('reported', { type: 'RESPOND' })).toMatchObject({
      allowed: false,
      reason: 'not-in-this-state',
    });
    expect(run('responded', { type: 'SIGN', role: 'ward_chief' }, 0)).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    expect(run('closed', { type: 'INSTRUCT', role: 'ward_officer' })).toMatchObject({ allowed: false });
    expect(run('responded', { type: 'SEND_BACK', role: 'ward_officer' })).toMatchObject({
      next: 'in_progress',
    });
  });

  it('publishes once (公表), at any stage, by a ward signer, without moving the state', () => {
    for (const state of ['reported', 'in_progress', 'responded', 'closed'] as const) {
      expect(run(state, { type: 'PUBLISH', role: 'ward_officer' })).toMatchObject({
        allowed: true,
        next: state,
        context: { published: true },
      });
      expect(run(state, { type: 'PUBLISH', role: 'ward_officer' }, 0, true)).toMatchObject({
        allowed: false,
        reason: 'guard',
      });
    }
  });
});

describe('breach reports (漏えい等報告)', () => {
  const breach = (over: Partial<Record<'assessed' | 'preliminary' | 'final' | 'notice', boolean>> = {}) => ({
    assessed: false,
    preliminary: false,
    final: false,
    notice: false,
    ...over,
  });
  const ask = (state: IncidentState, event: IncidentEvent, b = breach()) =>
    decide(incidentMachine, state, event, { chain: [...chain], step: 0, published: false, breach: b });

  it('answers and records at every stage without moving the state', () => {
    for (const state of ['reported', 'in_progress', 'responded', 'closed'] as const) {
      expect(ask(state, { type: 'ASSESS_BREACH' })).toMatchObject({ allowed: true, next: state });
      for (const kind of ['preliminary', 'final', 'notice'] as const) {
        expect(ask(state, { type: 'RECORD_BREACH_REPORT', kind }, breach({ assessed: true }))).toMatchObject({
          allowed: true,
          next: state,
        });
      }
    }
  });

  it('refuses a report before the questions are answered, each report twice, and new answers after 確報', () => {
    expect(ask('reported', { type: 'RECORD_BREACH_REPORT', kind: 'preliminary' })).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
    expect(
      ask(
        'in_progress',
        { type: 'RECORD_BREACH_REPORT', kind: 'final' },
        breach({ assessed: true, final: true }),
      ),
    ).toMatchObject({ allowed: false, reason: 'guard' });
    expect(
      ask(
        'in_progress',
        { type: 'RECORD_BREACH_REPORT', kind: 'notice' },
        breach({ assessed: true, final: true }),
      ),
    ).toMatchObject({ allowed: true });
    expect(ask('closed', { type: 'ASSESS_BREACH' }, breach({ assessed: true, final: true }))).toMatchObject({
      allowed: false,
      reason: 'guard',
    });
  });

  it('reads a version-2 context (no breach) as nothing answered', () => {
    expect(run('reported', { type: 'ASSESS_BREACH' })).toMatchObject({ allowed: true });
    expect(run('reported', { type: 'RECORD_BREACH_REPORT', kind: 'notice' })).toMatchObject({
      allowed: false,
    });
  });
});
