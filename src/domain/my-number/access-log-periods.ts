import type { AccessLogReviewInterval } from '../../db/tables/access-log-reviews.js';
import { addDays } from '../shared/japan-date.js';

// When an access-log review (アクセスログの確認) is due: one per period of the contract's interval —
// a calendar month (monthly, the default), or a fiscal quarter (April–June, …, January–March) —
// cut to the contract period. Each is issued the day after its period ends and is due
// REVIEW_DAYS later (the logs of a period are reviewed promptly once it is over). All dates are
// Japanese calendar days (YYYY-MM-DD).

export interface ReviewPeriod {
  /** 2026-11 (monthly) or FY2026-Q3 (quarterly). */
  label: string;
  from: string;
  to: string;
  issueOn: string;
  dueOn: string;
}

/** The default interval of a My Number contract without a setting of its own. */
export const DEFAULT_REVIEW_INTERVAL: AccessLogReviewInterval = 'monthly';
/** Days after the end of a period by which its review is due. */
export const REVIEW_DAYS = 10;
/** How far back the daily jobs issue reviews they missed (a server down for a while). */
export const REVIEW_CATCH_UP_DAYS = 92;

const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);

/** The period of the interval that `day` falls in, uncut. */
function periodOf(
  day: string,
  interval: AccessLogReviewInterval,
): { label: string; from: string; to: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  if (interval === 'monthly')
    return { label: `${y}-${pad(m)}`, from: `${y}-${pad(m)}-01`, to: lastDay(y, m) };
  const fy = m >= 4 ? y : y - 1;
  const q = m >= 4 ? Math.floor((m - 4) / 3) + 1 : 4;
  const firstMonth = q === 4 ? 1 : 4 + (q - 1) * 3;
  const year = q === 4 ? fy + 1 : fy;
  return {
    label: `FY${fy}-Q${q}`,
    from: `${year}-${pad(firstMonth)}-01`,
    to: lastDay(year, firstMonth + 2),
  };
}

/**
 * The reviews to issue by `today`: every period of the interval that overlaps the contract and
 * whose (cut) end lies before today, issued within the last REVIEW_CATCH_UP_DAYS.
 */
export function reviewPeriodsToIssue(
  contract: { periodFrom: string; periodTo: string },
  interval: AccessLogReviewInterval,
  today: string,
): ReviewPeriod[] {
  const periods: ReviewPeriod[] = [];
  const earliest = addDays(today, -REVIEW_CATCH_UP_DAYS);
  let day = max(contract.periodFrom, addDays(earliest, -100));
  while (day <= contract.periodTo && day < today) {
    const p = periodOf(day, interval);
    const from = max(p.from, contract.periodFrom);
    const to = min(p.to, contract.periodTo);
    const issueOn = addDays(to, 1);
    if (issueOn <= today && issueOn > earliest)
      periods.push({ label: p.label, from, to, issueOn, dueOn: addDays(to, REVIEW_DAYS) });
    day = addDays(p.to, 1);
  }
  return periods;
}
