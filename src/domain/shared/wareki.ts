// Dates in the Japanese era calendar (和暦), as documents show them beside the Western date.

const ERAS = [
  { name: '令和', start: '2019-05-01' },
  { name: '平成', start: '1989-01-08' },
  { name: '昭和', start: '1926-12-25' },
] as const;

/** '2026-04-01' → '令和8年4月1日' (元年 for the first year). */
export function toWareki(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const era = ERAS.find((e) => isoDate.slice(0, 10) >= e.start);
  if (!era) return `${y}年${m}月${d}日`;
  const year = y - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${year === 1 ? '元' : year}年${m}月${d}日`;
}

/** The fiscal year (年度, April–March) a date falls in, as its starting Western year. */
export function fiscalYearOf(isoDate: string): number {
  const [y, m] = isoDate.slice(0, 10).split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}

/** '令和8年度' for fiscal year 2026; FY2019 is 令和元年度 as the era changed in its second month. */
export function fiscalYearLabel(fiscalYear: number): string {
  const wareki = toWareki(`${fiscalYear}-05-01`);
  return `${wareki.slice(0, wareki.indexOf('年'))}年度`;
}
