import { toCsv } from '../shared/csv.js';
import { csvDate, csvInstant } from '../shared/csv-values.js';
import type { CouncilSummary } from './build-summary.js';

const STATUS_JA: Record<string, string> = {
  draft: '起案中',
  approved: '承認済（未着手）',
  active: '履行中',
  ending: '終了手続中',
  closed: '完了',
};

/** The summary as CSV, UTF-8 with BOM so that Excel opens the Japanese text correctly; times in Japan time. */
export function summaryCsv(summary: CouncilSummary): string {
  const lines: (string | number)[][] = [
    [summary.selfWord ?? '自治体', summary.wardName],
    ['年度', summary.fiscalYearLabel],
    ['所管課', summary.department?.name ?? '全課'],
    ['作成日時', csvInstant(summary.generatedAt)],
    [],
    ['項目', 'item', '件数'],
    ...summary.figures.map((f) => [f.label, f.labelEn, f.value]),
    [],
    ['件名', '所管課', '受託者', '状態', '契約期間（自）', '契約期間（至）', '再委託'],
    ...summary.contracts.map((c) => [
      c.title,
      c.department,
      c.contractor,
      STATUS_JA[c.status] ?? c.status,
      csvDate(c.periodFrom),
      csvDate(c.periodTo),
      c.subcontracts,
    ]),
  ];
  return toCsv(lines);
}
