import { fiscalYearLabel } from './wareki.js';

// The values of a CSV as Excel reads them in Japan (issue 19): an instant is the day and minute in
// Japan time, `2026/12/07 11:17`, and a calendar date `2026/12/07`; Excel takes both as dates
// (an ISO `2026-12-07T02:17:51.694Z` stays text, and in UTC). 年度 reads as the page shows it.
// Every CSV a person downloads formats its times here, and nowhere else.

const slashed = (isoDay: string) => isoDay.replaceAll('-', '/');

/** An instant as the day and time in Japan: 2026/12/07 11:17; '' when there is none. */
export function csvInstant(at: Date | string | null | undefined): string {
  if (at === null || at === undefined || at === '') return '';
  const local = new Date(new Date(at).getTime() + 9 * 3600 * 1000).toISOString();
  return `${slashed(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** A calendar date (YYYY-MM-DD, already a day in Japan) as 2026/12/07; '' when there is none. */
export function csvDate(day: string | null | undefined): string {
  if (!day) return '';
  return slashed(day.slice(0, 10));
}

/** A fiscal year (年度) as the pages show it: 令和8年度 in Japanese, FY2026 in English. */
export function csvFiscalYear(fiscalYear: number | null | undefined, lang: 'ja' | 'en' = 'ja'): string {
  if (fiscalYear === null || fiscalYear === undefined) return '';
  return lang === 'ja' ? fiscalYearLabel(fiscalYear) : `FY${fiscalYear}`;
}
