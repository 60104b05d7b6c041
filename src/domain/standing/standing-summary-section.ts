import type { SummarySection } from '../summaries/build-summary.js';
import { tierCountsOfWard } from './company-standing.js';

// リスク区分 in the council summary: how many of the municipality's companies stand in each tier
// on the day the summary is made, in the summary of the fiscal year that day falls in. No names: the
// summary is read by a committee; the officers' /companies page names them.

export const standingSummarySection: SummarySection = async (ctx, scope) => {
  // a standing is of today: a past or future fiscal year's summary has none
  if (scope.today < scope.from || scope.today > scope.to) return [];
  const counts = await tierCountsOfWard(ctx, scope.wardId, scope.departmentId);
  return (['C', 'B', 'A'] as const).map((tier) => ({
    key: `companies_tier_${tier.toLowerCase()}`,
    label: `リスク区分${tier}の事業者（作成日現在）`,
    labelEn: `Companies in tier ${tier} (on the day of the summary)`,
    value: counts[tier],
  }));
};
