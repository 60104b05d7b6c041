import { getHandler } from '../handlers/manage-handlers.js';
import { getReport } from '../reports/read-reports.js';
import type { UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound } from '../shared/errors.js';
import type { AnswerLinkPurpose } from './answer-link.repository.js';
import { awaitsCompany } from './linked-report.js';

/** The record a link is made for, as its maker sees it. */
export interface LinkTarget {
  id: string;
  wardId: string;
  organisationId: string;
  /** What the contact is asked, for the mail. */
  asked: { ja: string; en: string };
}

/**
 * The record a new link answers, read with the maker's own permissions (404 for one they may not
 * see) and only in the state a link is for: a compliance report awaiting the company (未回答, 下書き,
 * 差戻し); a handler of the ward's rosters without a pledge's copy yet.
 */
export async function linkTarget(
  ctx: UseCaseContext,
  purpose: AnswerLinkPurpose,
  id: string,
): Promise<LinkTarget> {
  if (purpose === 'compliance_report_answer') {
    const report = await getReport(ctx, id);
    if (!awaitsCompany(report)) {
      throw new ConflictError({
        en: 'The report no longer awaits the company’s answer; a link cannot be sent for it',
        ja: 'この報告書は受託者の回答待ちではないため、回答用リンクを作成できません',
      });
    }
    return {
      id: report.id,
      wardId: report.wardId,
      organisationId: report.organisationId,
      asked: {
        ja: `個人情報特記事項の遵守に関する報告書（別紙5、${report.period}）へのご回答`,
        en: `your answer to the compliance report (別紙5, ${report.period})`,
      },
    };
  }
  // a handler belongs to its company, not to a ward: the link is the maker's ward's
  const wardId = ctx.actor.wardId;
  if (!wardId) throw notFound('Handler', '取扱者');
  const handler = await getHandler(ctx, id);
  if (handler.pledges.some((p) => p.attachmentId)) {
    throw new ConflictError({
      en: `${handler.fullName}'s pledge has already been uploaded with its copy`,
      ja: `${handler.fullName}さんの誓約書は写しとともに登録済みです`,
    });
  }
  return {
    id: handler.id,
    wardId,
    organisationId: handler.organisationId,
    asked: {
      ja: `${handler.fullName}さんの誓約書（写し）のご提出`,
      en: `the signed pledge (誓約書) of ${handler.fullName}`,
    },
  };
}
