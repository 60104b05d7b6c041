import { describe, expect, it } from 'vitest';
import { csvDate, csvFiscalYear, csvInstant } from './csv-values.js';

describe('CSV values as Excel reads them in Japan', () => {
  it('writes an instant in Japan time to the minute, across the day boundary', () => {
    expect(csvInstant(new Date('2026-12-07T02:17:51.694Z'))).toBe('2026/12/07 11:17');
    expect(csvInstant(new Date('2026-12-31T15:00:00Z'))).toBe('2027/01/01 00:00');
    expect(csvInstant('2026-03-31T14:59:59Z')).toBe('2026/03/31 23:59');
    expect(csvInstant(null)).toBe('');
  });

  it('writes a calendar date with slashes, as it is (no time zone shift)', () => {
    expect(csvDate('2026-04-01')).toBe('2026/04/01');
    expect(csvDate(undefined)).toBe('');
  });

  it('writes 年度 in 令和 (元年度 for 2019), FY in English', () => {
    expect(csvFiscalYear(2026)).toBe('令和8年度');
    expect(csvFiscalYear(2019)).toBe('令和元年度');
    expect(csvFiscalYear(2026, 'en')).toBe('FY2026');
  });
});
