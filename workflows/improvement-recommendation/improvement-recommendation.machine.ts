import { setup } from 'xstate';

// 改善勧告 (seed 004 6): where the service level falls short of what the city requires, the city
// recommends improvement measures (原因の分析、課題の抽出、改善策の策定等) with a due date; the
// contractor takes them at once and reports its measures and their result in writing; the city
// closes the recommendation or sends the answer back, and the contractor answers again.
//
// recommending → recommended → answered → closed
//                                 ↘ sent_back → answered …

export type ImprovementRecommendationState =
  | 'recommending'
  | 'recommended'
  | 'answered'
  | 'sent_back'
  | 'closed';

export type ImprovementRecommendationEvent =
  | { type: 'RECOMMEND' }
  /** `complete`: both the measures taken and their result are written. */
  | { type: 'ANSWER'; complete: boolean }
  | { type: 'SEND_BACK' }
  | { type: 'CLOSE' };

export const IMPROVEMENT_RECOMMENDATION_MACHINE_VERSION = 1;

export const improvementRecommendationMachine = setup({
  types: { events: {} as ImprovementRecommendationEvent },
  guards: {
    complete: ({ event }: { event: ImprovementRecommendationEvent }) =>
      event.type === 'ANSWER' && event.complete,
  },
}).createMachine({
  id: 'improvement-recommendation',
  initial: 'recommending',
  states: {
    /** Not yet stored: the city's recommendation. */
    recommending: { on: { RECOMMEND: 'recommended' } },
    /** 勧告済み: the contractor's written answer is awaited. */
    recommended: { on: { ANSWER: { guard: 'complete', target: 'answered' } } },
    /** 再回答を求める: the city sent the answer back. */
    sent_back: { on: { ANSWER: { guard: 'complete', target: 'answered' } } },
    /** 回答済み: the city closes it or sends it back. */
    answered: { on: { CLOSE: 'closed', SEND_BACK: 'sent_back' } },
    closed: { type: 'final' },
  },
});

/** Whose move it is: the contractor's while recommended or sent back. */
export const AWAITING_ANSWER: readonly ImprovementRecommendationState[] = ['recommended', 'sent_back'];
