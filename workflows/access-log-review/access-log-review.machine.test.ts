import { describe, expect, it } from 'vitest';
import { decide } from '../shared/decide.js';
import {
  type AccessLogReviewEvent,
  type AccessLogReviewState,
  accessLogReviewMachine,
} from './access-log-review.machine.js';

const run = (state: AccessLogReviewState, event: AccessLogReviewEvent) =>
  decide(accessLogReviewMachine, state, event);

describe('access-log review workflow (アクセスログの確認)', () => {
  it('is issued, recorded by the contractor and confirmed by the city', () => {
    expect(run('issued', { type: 'RECORD', complete: true })).toMatchObject({ next: 'recorded' });
    expect(run('recorded', { type: 'CONFIRM' })).toMatchObject({ next: 'confirmed' });
  });

  it('is sent back and recorded again', () => {
    expect(run('recorded', { type: 'SEND_BACK' })).toMatchObject({ next: 'returned' });
    expect(run('returned', { type: 'RECORD', complete: true })).toMatchObject({ next: 'recorded' });
  });

  it.each([
    ['an incomplete record', 'issued', { type: 'RECORD', complete: false }, 'guard'],
    ['an incomplete record after a send-back', 'returned', { type: 'RECORD', complete: false }, 'guard'],
    ['confirming before it is recorded', 'issued', { type: 'CONFIRM' }, 'not-in-this-state'],
    ['sending back before it is recorded', 'issued', { type: 'SEND_BACK' }, 'not-in-this-state'],
    ['confirming what was sent back', 'returned', { type: 'CONFIRM' }, 'not-in-this-state'],
    [
      'recording twice before the city decides',
      'recorded',
      { type: 'RECORD', complete: true },
      'not-in-this-state',
    ],
    ['sending back once confirmed', 'confirmed', { type: 'SEND_BACK' }, 'not-in-this-state'],
    ['recording once confirmed', 'confirmed', { type: 'RECORD', complete: true }, 'not-in-this-state'],
  ] as const)('refuses %s', (_what, state, event, reason) => {
    expect(run(state, event as AccessLogReviewEvent)).toMatchObject({ allowed: false, reason });
  });
});
