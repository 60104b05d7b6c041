import {
  IMPROVEMENT_RECOMMENDATION_MACHINE_VERSION,
  improvementRecommendationMachine,
} from '../../../workflows/improvement-recommendation/improvement-recommendation.machine.js';
import { type FieldError, ValidationError } from '../shared/errors.js';
import type { Command, Workflow } from '../shared/workflow.js';
import { findRecommendation, type ImprovementRecommendation } from './recommendation.repository.js';

// 改善勧告 on the shared step runner: the contractor answers in writing (its measures and their
// result); the city closes the recommendation or sends the answer back.

export type RecommendationCommand = 'answer' | 'send-back' | 'close';

export interface RecommendationInput {
  measures?: string | null;
  result?: string | null;
  comment?: string | null;
}

export const recommendationWorkflow: Workflow<ImprovementRecommendation> = {
  machine: improvementRecommendationMachine,
  version: IMPROVEMENT_RECOMMENDATION_MACHINE_VERSION,
  subject: 'ImprovementRecommendation',
  name: { en: 'Improvement recommendation', ja: '改善勧告' },
  table: 'improvement_recommendations',
  auditPrefix: 'improvement_recommendation',
  load: findRecommendation,
  stateNames: {
    recommended: { en: 'awaiting the answer', ja: '回答待ち' },
    sent_back: { en: 'sent back for a new answer', ja: '再回答待ち（差戻し）' },
    answered: { en: 'answered', ja: '回答済み（確認待ち）' },
    closed: { en: 'closed', ja: '完了' },
  },
};

type Step = Command<ImprovementRecommendation, RecommendationInput>;

const missing = (input: RecommendationInput | undefined): FieldError[] => [
  ...(input?.measures?.trim()
    ? []
    : [{ path: 'measures', message: 'required', message_ja: '講じた改善措置を入力してください' }]),
  ...(input?.result?.trim()
    ? []
    : [{ path: 'result', message: 'required', message_ja: '改善措置の結果を入力してください' }]),
];

export const recommendationCommands: Record<RecommendationCommand, Step> = {
  answer: {
    name: 'answer',
    label: { en: 'answer', ja: '改善報告（回答）' },
    can: { action: 'update', field: 'answer' },
    check: ({ input }) => {
      const errors = missing(input);
      if (errors.length)
        throw new ValidationError(
          {
            en: 'State the measures taken and their result',
            ja: '改善措置とその結果を書面で報告してください',
          },
          errors,
        );
    },
    event: ({ input }) => ({ type: 'ANSWER', complete: input === undefined || missing(input).length === 0 }),
    apply: ({ input, ctx, now }) => ({
      measures: input.measures!.trim(),
      result: input.result!.trim(),
      answered_at: now,
      answered_by: ctx.actor.userId,
    }),
  },
  'send-back': {
    name: 'send-back',
    label: { en: 'send back', ja: '再回答の依頼（差戻し）' },
    can: { action: 'update', field: 'decision' },
    check: ({ input }) => {
      if (!input.comment?.trim())
        throw new ValidationError({ en: 'Say what the answer lacks', ja: '差戻しの理由を入力してください' }, [
          { path: 'comment', message: 'required', message_ja: '差戻しの理由を入力してください' },
        ]);
    },
    event: () => ({ type: 'SEND_BACK' }),
    apply: ({ input }) => ({ send_back_comment: input.comment!.trim() }),
  },
  close: {
    name: 'close',
    label: { en: 'close', ja: '完了（改善を確認）' },
    can: { action: 'update', field: 'decision' },
    event: () => ({ type: 'CLOSE' }),
    apply: ({ input, now }) => ({ closing_comment: input.comment?.trim() || null, closed_at: now }),
  },
};
