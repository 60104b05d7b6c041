import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound } from '../shared/errors.js';
import { type AnswerLink, answerLinkFields, findLink, toAnswerLink } from './answer-link.repository.js';

/** The links the ward's signer may see, newest first; for one record when `targetId` is given. */
export async function listAnswerLinks(
  ctx: UseCaseContext,
  query: { targetId?: string; limit?: number },
): Promise<AnswerLink[]> {
  let q = ctx.db
    .selectFrom('answer_links')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'AnswerLink', answerLinkFields));
  if (query.targetId) q = q.where('target_id', '=', query.targetId);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(query.limit ?? 100)
    .execute();
  return rows.map(toAnswerLink);
}

const NOT_FOUND = () => notFound('Answer link', '回答用リンク');

/**
 * Revokes a link that has not been used: it then answers like any unknown link. A used or already
 * revoked link is refused (409); one of another ward is not found (404).
 */
export async function revokeAnswerLink(ctx: UseCaseContext, id: string): Promise<AnswerLink> {
  const wardId = ctx.actor.wardId;
  if (!wardId) throw NOT_FOUND();
  return inTransaction(ctx, async (uow) => {
    const link = await findLink(uow.tx, wardId, id, true);
    if (!link) throw NOT_FOUND();
    authorize(ctx.ability, 'update', 'AnswerLink', link);
    if (link.usedAt || link.revokedAt) {
      throw new ConflictError({
        en: link.usedAt ? 'The link has already been used' : 'The link has already been revoked',
        ja: link.usedAt ? 'このリンクは使用済みです' : 'このリンクは取り消し済みです',
      });
    }
    const now = ctx.now();
    const row = await uow.tx
      .updateTable('answer_links')
      .set({ revoked_at: now })
      .where('ward_id', '=', wardId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await uow.audit({
      wardId,
      action: 'answer_link.revoke',
      subjectType: 'AnswerLink',
      subjectId: id,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
    return toAnswerLink(row);
  });
}
