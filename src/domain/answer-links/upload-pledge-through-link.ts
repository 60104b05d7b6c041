import { uploadAttachment } from '../attachments/upload-attachment.js';
import type { Handler } from '../handlers/handler.repository.js';
import { getHandler, loadForCheck, recordPledgeIn } from '../handlers/manage-handlers.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { NotFoundError } from '../shared/errors.js';
import { findLinkByTokenHash, isLive } from './answer-link.repository.js';
import { linkGone } from './answer-through-link.js';
import type { OpenedLink } from './open-answer-link.js';

export interface PledgeThroughLink {
  file: { filename: string; declaredType: string; bytes: Uint8Array };
  signedOn: string;
  wordingVersion?: string | null;
  bindsAfterContract: boolean;
  bindsAfterLeaving: boolean;
}

/** The handler a pledge link names, read as its contact; undefined when the link cannot be used. */
export async function readLinkedHandler(
  ctx: UseCaseContext,
  opened: OpenedLink,
): Promise<Handler | undefined> {
  if (opened.link.purpose !== 'handler_pledge_upload') return undefined;
  try {
    const handler = await getHandler(ctx, opened.link.targetId);
    return handler.pledges.some((p) => p.attachmentId) ? undefined : handler;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/**
 * The contact uploads a handler's signed pledge (誓約書) through the link, as the company's manager
 * does: the copy is stored by the attachments use case (size, type sniffing, SHA-256; its own
 * transaction and audit entry, kept as the company's evidence for the ward), then in one
 * transaction the link is locked and checked again, the pledge is recorded with the copy and the
 * link is spent, each audited as the contact.
 */
export async function uploadPledgeThroughLink(
  ctx: UseCaseContext,
  opened: OpenedLink,
  input: PledgeThroughLink,
): Promise<Handler> {
  if (opened.link.purpose !== 'handler_pledge_upload') throw linkGone();
  const handler = await loadForCheck(ctx, opened.link.targetId, 'update');
  const copy = await uploadAttachment(ctx, { ...input.file, purpose: 'pledge', wardId: opened.link.wardId });
  return inTransaction(ctx, async (uow) => {
    const link = await findLinkByTokenHash(uow.tx, opened.tokenHash, true);
    if (!link || link.id !== opened.link.id || !isLive(link, ctx.now())) throw linkGone();
    const recorded = await recordPledgeIn(uow, ctx, handler, {
      signedOn: input.signedOn,
      attachmentId: copy.id,
      wordingVersion: input.wordingVersion ?? null,
      bindsAfterContract: input.bindsAfterContract,
      bindsAfterLeaving: input.bindsAfterLeaving,
    });
    const now = ctx.now();
    await uow.tx
      .updateTable('answer_links')
      .set({ used_at: now })
      .where('ward_id', '=', link.wardId)
      .where('id', '=', link.id)
      .execute();
    await uow.audit({
      wardId: link.wardId,
      action: 'answer_link.use',
      subjectType: 'AnswerLink',
      subjectId: link.id,
      before: { usedAt: null },
      after: {
        usedAt: now.toISOString(),
        purpose: link.purpose,
        targetId: link.targetId,
        attachmentId: copy.id,
      },
    });
    return recorded;
  });
}
