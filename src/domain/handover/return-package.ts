import { loadMunicipalityWords } from '../organisations/municipality-words.js';
import type { UseCaseContext } from '../shared/context.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { runStep } from '../shared/run-step.js';
import { type CustodyStep, custodyFacts, custodyWorkflow } from './custody.workflow.js';
import { checkEventTime, handlerOnList, notOnList, wardPerson } from './custody-steps.js';
import { checkIdentity } from './hand-over-package.js';
import type { IdentityCheckInput } from './handover-terms.js';
import { type HandoverPackage, latestEventAt } from './package.repository.js';
import { stepTakeOut } from './take-out-package.js';

export interface ReturnInput {
  handedAt: Date;
  /** The receiving organisation's handler who brought it back. */
  givenByHandlerId: string;
  /** The ward staff member who took it; the actor when not named. */
  receivedByUserId?: string | null;
  identityCheck: IdentityCheckInput;
  method: 'by_hand';
  /** seed 003 運用12: 電磁的媒体（USB）、パスワード通知書は返却させ — both come back. */
  passwordNoticeReturned: boolean;
}

/**
 * 返却: the media (and the password notice, once handed over) come back to the ward by hand. The
 * ward then checks the package's hash (verifyReturnedPackage) before the return counts as complete.
 * A return during a take-out is allowed only for a take-out made for the return.
 */
export const returnCommand: CustodyStep<ReturnInput> = {
  name: 'return',
  duty: 'return_erasure',
  label: { en: 'receive its return', ja: '返却の受領' },
  can: { action: 'update', field: 'return' },
  facts: custodyFacts,
  event: ({ facts }) => ({
    type: 'RETURN',
    takeOutPurpose: facts?.takeOuts.find((t) => t.status === 'out')?.purpose ?? null,
  }),
  refusal: ({ reason, record }) =>
    reason === 'guard'
      ? new ConflictError(
          {
            en: 'The media is out for another purpose; it must be brought back to the cabinet first',
            ja: '返却以外の目的で持ち出し中です。先に保管場所へ戻してください',
          },
          { state: record.status, event: 'RETURN' },
        )
      : undefined,
  apply: async ({ tx, ctx, record: pkg, input, facts, auditNote }) => {
    const noticeHandedOver = facts.handovers.some((h) => h.kind === 'password_notice');
    if (noticeHandedOver && !input.passwordNoticeReturned) {
      throw new ValidationError(
        { en: 'The password notice comes back with the media', ja: 'パスワード通知書も返却してください' },
        [
          {
            path: 'passwordNoticeReturned',
            message: 'the password notice was handed over and must be returned too',
            message_ja: 'パスワード通知書は受け渡されているため、媒体とともに返却が必要です',
          },
        ],
      );
    }
    checkIdentity(input.identityCheck);
    checkEventTime(input.handedAt, ctx.now(), latestEventAt(pkg, facts), 'handedAt');
    const giver = await handlerOnList(tx, {
      wardId: pkg.wardId,
      contractId: pkg.contractId,
      organisationId: pkg.recipientOrgId,
      handlerId: input.givenByHandlerId,
      at: input.handedAt,
    });
    if (!giver) throw notOnList('givenByHandlerId', input.handedAt);
    const receiver = await wardPerson(
      tx,
      pkg.wardId,
      input.receivedByUserId ?? ctx.actor.userId,
      'receivedByUserId',
    );
    await tx
      .insertInto('package_handovers')
      .values({
        ward_id: pkg.wardId,
        package_id: pkg.id,
        kind: 'return',
        handed_at: input.handedAt,
        method: input.method,
        giver_org_id: pkg.recipientOrgId,
        giver_handler_id: giver.id,
        giver_name: giver.fullName,
        receiver_org_id: pkg.wardId,
        receiver_user_id: receiver.id,
        receiver_name: receiver.name,
        identity_check: input.identityCheck.method,
        identity_note: input.identityCheck.note?.trim() || null,
        contents: `電磁的媒体（USB）${noticeHandedOver ? '及びパスワード通知書' : ''}の返却（受渡データ ${pkg.title}）`,
        recorded_by: ctx.actor.userId,
        recorded_at: ctx.now(),
      })
      .execute();
    const trip = facts.takeOuts.find((t) => t.status === 'out');
    if (trip) {
      await tx
        .updateTable('package_take_outs')
        .set({
          status: stepTakeOut(trip.status, { type: 'HANDED_BACK' }),
          back_at: input.handedAt,
          back_check: `${(await loadMunicipalityWords(tx, pkg.wardId)).self.ja}へ返却`,
        })
        .where('ward_id', '=', pkg.wardId)
        .where('id', '=', trip.id)
        .execute();
    }
    Object.assign(auditNote, { handedAt: input.handedAt, giver: giver.fullName });
    return {};
  },
};

export function returnPackage(
  ctx: UseCaseContext,
  id: string,
  input: ReturnInput,
  expectedVersion: number,
): Promise<HandoverPackage> {
  return runStep(ctx, custodyWorkflow, returnCommand, id, input, expectedVersion);
}
