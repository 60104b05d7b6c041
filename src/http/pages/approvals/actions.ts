import type { Context } from 'hono';
import { type ApprovalCommand, actOnApproval } from '../../../domain/approvals/act-on-approval.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { ApprovalCommandBody, CouncilAnswerBody } from '../../schemas/approvals.js';
import { formErrors } from '../components/form.js';
import { readForm, refusal, versionOf } from '../components/form-body.js';
import { zodErrors } from '../contracts/contract-form.js';
import { pageCtx } from '../page-context.js';
import { redirectWithNotice } from '../render.js';
import { approvalDetailPage } from './detail.page.js';

export const APPROVAL_COMMANDS: ApprovalCommand[] = [
  'submit',
  'resubmit',
  'start-review',
  'approve',
  'send-back',
  'reject',
  'revoke',
  'council-answer',
];
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** One step of an approval (申請・審査開始・決裁・差戻し・不承認・取消し・答申), through actOnApproval. */
export function approvalAction(command: ApprovalCommand) {
  return async (c: Context<AppEnv>) => {
    const p = pageCtx(c);
    const id = c.req.param('id')!;
    const values = await readForm(c);
    const body = {
      comment: one(values.comment).trim() || null,
      version: versionOf(values),
      ...(command === 'council-answer' && { answer: one(values.answer), answeredOn: one(values.answeredOn) }),
    };
    const parsed = (command === 'council-answer' ? CouncilAnswerBody : ApprovalCommandBody).safeParse(body);
    if (!parsed.success) {
      const text = formErrors(p, zodErrors(parsed.error))
        .map((e) => e.text)
        .join(' / ');
      return approvalDetailPage(c, { text, status: 422 });
    }
    const { version, ...input } = parsed.data as typeof parsed.data & {
      answer?: 'approve' | 'reject';
      answeredOn?: string;
    };
    try {
      await actOnApproval(useCaseContext(c), id, command, input, version ?? 0);
    } catch (error) {
      const refused = refusal(p, error);
      return approvalDetailPage(c, {
        text: refused.errors.map((e) => e.text).join(' / '),
        status: refused.status,
      });
    }
    return redirectWithNotice(
      c,
      `/approvals/${id}`,
      command === 'submit' || command === 'resubmit' ? 'submitted' : 'stepDone',
    );
  };
}
