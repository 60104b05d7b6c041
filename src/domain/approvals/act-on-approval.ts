import {
  type ApprovalEvent,
  type ApprovalState,
  approvalMachine,
  type SignOffRole,
} from '../../../workflows/approval/approval.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import { createCouncilReportItem } from '../council/create-report-item.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound } from '../shared/errors.js';
import { appendStep, signerRole } from '../shared/sign-off.js';
import { checkVersion } from '../shared/versioning.js';
import { delegationApplicationOf } from './apply-for-delegation.js';
import { type Approval, findApproval } from './approval.repository.js';
import { onApproved, onRevoked } from './approval-effects.js';

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

const ROLE_JA: Record<SignOffRole, string> = {
  ward_officer: '担当者',
  ward_chief: '係長',
  ward_manager: '課長',
};
const APPLICANT_COMMANDS: ApprovalCommand[] = ['submit', 'resubmit'];

function eventFor(command: ApprovalCommand, role: SignOffRole, input: ApprovalCommandInput): ApprovalEvent {
  switch (command) {
    case 'submit':
      return { type: 'SUBMIT' };
    case 'resubmit':
      return { type: 'RESUBMIT' };
    case 'start-review':
      return { type: 'START_REVIEW', role };
    case 'approve':
      return { type: 'APPROVE', role };
    case 'send-back':
      return { type: 'SEND_BACK', role };
    case 'reject':
      return { type: 'REJECT', role };
    case 'revoke':
      return { type: 'REVOKE', role };
    case 'council-answer':
      return { type: 'COUNCIL_ANSWERED', answer: input.answer ?? 'approve' };
  }
}

/**
 * Every step of an approval: lock it, check the ability and the version, let the machine decide
 * (state, sign-off order), save the state and the step, audit, and apply what the decision means
 * (access for the sub-contractor, the council report item) — in one transaction.
 */
export async function actOnApproval(
  ctx: UseCaseContext,
  id: string,
  command: ApprovalCommand,
  input: ApprovalCommandInput,
  expectedVersion: number,
): Promise<Approval> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const before = await findApproval(tx, id, true);
    if (!before) throw notFound('Approval', '承認申請');
    const applicant = APPLICANT_COMMANDS.includes(command);
    authorize(ctx.ability, applicant ? 'update' : 'sign', 'Approval', before);
    checkVersion('承認申請 / Approval', expectedVersion, before.version);

    const role = signerRole(
      ctx.actor,
      before.chain,
      command === 'revoke' ? before.chain[before.chain.length - 1] : before.chain[before.step],
    );
    const event = eventFor(command, role, input);
    const decision = decide(approvalMachine, before.status as ApprovalState, event, {
      chain: before.chain,
      step: before.step,
      councilMode: before.councilMode,
    });
    if (!decision.allowed) {
      const awaited = before.chain[before.step];
      throw new ConflictError(
        decision.reason === 'guard' && awaited
          ? {
              en: `This step awaits the ${awaited} (${ROLE_JA[awaited]}), in state ${before.status}`,
              ja: `この段階は${ROLE_JA[awaited]}の決裁待ちです（状態: ${before.status}）`,
            }
          : {
              en: `An approval in state ${before.status} cannot ${command}`,
              ja: `状態「${before.status}」の申請にはこの操作（${command}）はできません`,
            },
        { state: before.status, event: event.type, ...(awaited && { awaitedRole: awaited }) },
      );
    }

    const now = ctx.now();
    const next = decision.next;
    // A resubmitted delegation is read again from the contract as it now stands.
    const refreshed =
      command === 'resubmit' && before.application.kind === 'delegation'
        ? await delegationApplicationOf(tx, before.contractId)
        : undefined;
    await tx
      .updateTable('approvals')
      .set({
        status: next,
        step: decision.context.step as number,
        ...(refreshed && {
          application: JSON.stringify({
            ...refreshed.application,
            changes: before.application.kind === 'delegation' ? before.application.changes : [],
          }),
          register_revision: refreshed.register.revision,
        }),
        ...((command === 'submit' || command === 'resubmit') && { submitted_at: now }),
        ...(['approved', 'rejected', 'revoked'].includes(next) && { decided_at: now }),
        ...(command === 'council-answer' && {
          council_answer: JSON.stringify({
            answer: input.answer,
            answeredOn: input.answeredOn,
            note: input.comment ?? null,
          }),
        }),
        updated_at: now,
        version: before.version + 1,
      })
      .where('ward_id', '=', before.wardId)
      .where('id', '=', id)
      .execute();
    await appendStep(
      tx,
      { table: 'approval_steps', key: 'approval_id' },
      {
        wardId: before.wardId,
        recordId: id,
        role: applicant ? 'applicant' : command === 'council-answer' ? 'council' : role,
        decision: command.replace('-', '_'),
        comment: input.comment ?? null,
        userId: ctx.actor.userId,
        at: now,
      },
    );
    const after = (await findApproval(tx, id))!;
    if (next === 'approved' && before.status !== 'approved') {
      await onApproved(tx, after, now);
      await createCouncilReportItem(tx, after, now);
    }
    if (next === 'revoked') await onRevoked(tx, after, now, audit);
    await audit({
      wardId: before.wardId,
      action: `approval.${command}`,
      subjectType: 'Approval',
      subjectId: id,
      before: { status: before.status, step: before.step, version: before.version },
      after: {
        status: after.status,
        step: after.step,
        version: after.version,
        role,
        comment: input.comment ?? null,
      },
    });
    return after;
  });
}
