import type { CustodyEvent } from '../../../workflows/custody/custody.machine.js';
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
import { type IdentityCheckInput, SEPARATE_OCCASION_MIN_GAP_MS } from './handover-terms.js';
import { findPackage, type HandoverPackage, latestEventAt, loadCustody } from './package.repository.js';

export interface HandoverInput {
  handedAt: Date;
  /** The ward staff member who handed it over; the actor when not named. */
  givenByUserId?: string | null;
  /** The receiving organisation's handler (取扱責任者・取扱者) who took it. */
  receivedByHandlerId: string;
  identityCheck: IdentityCheckInput;
  method: 'by_hand';
}

const CONTENTS = {
  media: '暗号化した個人情報データ（電磁的媒体）',
  password_notice: 'パスワード通知書',
} as const;

export function checkIdentity(identity: IdentityCheckInput): void {
  if (identity.method === 'other' && !identity.note?.trim()) {
    throw new ValidationError(
      { en: 'Say how identity was checked', ja: '本人確認の方法を記入してください' },
      [
        {
          path: 'identityCheck.note',
          message: 'describe the check when the method is "other"',
          message_ja: '「その他」の場合は確認の方法を記入してください',
        },
      ],
    );
  }
}

/**
 * 受渡し by hand of the media, or — on a separate, later occasion — of the password notice
 * (seed 003 運用8). Records when, who gave, who received and how identity was checked (受渡記録,
 * seed 000). The receiver must be on the receiving organisation's acknowledged handler list for
 * the contract at that moment.
 */
export async function handOverPackage(
  ctx: UseCaseContext,
  id: string,
  kind: 'media' | 'password_notice',
  input: HandoverInput,
  expectedVersion: number,
): Promise<HandoverPackage> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const pkg = await findPackage(tx, id, true);
    if (!pkg) throw notFound('Handover package', '受渡データ');
    authorizeStep(ctx, pkg, 'handover');
    const custody = await loadCustody(tx, pkg);

    let event: CustodyEvent = { type: 'HAND_OVER_MEDIA' };
    if (kind === 'password_notice') {
      const media = custody.handovers.find((h) => h.kind === 'media');
      const gap = media ? input.handedAt.getTime() - media.handedAt.getTime() : 0;
      event = { type: 'HAND_OVER_PASSWORD', separateOccasion: gap >= SEPARATE_OCCASION_MIN_GAP_MS };
    }
    const next = decideStep(pkg, event, expectedVersion, {
      en: 'The password notice must be handed over on a separate, later occasion from the media (at least an hour later)',
      ja: 'パスワード通知書は電磁的媒体とは別の機会（1時間以上後）に手渡ししてください',
    });

    checkIdentity(input.identityCheck);
    checkEventTime(input.handedAt, ctx.now(), latestEventAt(pkg, custody), 'handedAt');
    const giver = await wardPerson(tx, pkg.wardId, input.givenByUserId ?? ctx.actor.userId, 'givenByUserId');
    const receiver = await handlerOnList(tx, {
      wardId: pkg.wardId,
      contractId: pkg.contractId,
      organisationId: pkg.recipientOrgId,
      handlerId: input.receivedByHandlerId,
      at: input.handedAt,
    });
    if (!receiver) throw notOnList('receivedByHandlerId', input.handedAt);

    const row = await tx
      .insertInto('package_handovers')
      .values({
        ward_id: pkg.wardId,
        package_id: pkg.id,
        kind,
        handed_at: input.handedAt,
        method: input.method,
        giver_org_id: pkg.wardId,
        giver_user_id: giver.id,
        giver_name: giver.name,
        receiver_org_id: pkg.recipientOrgId,
        receiver_handler_id: receiver.id,
        receiver_name: receiver.fullName,
        identity_check: input.identityCheck.method,
        identity_note: input.identityCheck.note?.trim() || null,
        contents: `${CONTENTS[kind]}（受渡データ ${pkg.title}、SHA-256 ${pkg.ciphertextSha256}）`,
        recorded_by: ctx.actor.userId,
        recorded_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await saveState(tx, ctx, pkg, next);
    await audit({
      wardId: pkg.wardId,
      action: kind === 'media' ? 'handover_package.hand_over_media' : 'handover_package.hand_over_password',
      subjectType: 'HandoverPackage',
      subjectId: pkg.id,
      before: { status: pkg.status, version: pkg.version },
      after: {
        status: next,
        version: pkg.version + 1,
        handover: { id: row.id, handedAt: input.handedAt, receiver: receiver.fullName, giver: giver.name },
      },
    });
    return (await findPackage(tx, pkg.id))!;
  });
}
