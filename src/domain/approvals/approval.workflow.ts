import {
  APPROVAL_MACHINE_VERSION,
  type ApprovalEvent,
  approvalMachine,
} from '../../../workflows/approval/approval.machine.js';
import type { SignOffRole } from '../../../workflows/shared/sign-off.js';
import { createCouncilReportItem } from '../council/create-report-item.js';
import { signOffContext } from '../shared/stored-snapshot.js';
import type { Command, Workflow } from '../shared/workflow.js';
import { delegationApplicationOf } from './apply-for-delegation.js';
import { type Approval, findApproval } from './approval.repository.js';
import { onApproved, onRevoked } from './approval-effects.js';
import { checkApprovedBeforeStart, checkStartNotPassed } from './start-before-approval.js';
import { checkSubcontractorNotSuspended } from './suspensions.js';

// 委託・再委託の承認 on the shared step runner: the workflow once, each command as data.

export type ApprovalCommand =
  | 'submit'
  | 'start-review'
  | 'approve'
  | 'send-back'
  | 'reject'
  | 'resubmit'
  | 'revoke'
  | 'council-answer';

export interface ApprovalCommandInput {
  comment?: string | null;
  /** council-answer: the council's answer (答申) and its date. */
  answer?: 'approve' | 'reject';
  answeredOn?: string;
}

export const approvalWorkflow: Workflow<Approval> = {
  machine: approvalMachine,
  version: APPROVAL_MACHINE_VERSION,
  subject: 'Approval',
  name: { en: 'Approval', ja: '承認申請' },
  table: 'approvals',
  auditPrefix: 'approval',
  load: findApproval,
  context: (a) => ({ ...signOffContext(a), councilMode: a.councilMode }),
  persist: (context) => ({ step: context.step }),
  signOff: {
    steps: 'approval_steps',
    position: (a) => a,
    stamps: { startedBy: ['start_review'], signedBy: 'approve', awaitedIn: ['under_review'] },
  },
  auditState: (a) => ({ status: a.status, step: a.step, version: a.version }),
  stateNames: {
    draft: { en: 'a draft', ja: '下書き' },
    submitted: { en: 'submitted', ja: '申請済み（審査待ち）' },
    under_review: { en: 'under review', ja: '審査中（決裁中）' },
    changes_requested: { en: 'sent back', ja: '差戻し' },
    awaiting_council: { en: "awaiting the council's answer", ja: '審議会の答申待ち' },
    approved: { en: 'approved', ja: '承認' },
    rejected: { en: 'rejected', ja: '不承認' },
    revoked: { en: 'revoked', ja: '承認取消し' },
  },
};

type ApprovalStep = Command<Approval, ApprovalCommandInput>;

const FINAL = ['approved', 'rejected', 'revoked'];
const comment = (input: ApprovalCommandInput) => input.comment ?? null;
/** The signatures of the chain: the role the sign-off gives, the step row and the audit comment. */
function signature(
  name: ApprovalCommand,
  label: ApprovalStep['label'],
  event: (role: SignOffRole, input?: ApprovalCommandInput) => ApprovalEvent,
  extra: Partial<ApprovalStep> = {},
): ApprovalStep {
  return {
    name,
    label,
    can: { action: 'sign' },
    signs: 'current',
    step: { comment },
    event: ({ role, input }) => event(role!, input),
    apply: ({ next, now }) => (FINAL.includes(next.value) ? { decided_at: now } : {}),
    audit: ({ input }) => ({ after: { comment: comment(input) } }),
    ...extra,
  };
}

const submit: ApprovalStep = {
  name: 'submit',
  label: { en: 'submit', ja: '申請' },
  can: { action: 'update' },
  stepRole: 'applicant',
  step: { comment },
  event: () => ({ type: 'SUBMIT' }),
  apply: ({ record, now }) => {
    checkStartNotPassed(record, now);
    return { submitted_at: now };
  },
  audit: ({ input }) => ({ after: { comment: comment(input) } }),
};

export const approvalCommands: Record<ApprovalCommand, ApprovalStep> = {
  submit,
  resubmit: {
    ...submit,
    name: 'resubmit',
    label: { en: 'resubmit', ja: '再申請' },
    event: () => ({ type: 'RESUBMIT' }),
    // A resubmitted delegation is read again from the contract as it now stands.
    apply: async ({ tx, record, now }) => {
      checkStartNotPassed(record, now);
      if (record.application.kind !== 'delegation') return { submitted_at: now };
      const refreshed = await delegationApplicationOf(tx, record.contractId);
      return {
        submitted_at: now,
        application: JSON.stringify({ ...refreshed.application, changes: record.application.changes }),
        register_revision: refreshed.register.revision,
      };
    },
  },
  'start-review': signature(
    'start-review',
    { en: 'start the review', ja: '審査開始' },
    (role) => ({
      type: 'START_REVIEW',
      role,
    }),
    { signs: 'first' },
  ),
  approve: signature(
    'approve',
    { en: 'approve', ja: '承認（決裁）' },
    (role) => ({ type: 'APPROVE', role }),
    {
      apply: async ({ tx, record, next, now }) => {
        if (next.value === 'approved') {
          checkApprovedBeforeStart(record, now);
          await checkSubcontractorNotSuspended(tx, record);
        }
        return FINAL.includes(next.value) ? { decided_at: now } : {};
      },
      after: async (step) => {
        if (step.after.status !== 'approved' || step.before.status === 'approved') return;
        await onApproved(step, step.after);
        await createCouncilReportItem(step.tx, step.after, step.now);
      },
    },
  ),
  'send-back': signature('send-back', { en: 'send back', ja: '差戻し' }, (role) => ({
    type: 'SEND_BACK',
    role,
  })),
  reject: signature('reject', { en: 'reject', ja: '不承認' }, (role) => ({ type: 'REJECT', role })),
  // 承認の取消し is decided at the top of the chain (課長).
  revoke: signature('revoke', { en: 'revoke', ja: '承認取消し' }, (role) => ({ type: 'REVOKE', role }), {
    signs: 'top',
    after: (step) => onRevoked(step, step.after),
  }),
  // 答申の記録: the council's answer, recorded by the officer in charge (the first of the chain).
  'council-answer': signature(
    'council-answer',
    { en: "record the council's answer", ja: '答申の記録' },
    (role, input) => ({ type: 'COUNCIL_ANSWERED', role, answer: input?.answer ?? 'approve' }),
    {
      signs: 'first',
      stepRole: 'council',
      apply: ({ record, input, next, now }) => {
        if (next.value === 'approved') checkApprovedBeforeStart(record, now);
        return {
          council_answer: JSON.stringify({
            answer: input.answer,
            answeredOn: input.answeredOn,
            note: input.comment ?? null,
          }),
          ...(FINAL.includes(next.value) && { decided_at: now }),
        };
      },
    },
  ),
};
