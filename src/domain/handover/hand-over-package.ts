import type { CustodyEvent } from '../../../workflows/custody/custody.machine.js';
import type { UseCaseContext } from '../shared/context.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { runStep } from '../shared/run-step.js';
import { type CustodyStep, custodyFacts, custodyWorkflow } from './custody.workflow.js';
import { checkEventTime, handlerOnList, notOnList, wardPerson } from './custody-steps.js';
import { type IdentityCheckInput, SEPARATE_OCCASION_MIN_GAP_MS } from './handover-terms.js';
import { type HandoverPackage, latestEventAt } from './package.repository.js';

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
function handOver(kind: 'media' | 'password_notice'): CustodyStep<HandoverInput> {
  return {
    name: kind === 'media' ? 'hand-over-media' : 'hand-over-password',
    label:
      kind === 'media'
        ? { en: 'hand over the media', ja: '媒体の受渡し' }
        : { en: 'hand over the password notice', ja: 'パスワード通知書の受渡し' },
    can: { action: 'update', field: 'handover' },
    facts: custodyFacts,
    event: ({ input, facts }): CustodyEvent => {
      if (kind === 'media') return { type: 'HAND_OVER_MEDIA' };
      const media = facts?.handovers.find((h) => h.kind === 'media');
      const gap =
        media && input ? input.handedAt.getTime() - media.handedAt.getTime() : SEPARATE_OCCASION_MIN_GAP_MS;
      return { type: 'HAND_OVER_PASSWORD', separateOccasion: gap >= SEPARATE_OCCASION_MIN_GAP_MS };
    },
    refusal: ({ reason, record }) =>
      reason === 'guard' && kind === 'password_notice'
        ? new ConflictError(
            {
              en: 'The password notice must be handed over on a separate, later occasion from the media (at least an hour later)',
              ja: 'パスワード通知書は電磁的媒体とは別の機会（1時間以上後）に手渡ししてください',
            },
            { state: record.status, event: 'HAND_OVER_PASSWORD' },
          )
        : undefined,
    apply: async ({ tx, ctx, record: pkg, input, facts, auditNote }) => {
      checkIdentity(input.identityCheck);
      checkEventTime(input.handedAt, ctx.now(), latestEventAt(pkg, facts), 'handedAt');
      const giver = await wardPerson(
        tx,
        pkg.wardId,
        input.givenByUserId ?? ctx.actor.userId,
        'givenByUserId',
      );
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
      auditNote.handover = {
        id: row.id,
        handedAt: input.handedAt,
        receiver: receiver.fullName,
        giver: giver.name,
      };
      return {};
    },
    audit: () => ({
      action: kind === 'media' ? 'handover_package.hand_over_media' : 'handover_package.hand_over_password',
    }),
  };
}

export const handOverMedia = handOver('media');
export const handOverPassword = handOver('password_notice');

export function handOverPackage(
  ctx: UseCaseContext,
  id: string,
  kind: 'media' | 'password_notice',
  input: HandoverInput,
  expectedVersion: number,
): Promise<HandoverPackage> {
  return runStep(
    ctx,
    custodyWorkflow,
    kind === 'media' ? handOverMedia : handOverPassword,
    id,
    input,
    expectedVersion,
  );
}
