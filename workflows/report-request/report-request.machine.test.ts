import { describe, expect, it } from 'vitest';
import { decide } from '../shared/decide.js';
import {
  type ReportRequestEvent,
  type ReportRequestState,
  reportRequestMachine,
} from './report-request.machine.js';

const run = (state: ReportRequestState, type: ReportRequestEvent['type']) =>
  decide(reportRequestMachine, state, { type } as ReportRequestEvent);

describe('report request (報告の求め)', () => {
  it('runs requested → answered → accepted', () => {
    expect(run('requested', 'ANSWER')).toMatchObject({ allowed: true, next: 'answered' });
    expect(run('answered', 'ACCEPT')).toMatchObject({ allowed: true, next: 'accepted' });
  });

  it('sends an answer back and takes the next one', () => {
    expect(run('answered', 'SEND_BACK')).toMatchObject({ allowed: true, next: 'returned' });
    expect(run('returned', 'ANSWER')).toMatchObject({ allowed: true, next: 'answered' });
  });

  it('is withdrawn only while no answer waits', () => {
    expect(run('requested', 'WITHDRAW')).toMatchObject({ allowed: true, next: 'withdrawn' });
    expect(run('returned', 'WITHDRAW')).toMatchObject({ allowed: true, next: 'withdrawn' });
    expect(run('answered', 'WITHDRAW')).toMatchObject({ allowed: false, reason: 'not-in-this-state' });
  });

  it.each([
    ['requested', 'ACCEPT'],
    ['requested', 'SEND_BACK'],
    ['returned', 'ACCEPT'],
    ['answered', 'ANSWER'],
    ['accepted', 'ANSWER'],
    ['accepted', 'SEND_BACK'],
    ['accepted', 'WITHDRAW'],
    ['withdrawn', 'ANSWER'],
    ['withdrawn', 'ACCEPT'],
  ] as const)('refuses %s + %s', (state, event) => {
    expect(run(state, event)).toMatchObject({ allowed: false, reason: 'not-in-this-state' });
  });
});
