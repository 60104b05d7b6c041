import { contractReviewWorkflow } from '../contract-reviews/contract-review.workflow.js';
import { listReviewsDue } from '../contract-reviews/contract-reviews.js';
import { CHANGE_NAMES, type ReviewChanges } from '../contract-reviews/review-changes.js';
import type { Message } from '../shared/errors.js';
import { contractTitles } from './contract-titles.js';
import type { Source } from './worklist.js';

/** 「情報項目の変更 2件、事故報告 1件」: the changes that are not zero, or that there were none. */
export function describeChanges(changes: ReviewChanges): Message {
  const counted = (Object.keys(CHANGE_NAMES) as (keyof ReviewChanges)[]).filter(
    (k) => k !== 'auditEntries' && changes[k] > 0,
  );
  if (!counted.length)
    return {
      ja: `前回以降の変更なし（監査ログ ${changes.auditEntries}件）`,
      en: `No changes since the last review (${changes.auditEntries} audited entries)`,
    };
  return {
    ja: `前回以降：${counted.map((k) => `${CHANGE_NAMES[k].ja} ${changes[k]}件`).join('、')}`,
    en: `Since the last review: ${counted.map((k) => `${CHANGE_NAMES[k].en.toLowerCase()} ${changes[k]}`).join(', ')}`,
  };
}

/** 見直し: a contract's review due today or earlier, with what changed since the last one. */
export const contractReviewSource: Source = {
  kind: 'contract-reviews',
  applies: (ctx) => ctx.actor.organisationKind !== 'company' && ctx.ability.can('update', 'ContractReview'),
  load: async (ctx, limit) => {
    const { items, more } = await listReviewsDue(ctx, limit);
    // only contracts with a review cycle come due: no panel while none has
    if (!items.length) return null;
    const titles = await contractTitles(
      ctx,
      items.map((r) => r.contractId),
    );
    return {
      more,
      items: items.map((r) => ({
        kind: 'contract-reviews' as const,
        subjectType: 'ContractReview',
        subjectId: r.id,
        label: { en: 'Contract review', ja: '契約の見直し' },
        title: titles.get(r.contractId) ?? '',
        party: null,
        status: r.status,
        state: contractReviewWorkflow.stateNames[r.status] ?? null,
        since: r.issuedAt,
        dueOn: r.dueOn,
        overdue: r.overdue,
        href: `/contracts/${r.contractId}/review`,
        detail: describeChanges(r.changesSince),
      })),
    };
  },
};
