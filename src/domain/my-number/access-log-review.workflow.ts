import {
  ACCESS_LOG_REVIEW_MACHINE_VERSION,
  accessLogReviewMachine,
} from '../../../workflows/access-log-review/access-log-review.machine.js';
import { type FieldError, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import type { Command, Workflow } from '../shared/workflow.js';
import { type AccessLogReview, findAccessLogReview } from './access-log-review.repository.js';

// アクセスログの確認 on the shared step runner: the contractor's 業務責任者/取扱責任者 records the
// period's review; the city confirms it (確認) or sends it back.

export type AccessLogReviewCommand = 'record' | 'confirm' | 'send-back';

export interface AccessLogReviewInput {
  reviewedOn?: string | null;
  reviewerName?: string | null;
  logsReviewed?: string | null;
  anomaliesFound?: boolean | null;
  anomalyDescription?: string | null;
  actionTaken?: string | null;
  comment?: string | null;
}

export const accessLogReviewWorkflow: Workflow<AccessLogReview> = {
  machine: accessLogReviewMachine,
  version: ACCESS_LOG_REVIEW_MACHINE_VERSION,
  subject: 'AccessLogReview',
  name: { en: 'Access-log review', ja: 'アクセスログの確認' },
  table: 'access_log_reviews',
  auditPrefix: 'access_log_review',
  load: findAccessLogReview,
  stateNames: {
    issued: { en: 'not yet reviewed', ja: '未実施' },
    returned: { en: 'sent back', ja: '差戻し' },
    recorded: { en: 'reviewed, awaiting confirmation', ja: '実施済み（確認待ち）' },
    confirmed: { en: 'confirmed', ja: '確認済み' },
  },
};

type Step = Command<AccessLogReview, AccessLogReviewInput>;

const trimmed = (v: string | null | undefined) => v?.trim() || null;

/** What a review must say: when, who, which logs, and — when anomalies were found — what and the action. */
export function missingReview(input: AccessLogReviewInput | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const need = (path: keyof AccessLogReviewInput, ja: string) => {
    const v = input?.[path];
    if (typeof v === 'string' ? !v.trim() : v === undefined || v === null)
      errors.push({ path, message: 'required', message_ja: ja });
  };
  need('reviewedOn', '確認日を入力してください');
  need('reviewerName', '確認者（業務責任者・取扱責任者）を入力してください');
  need('logsReviewed', '確認したアクセスログ（システム・ログの種類・範囲）を入力してください');
  need('anomaliesFound', '不審なアクセス等の有無を選んでください');
  if (input?.anomaliesFound) {
    need('anomalyDescription', '不審なアクセス等の内容を入力してください');
    need('actionTaken', '講じた措置を入力してください');
  }
  return errors;
}

/** The review is made once the period has begun, and not in the future. */
function reviewDateError(review: Pick<AccessLogReview, 'periodFrom'>, on: string, today: string) {
  if (on >= review.periodFrom && on <= today) return undefined;
  return new ValidationError({ en: 'The review date is out of range', ja: '確認日が正しくありません' }, [
    {
      path: 'reviewedOn',
      message: `must lie between ${review.periodFrom} and today (${today})`,
      message_ja: `確認日は${review.periodFrom}から本日（${today}）までの日付にしてください`,
    },
  ]);
}

export const accessLogReviewCommands: Record<AccessLogReviewCommand, Step> = {
  record: {
    name: 'record',
    label: { en: 'record the review', ja: '確認結果の記録' },
    can: { action: 'update' },
    step: false,
    check: ({ input }) => {
      const errors = missingReview(input);
      if (errors.length)
        throw new ValidationError(
          { en: 'The access-log review is not complete', ja: 'アクセスログの確認結果に不足があります' },
          errors,
        );
    },
    event: ({ input }) => ({
      type: 'RECORD',
      complete: input === undefined || missingReview(input).length === 0,
    }),
    apply: ({ record, input, ctx, now }) => {
      const dateError = reviewDateError(record, input.reviewedOn!, toJapanDate(now));
      if (dateError) throw dateError;
      const anomalies = input.anomaliesFound === true;
      return {
        reviewed_on: input.reviewedOn!,
        reviewer_name: trimmed(input.reviewerName),
        logs_reviewed: trimmed(input.logsReviewed),
        anomalies_found: anomalies,
        anomaly_description: anomalies ? trimmed(input.anomalyDescription) : null,
        action_taken: trimmed(input.actionTaken),
        recorded_by: ctx.actor.userId,
        recorded_at: now,
      };
    },
  },
  confirm: {
    name: 'confirm',
    label: { en: 'confirm', ja: '確認' },
    can: { action: 'sign' },
    step: false,
    event: () => ({ type: 'CONFIRM' }),
    apply: ({ input, ctx, now }) => ({
      confirmed_by: ctx.actor.userId,
      confirmed_at: now,
      confirm_comment: trimmed(input.comment),
    }),
  },
  'send-back': {
    name: 'send-back',
    label: { en: 'send back', ja: '差戻し' },
    can: { action: 'sign' },
    step: false,
    check: ({ input }) => {
      if (!input.comment?.trim())
        throw new ValidationError({ en: 'Say what the review lacks', ja: '差戻しの理由を入力してください' }, [
          { path: 'comment', message: 'required', message_ja: '差戻しの理由を入力してください' },
        ]);
    },
    event: () => ({ type: 'SEND_BACK' }),
    apply: ({ input }) => ({ return_comment: input.comment!.trim() }),
  },
};
