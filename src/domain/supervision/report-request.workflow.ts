import {
  REPORT_REQUEST_MACHINE_VERSION,
  reportRequestMachine,
} from '../../../workflows/report-request/report-request.machine.js';
import { checkEvidence } from '../inspections/evidence.js';
import { type FieldError, ValidationError } from '../shared/errors.js';
import type { Command, Workflow } from '../shared/workflow.js';
import { findReportRequest, type ReportRequest } from './report-request.repository.js';

// 報告の求め on the shared step runner: the company asked answers (`answer`), the requester accepts
// (`accept`), sends back with a reason (`send-back`) or withdraws a request not yet answered
// (`withdraw`). No sign-off chain: the requester decides on its own answer.

export type ReportRequestCommand = 'answer' | 'accept' | 'send-back' | 'withdraw';

export interface ReportRequestCommandInput {
  /** answer: the report itself */
  text?: string | null;
  /** answer: attachments uploaded for the contract's ward */
  attachmentIds?: string[];
  /** accept / send-back / withdraw: the requester's comment (required to send back) */
  comment?: string | null;
}

export const reportRequestWorkflow: Workflow<ReportRequest> = {
  machine: reportRequestMachine,
  version: REPORT_REQUEST_MACHINE_VERSION,
  subject: 'ReportRequest',
  name: { en: 'Report request', ja: '報告の求め' },
  table: 'report_requests',
  auditPrefix: 'report_request',
  load: findReportRequest,
  stateNames: {
    requested: { en: 'requested', ja: '報告待ち' },
    answered: { en: 'answered', ja: '報告済み（確認待ち）' },
    returned: { en: 'sent back', ja: '差戻し（再報告待ち）' },
    accepted: { en: 'accepted', ja: '受理' },
    withdrawn: { en: 'withdrawn', ja: '取下げ' },
  },
};

type Step = Command<ReportRequest, ReportRequestCommandInput>;

const required = (path: string, en: string, ja: string): ValidationError =>
  new ValidationError({ en, ja }, [{ path, message: 'required', message_ja: ja } satisfies FieldError]);

/** A decision of the requester's: the `request` part of the record. */
function requesterStep(
  name: 'accept' | 'send-back' | 'withdraw',
  label: Step['label'],
  type: 'ACCEPT' | 'SEND_BACK' | 'WITHDRAW',
): Step {
  return {
    name,
    label,
    can: { action: 'update', field: 'request' },
    event: () => ({ type }),
    check:
      type === 'SEND_BACK'
        ? ({ input }) => {
            if (!input.comment?.trim())
              throw required('comment', 'Say what the report lacks', '差戻しの理由を入力してください');
          }
        : undefined,
    apply: ({ input, ctx, now }) => ({
      review_comment: input.comment?.trim() || null,
      ...(type !== 'WITHDRAW' && { decided_by: ctx.actor.userId, decided_at: now }),
    }),
    audit: ({ input }) => ({ after: { comment: input.comment?.trim() || null } }),
  };
}

export const reportRequestCommands: Record<ReportRequestCommand, Step> = {
  answer: {
    name: 'answer',
    label: { en: 'answer', ja: '報告' },
    can: { action: 'update', field: 'answer' },
    event: () => ({ type: 'ANSWER' }),
    check: ({ input }) => {
      if (!input.text?.trim()) throw required('text', 'Write the report', '報告の内容を入力してください');
    },
    apply: async ({ ctx, tx, record, input, now }) => {
      const ids = input.attachmentIds ?? [];
      await checkEvidence(ctx, tx, record.wardId, ids, 'attachmentIds');
      return {
        answer_text: input.text!.trim(),
        answer_attachment_ids: ids,
        answered_by: ctx.actor.userId,
        answered_at: now,
      };
    },
    audit: ({ after }) => ({ after: { attachments: after.answerAttachmentIds.length } }),
  },
  accept: requesterStep('accept', { en: 'accept', ja: '受理' }, 'ACCEPT'),
  'send-back': requesterStep('send-back', { en: 'send back', ja: '差戻し' }, 'SEND_BACK'),
  withdraw: requesterStep('withdraw', { en: 'withdraw', ja: '取下げ' }, 'WITHDRAW'),
};
