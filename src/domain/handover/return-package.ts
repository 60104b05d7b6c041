import type { TakeOutState } from '../../../workflows/custody/take-out.machine.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound, ValidationError } from '../shared/errors.js';
import {
  authorizeStep,
  checkEventTime,
  decideStep,
  handlerOnList,
  notOnList,
  saveState,
  wardPerson,
} from './custody-steps.js';
import { checkIdentity } from './hand-over-package.js';
import type { IdentityCheckInput } from './handover-terms.js';
import { findPackage, type HandoverPackage, latestEventAt, loadCustody } from './package.repository.js';
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
export async function returnPackage(
  ctx: UseCaseContext,
  id: string,
  input: ReturnInput,
  expectedVersion: number,
): Promise<HandoverPackage> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const pkg = await findPackage(tx, id, true);
    if (!pkg) throw notFound('Handover package', '受渡データ');
    authorizeStep(ctx, pkg, 'return');
    const custody = await loadCustody(tx, pkg);
    const trip = custody.takeOuts.find((t) => t.status === 'out');
    const next = decideStep(pkg, { type: 'RETURN', takeOutPurpose: trip?.purpose ?? null }, expectedVersion, {
      en: 'The media is out for another purpose; it must be brought back to the cabinet first',
      ja: '返却以外の目的で持ち出し中です。先に保管場所へ戻してください',
    });
    const noticeHandedOver = custody.handovers.some((h) => h.kind === 'password_notice');
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
    checkEventTime(input.handedAt, ctx.now(), latestEventAt(pkg, custody), 'handedAt');
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
    if (trip) {
      await tx
        .updateTable('package_take_outs')
        .set({
          status: stepTakeOut(trip.status as TakeOutState, { type: 'HANDED_BACK' }),
          back_at: input.handedAt,
          back_check: '区へ返却',
        })
        .where('ward_id', '=', pkg.wardId)
        .where('id', '=', trip.id)
        .execute();
    }
    await saveState(tx, ctx, pkg, next);
    await audit({
      wardId: pkg.wardId,
      action: 'handover_package.return',
      subjectType: 'HandoverPackage',
      subjectId: pkg.id,
      before: { status: pkg.status, version: pkg.version },
      after: { status: next, version: pkg.version + 1, handedAt: input.handedAt, giver: giver.fullName },
    });
    return (await findPackage(tx, pkg.id))!;
  });
}
