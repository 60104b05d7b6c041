import { describe, expect, it } from 'vitest';
import { fiscalYearLabel, fiscalYearOf, toWareki } from './wareki.js';

describe('和暦', () => {
  it.each([
    ['2026-04-01', '令和8年4月1日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['2020-02-15', '令和2年2月15日'],
    ['1989-01-07', '昭和64年1月7日'],
  ])('%s → %s', (iso, expected) => expect(toWareki(iso)).toBe(expected));

  it('fiscal years run April to March', () => {
    expect(fiscalYearOf('2026-03-31')).toBe(2025);
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearLabel(2026)).toBe('令和8年度');
    expect(fiscalYearLabel(2019)).toBe('令和元年度');
    expect(fiscalYearLabel(1988)).toBe('昭和63年度');
  });
});
