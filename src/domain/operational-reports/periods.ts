import type { OperationalReportKind } from '../../db/tables/operational-reports.js';
import { addDays } from '../shared/japan-date.js';

// When each operational report (業務報告, seed 004 4(4)②) is requested and due:
// - 業務日報: for each working day of the contract period, requested that day, due the next working day
//   (毎日作業終了後に報告). A working day is Monday to Friday: the repository holds no list of
//   Japanese public holidays, so a holiday is treated as a working day (the contractor submits a
//   short report for it); a holiday list would go in `isWorkingDay` only.
// - 業務月報: for each calendar month (cut to the contract period), requested the day after it ends,
//   due at the end of the following month (翌月に報告).
// - 業務年報: for each fiscal year (April–March, cut to the contract period), requested on 1 April and
//   due on 20 April of the following fiscal year (翌年度4月20日まで) — except the year the contract
//   ends in: that one is due on the contract's last day (契約満了日の会計年度分を年度末に報告) and
//   is requested on the first day of that month.
// All dates are Japanese calendar days (YYYY-MM-DD).

export type PeriodicKind = Exclude<OperationalReportKind, 'adhoc'>;

export interface OperationalPeriod {
  kind: PeriodicKind;
  /** 2026-12-08 (daily), 2026-12 (monthly), FY2026 (yearly). */
  label: string;
  from: string;
  to: string;
  /** The day the request goes out. */
  issueOn: string;
  dueOn: string;
}

export interface ContractSpan {
  periodFrom: string;
  periodTo: string;
}

/** How far back the scheduler issues requests it missed (a server down for a while). */
export const CATCH_UP_DAYS = 31;

const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);

/** Monday to Friday (see above: no holiday list in the repository). */
export function isWorkingDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first working day after `day`. */
export function nextWorkingDay(day: string): string {
  let d = addDays(day, 1);
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The last day of the month of `day`. */
export function endOfMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The fiscal year (April–March) a day falls in: 2027-03-31 → 2026. */
export function fiscalYearOfDay(day: string): number {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}

/** 業務日報 of one day, or null when it is not a working day of the contract. */
export function dailyPeriod(day: string, contract: ContractSpan): OperationalPeriod | null {
  if (day < contract.periodFrom || day > contract.periodTo || !isWorkingDay(day)) return null;
  return { kind: 'daily', label: day, from: day, to: day, issueOn: day, dueOn: nextWorkingDay(day) };
}

/** 業務月報 of one month ('2026-12'), or null when the contract did not run in it. */
export function monthlyPeriod(month: string, contract: ContractSpan): OperationalPeriod | null {
  const first = `${month}-01`;
  const last = endOfMonth(first);
  const from = max(first, contract.periodFrom);
  const to = min(last, contract.periodTo);
  if (from > to) return null;
  return {
    kind: 'monthly',
    label: month,
    from,
    to,
    issueOn: addDays(to, 1),
    dueOn: endOfMonth(addDays(last, 1)),
  };
}

/** 業務年報 of one fiscal year, or null when the contract did not run in it. */
export function yearlyPeriod(fiscalYear: number, contract: ContractSpan): OperationalPeriod | null {
  const first = `${fiscalYear}-04-01`;
  const last = `${fiscalYear + 1}-03-31`;
  const from = max(first, contract.periodFrom);
  const to = min(last, contract.periodTo);
  if (from > to) return null;
  const endsThisYear = contract.periodTo <= last;
  return {
    kind: 'yearly',
    label: `FY${fiscalYear}`,
    from,
    to,
    issueOn: endsThisYear ? max(`${contract.periodTo.slice(0, 7)}-01`, from) : `${fiscalYear + 1}-04-01`,
    dueOn: endsThisYear ? contract.periodTo : `${fiscalYear + 1}-04-20`,
  };
}

/**
 * The requests of the kinds a contract requires that go out on a day between `today - CATCH_UP_DAYS`
 * and `today`: what the daily scheduler issues (issuing is idempotent, so each run may ask again).
 */
export function periodsToIssue(
  contract: ContractSpan,
  kinds: readonly OperationalReportKind[],
  today: string,
): OperationalPeriod[] {
  const since = addDays(today, -CATCH_UP_DAYS);
  const periods: OperationalPeriod[] = [];
  const inWindow = (p: OperationalPeriod | null): p is OperationalPeriod =>
    p !== null && p.issueOn >= since && p.issueOn <= today;
  if (kinds.includes('daily')) {
    for (let d = since; d <= today; d = addDays(d, 1)) {
      const p = dailyPeriod(d, contract);
      if (inWindow(p)) periods.push(p);
    }
  }
  if (kinds.includes('monthly')) {
    // the months that ended in the window (and one cut short by the contract's end)
    for (let d = `${addDays(since, -31).slice(0, 7)}-01`; d <= today; d = addDays(endOfMonth(d), 1)) {
      const p = monthlyPeriod(d.slice(0, 7), contract);
      if (inWindow(p)) periods.push(p);
    }
  }
  if (kinds.includes('yearly')) {
    const fy = fiscalYearOfDay(today);
    for (const year of [fy - 1, fy]) {
      const p = yearlyPeriod(year, contract);
      if (inWindow(p)) periods.push(p);
    }
  }
  return periods;
}
