import type { Answers } from '../../../forms/compliance-report/compliance-report.form.js';
import type { ComplianceReport } from '../reports/report.repository.js';
import { reportCommands, reportWorkflow } from '../reports/report.workflow.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { takeStep } from '../shared/run-step.js';
import { findLinkByTokenHash, isLive } from './answer-link.repository.js';
import type { OpenedLink } from './open-answer-link.js';

/** What every spent, revoked or expired link answers: nothing more than an unknown one. */
export const linkGone = () => notFound('Link', 'リンク');

/**
 * The contact submits 別紙5 through the link: in one transaction the link is locked and checked
 * again (two tabs posting at once: the second finds it spent), the report's submit step runs on the
 * shared step runner exactly as for the company's manager — same checks, same discrepancies, same
 * audit entry, its actor the contact — and the link is spent with an audit entry of its own.
 * A refused submission (422 incomplete, 409 stale or no longer with the company) leaves the link
 * usable.
 */
export async function answerReportThroughLink(
  ctx: UseCaseContext,
  opened: OpenedLink,
  answers: Answers,
  expectedVersion: number,
): Promise<ComplianceReport> {
  return inTransaction(ctx, async (uow) => {
    const link = await findLinkByTokenHash(uow.tx, opened.tokenHash, true);
    if (!link || link.id !== opened.link.id || !isLive(link, ctx.now())) throw linkGone();
    if (link.purpose !== 'compliance_report_answer') throw linkGone();
    const result = await takeStep(
      uow,
      ctx,
      reportWorkflow,
      reportCommands.submit,
      link.targetId,
      { answers },
      { expectedVersion },
    );
    if (result.refused) throw result.refused;
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
      after: { usedAt: now.toISOString(), purpose: link.purpose, targetId: link.targetId },
    });
    return result.record;
  });
}
