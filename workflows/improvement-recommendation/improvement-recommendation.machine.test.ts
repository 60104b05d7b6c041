import { describe, expect, it } from 'vitest';
import { decide } from '../shared/decide.js';
import {
  type ImprovementRecommendationEvent,
  type ImprovementRecommendationState,
  improvementRecommendationMachine,
} from './improvement-recommendation.machine.js';

const run = (state: ImprovementRecommendationState, event: ImprovementRecommendationEvent) =>
  decide(improvementRecommendationMachine, state, event);

describe('improvement recommendation workflow (改善勧告)', () => {
  it('is recommended, answered in writing, and closed', () => {
    expect(run('recommending', { type: 'RECOMMEND' })).toMatchObject({ next: 'recommended' });
    expect(run('recommended', { type: 'ANSWER', complete: true })).toMatchObject({ next: 'answered' });
    expect(run('answered', { type: 'CLOSE' })).toMatchObject({ next: 'closed' });
  });

  it('is sent back and answered again', () => {
    expect(run('answered', { type: 'SEND_BACK' })).toMatchObject({ next: 'sent_back' });
    expect(run('sent_back', { type: 'ANSWER', complete: true })).toMatchObject({ next: 'answered' });
  });

  it.each([
    ['an answer without measures or result', 'recommended', { type: 'ANSWER', complete: false }, 'guard'],
    ['closing before an answer', 'recommended', { type: 'CLOSE' }, 'not-in-this-state'],
    ['sending back before an answer', 'sent_back', { type: 'SEND_BACK' }, 'not-in-this-state'],
    [
      'a second answer before the decision',
      'answered',
      { type: 'ANSWER', complete: true },
      'not-in-this-state',
    ],
    ['anything once closed', 'closed', { type: 'SEND_BACK' }, 'not-in-this-state'],
  ] as const)('refuses %s', (_what, state, event, reason) => {
    expect(run(state, event as ImprovementRecommendationEvent)).toMatchObject({ allowed: false, reason });
  });
});
