import { fiscalYearLabel } from '../../../domain/shared/wareki.js';
import type { PageCtx } from '../page-context.js';

/** A report period (2026H1) in words: 令和8年度 上期（4月〜9月） / FY2026 first half (April–September). */
export function periodText(p: PageCtx, period: string): string {
  const year = Number(period.slice(0, 4));
  const half = period.slice(5) === '2' ? '2' : '1';
  return p.t.reports.periodLabel(p.lang === 'ja' ? fiscalYearLabel(year) : `FY${year}`, half);
}
