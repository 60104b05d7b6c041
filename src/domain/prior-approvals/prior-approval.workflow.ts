import {
  PRIOR_APPROVAL_MACHINE_VERSION,
  type PriorApprovalEvent,
  priorApprovalMachine,
} from '../../../workflows/prior-approval/prior-approval.machine.js';
import type { SignOffRole } from '../../../workflows/shared/sign-off.js';
import { ConflictError, type FieldError, ValidationError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { signOffContext } from '../shared/stored-snapshot.js';
import type { Command, Workflow } from '../shared/workflow.js';
import { findPriorApproval, type PriorApproval } from './prior-approval.repository.js';
import { KIND_DUTIES } from './prior-approval-terms.js';

// 事前承認 on the shared step runner: the ward's chain approves (担当者 → 係長 → 課長), sends back or
// rejects; the applicant applies again, withdraws, or records it done — a disposal that needs a
// witness (立会い) with the witness's name and date.

export type PriorApprovalCommand = 'approve' | 'send-back' | 'reject' | 'resubmit' | 'withdraw' | 'complete';

export interface PriorApprovalCommandInput {
  comment?: string | null;
  /** resubmit: what the applicant corrects after a send-back */
  reason?: string | null;
  quantity?: number | null;
  periodFrom?: string | null;
  periodTo?: string | null;
  place?: string | null;
  recipient?: string | null;
  /** complete: when and how it was done, and the witness when the contract requires one */
  completedOn?: string | null;
  method?: string | null;
  witnessName?: string | null;
  witnessedOn?: string | null;
  note?: string | null;
}

export const priorApprovalWorkflow: Workflow<PriorApproval> = {
  machine: priorApprovalMachine,
  version: PRIOR_APPROVAL_MACHINE_VERSION,
  subject: 'PriorApproval',
  name: { en: 'Prior approval', ja: '事前承認' },
  table: 'prior_approvals',
  auditPrefix: 'prior_approval',
  load: findPriorApproval,
  contractIdOf: (p) => p.contractId,
  context: (p) => ({
    ...signOffContext(p),
    needsApproval: p.needsApproval,
    witnessRequired: p.witnessRequired,
  }),
  persist: (context) => ({ step: context.step }),
  signOff: {
    steps: 'prior_approval_steps',
    position: (p) => p,
    stamps: { startedBy: ['apply', 'resubmit'], signedBy: 'approve', awaitedIn: ['applied'] },
  },
  auditState: (p) => ({ status: p.status, step: p.step, version: p.version }),
  stateNames: {
    applied: { en: 'applied for', ja: '申請中（決裁中）' },
    returned: { en: 'sent back', ja: '差戻し' },
    approved: { en: 'approved', ja: '承認済み' },
    rejected: { en: 'rejected', ja: '不承認' },
    notified: { en: 'notified', ja: '届出済み' },
    withdrawn: { en: 'withdrawn', ja: '取下げ' },
    done: { en: 'done', ja: '実施済み' },
  },
};

type Step = Command<PriorApproval, PriorApprovalCommandInput>;

const field = (path: string, ja: string): FieldError => ({ path, message: 'required', message_ja: ja });

/** A signature of the ward's chain, in the role the actor holds in it. */
function wardStep(
  name: PriorApprovalCommand,
  label: Step['label'],
  event: (role: SignOffRole) => PriorApprovalEvent,
  extra: Partial<Step> = {},
): Step {
  return {
    name,
    label,
    can: { action: 'sign' },
    signs: 'current',
    step: { comment: (input) => input.comment ?? null },
    event: ({ role }) => event(role!),
    ...extra,
  };
}

/** A step of the applicant's (its manager: 取扱責任者). */
function applicantStep(name: PriorApprovalCommand, label: Step['label'], extra: Partial<Step>): Step {
  return {
    name,
    label,
    can: { action: 'update' },
    // what the applicant does answers the duty of its kind: its refusals cite that article
    duty: (p) => KIND_DUTIES[p.kind],
    stepRole: 'applicant',
    step: { comment: (input) => input.comment ?? input.note ?? null },
    event: () => ({ type: 'WITHDRAW' }),
    ...extra,
  };
}

const decided: Step['apply'] = ({ next, now }) =>
  next.value === 'approved' || next.value === 'rejected' ? { decided_at: now } : {};

function checkCompletion({ record, input }: { record: PriorApproval; input: PriorApprovalCommandInput }) {
  const errors: FieldError[] = [];
  if (!input.completedOn) errors.push(field('completedOn', '実施日を入力してください'));
  if (record.kind === 'disposal' && !input.method?.trim())
    errors.push(field('method', '廃棄の方法を入力してください'));
  const earliest = toJapanDate(record.decidedAt ?? record.appliedAt);
  if (input.completedOn && input.completedOn < earliest)
    errors.push({
      path: 'completedOn',
      message: `must not be before ${earliest}, when it was ${record.decidedAt ? 'approved' : 'notified'}`,
      message_ja: `${record.decidedAt ? '承認' : '届出'}の日（${earliest}）より前の日付は指定できません`,
    });
  if (input.witnessedOn && input.completedOn && input.witnessedOn !== input.completedOn)
    errors.push({
      path: 'witnessedOn',
      message: 'the witness attends the disposal: same day',
      message_ja: '立会日は廃棄の実施日と同じ日にしてください',
    });
  if (errors.length)
    throw new ValidationError(
      { en: 'The record of what was done is incomplete', ja: '実施の記録に不足があります' },
      errors,
    );
}

const witnessed = (input: PriorApprovalCommandInput | undefined) =>
  Boolean(input?.witnessName?.trim() && input?.witnessedOn);

export const priorApprovalCommands: Record<PriorApprovalCommand, Step> = {
  approve: wardStep('approve', { en: 'approve', ja: '承認' }, (role) => ({ type: 'APPROVE', role }), {
    apply: decided,
  }),
  'send-back': wardStep(
    'send-back',
    { en: 'send back', ja: '差戻し' },
    (role) => ({ type: 'SEND_BACK', role }),
    {
      check: ({ input }) => {
        if (!input.comment?.trim())
          throw new ValidationError(
            { en: 'Say what must be corrected', ja: '差戻しの理由を入力してください' },
            [field('comment', '差戻しの理由を入力してください')],
          );
      },
    },
  ),
  reject: wardStep('reject', { en: 'reject', ja: '不承認' }, (role) => ({ type: 'REJECT', role }), {
    apply: decided,
  }),
  resubmit: applicantStep(
    'resubmit',
    { en: 'apply again', ja: '再申請' },
    {
      event: () => ({ type: 'RESUBMIT' }),
      check: ({ record, input }) => {
        // what the kind needs stays given: the copies of a copying, the recipient of another use
        if (record.kind === 'copy' && input.quantity === null)
          throw new ValidationError(
            { en: 'The number of copies is required', ja: '部数を入力してください' },
            [field('quantity', '複写・複製する部数を入力してください')],
          );
        if (record.kind === 'other_use' && input.recipient !== undefined && !input.recipient?.trim())
          throw new ValidationError({ en: 'Name the recipient', ja: '提供先・利用先を入力してください' }, [
            field('recipient', '提供先・利用先の名称と利用目的を入力してください'),
          ]);
        const from = input.periodFrom ?? record.periodFrom;
        const to = input.periodTo ?? record.periodTo;
        if (to < from)
          throw new ValidationError(
            { en: 'The period ends before it starts', ja: '期間の終わりが始まりより前です' },
            [{ path: 'periodTo', message: 'before periodFrom', message_ja: '終了日が開始日より前です' }],
          );
      },
      apply: ({ input }) => ({
        ...(input.reason?.trim() && { reason: input.reason.trim() }),
        ...(input.quantity !== undefined && { quantity: input.quantity }),
        ...(input.periodFrom && { period_from: input.periodFrom }),
        ...(input.periodTo && { period_to: input.periodTo }),
        ...(input.place?.trim() && { place: input.place.trim() }),
        ...(input.recipient !== undefined && { recipient: input.recipient?.trim() || null }),
      }),
    },
  ),
  withdraw: applicantStep('withdraw', { en: 'withdraw', ja: '取下げ' }, {}),
  complete: applicantStep(
    'complete',
    { en: 'record as done', ja: '実施の記録' },
    {
      check: checkCompletion,
      event: ({ input }) => ({ type: 'COMPLETE', witnessed: input === undefined || witnessed(input) }),
      refusal: ({ record, reason }) =>
        reason === 'guard' && record.witnessRequired
          ? new ConflictError(
              {
                en: 'This contract requires a witness (立会い) of the disposal: record the witness and the date first',
                ja: 'この契約では廃棄に{self}の立会いが必要です。立会人の氏名と立会日を記録してください',
              },
              { state: record.status, event: 'COMPLETE', missing: ['witnessName', 'witnessedOn'] },
            )
          : undefined,
      apply: ({ input, ctx }) => ({
        completed_on: input.completedOn,
        method: input.method?.trim() || null,
        witness_name: input.witnessName?.trim() || null,
        witnessed_on: input.witnessedOn || null,
        completion_note: input.note?.trim() || null,
        completed_by: ctx.actor.userId,
      }),
    },
  ),
};
