import { describe, expect, it } from 'vitest';
import { looksLikeFormula, readDate, readDateTime, readYen, readYesNo, serialDate } from './import-values.js';
import { decodeUtf8, FileRefusal, parseCsv } from './read-csv.js';

// The cell readers and the CSV reader, by pure cases: what people type from Excel and paper.

describe('dates as the ward wrote them', () => {
  it.each([
    ['2026-04-01', '2026-04-01'],
    ['2026/4/1', '2026-04-01'],
    ['令和8年4月1日', '2026-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['令和８年４月１日', '2026-04-01'],
    [' 2026-4-1 ', '2026-04-01'],
  ])('reads %s', (raw, iso) => {
    expect(readDate(raw)).toEqual({ ok: true, value: iso });
  });

  it.each(['2026-02-30', '令和8年13月1日', '4月1日', 'R8.4.1', '2026-04-01T10:00', ''])(
    'refuses %s',
    (raw) => {
      const read = readDate(raw);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.ja).toBe('日付は YYYY-MM-DD または 令和8年4月1日 の形で入力してください');
    },
  );
});

describe('yes/no and amounts', () => {
  it('reads 有/無 and refuses anything else', () => {
    expect(readYesNo('有')).toEqual({ ok: true, value: true });
    expect(readYesNo('')).toEqual({ ok: true, value: false });
    expect(readYesNo('たぶん').ok).toBe(false);
  });

  it('reads yen with commas and 円, and refuses decimals and signs', () => {
    expect(readYen('48,600,000円')).toEqual({ ok: true, value: 48_600_000 });
    expect(readYen('１２３')).toEqual({ ok: true, value: 123 });
    expect(readYen('12.5').ok).toBe(false);
    expect(readYen('1e9').ok).toBe(false);
  });
});

describe('formulas', () => {
  it.each(['=HYPERLINK("http://x")', '+cmd', '-2+3', '@SUM(A1)', '\t=1', '＝1'])('finds %s', (raw) => {
    expect(looksLikeFormula(raw)).toBe(true);
  });
  it.each(['31契約第134号', '2026-04-01', 'メール: a@b.example'])('lets %s through', (raw) => {
    expect(looksLikeFormula(raw)).toBe(false);
  });
});

describe('reading CSV', () => {
  it('keeps quoted commas, quotes and line breaks in one cell, and drops empty rows', () => {
    const rows = parseCsv('a,b\r\n"x, y","say ""hi""\nagain"\r\n,\r\n');
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['x, y', 'say "hi"\nagain'] },
    ]);
    // an empty row in the middle keeps the numbers of the rows below it
    expect(parseCsv('a\r\n,\r\nb\r\n').map((r) => r.row)).toEqual([1, 3]);
  });

  it('refuses an unclosed quote', () => {
    expect(() => parseCsv('a\r\n"open')).toThrow(FileRefusal);
  });

  it('drops the BOM and refuses bytes that are not UTF-8', () => {
    expect(decodeUtf8(new TextEncoder().encode('\uFEFF契約番号'))).toBe('契約番号');
    expect(() => decodeUtf8(new Uint8Array([0x8c, 0x5f, 0x96, 0xf1]))).toThrow(FileRefusal);
  });
});

describe('dates and times from workbooks and paper', () => {
  it('reads a date and time in the Western and the era calendar', () => {
    expect(readDateTime('2025-06-02 10:05')).toEqual({ ok: true, value: '2025-06-02T10:05' });
    expect(readDateTime('2025/6/2 9:30')).toEqual({ ok: true, value: '2025-06-02T09:30' });
    expect(readDateTime('令和7年6月2日 10時30分')).toEqual({ ok: true, value: '2025-06-02T10:30' });
    expect(readDateTime('令和7年6月2日')).toEqual({ ok: true, value: '2025-06-02T00:00' });
    expect(readDateTime('2025-06-02 25:00').ok).toBe(false);
    expect(readDateTime('昨日').ok).toBe(false);
  });

  it('turns Excel serial days into the date or the time the cell shows', () => {
    expect(serialDate(45809, 'date', false)).toBe('2025-06-01');
    expect(serialDate(45809.4375, 'datetime', false)).toBe('2025-06-01 10:30');
    expect(serialDate(44347, 'date', true)).toBe('2025-06-01');
    expect(serialDate(-1, 'date', false)).toBe(null);
  });
});
