import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildWorkbook } from '../../../test/helpers/workbook.js';
import { FileRefusal } from './read-csv.js';
import { readWorkbook, sniffWorkbook } from './read-xlsx.js';
import { templateXlsx } from './write-xlsx.js';
import { elements, removeElements } from './xml-scan.js';

// Reading workbooks by pure cases: what Excel and other writers put in the parts (phonetic guides,
// namespace prefixes, inline strings, the 1904 calendar) and what a crafted file tries.

describe('reading a workbook', () => {
  it('reads shared strings without their ふりがな, numbers as shown, and rows by their numbers', () => {
    const book = buildWorkbook([
      { name: 'Sheet1', rows: [['氏名', '番号'], ['新宿 一郎', 1011101000001], [], [null, 0.1]] },
    ]);
    const { rows } = readWorkbook(book, '取扱者名簿');
    expect(rows.map((r) => [r.row, r.cells])).toEqual([
      [1, ['氏名', '番号']],
      [2, ['新宿 一郎', '1011101000001']],
      [4, ['', '0.1']],
    ]);
    expect([...rows[1]!.numbers!]).toEqual([1]);
  });

  it('keeps a formula as a formula, never its cached value alone', () => {
    const book = buildWorkbook([{ name: 'S', rows: [['a'], [{ formula: "'他のシート'!A1", cached: 'x' }]] }]);
    const { rows } = readWorkbook(book, 'S');
    expect(rows[1]!.formulas!.get(0)).toBe("='他のシート'!A1");
  });

  it('reads parts written with namespace prefixes and inline strings, and the 1904 calendar', () => {
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const files = {
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8(
        `<x:workbook xmlns:x="${NS}" xmlns:r="${REL}"><x:workbookPr date1904="true"/><x:sheets><x:sheet name="A" sheetId="1" r:id="r1"/></x:sheets></x:workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="r1" Target="/xl/worksheets/one.xml"/></Relationships>',
      ),
      'xl/worksheets/one.xml': strToU8(
        `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>A &amp; B_x000D_</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
      ),
    };
    const book = readWorkbook(zipSync(files), 'other');
    expect(book.date1904).toBe(true);
    expect(book.rows).toEqual([{ row: 3, cells: ['', 'A & B\r'], formulas: new Map(), numbers: new Set() }]);
  });

  it('reads its own template back: headings, then the ※ note row', () => {
    const { rows, sheetName } = readWorkbook(templateXlsx('approvals'), '再委託の承認（過去の記録）');
    expect(sheetName).toBe('再委託の承認（過去の記録）');
    expect(rows[0]!.cells[0]).toBe('契約番号');
    expect(rows[1]!.cells.every((c) => c.startsWith('※'))).toBe(true);
  });

  it('tells a zip from an old binary workbook, and refuses a file that only looks like a zip', () => {
    expect(sniffWorkbook(buildWorkbook([{ name: 'S', rows: [] }]))).toBe('xlsx');
    expect(sniffWorkbook(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toBe('ole');
    expect(sniffWorkbook(strToU8('契約番号,件名'))).toBe(null);
    expect(() => readWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'S')).toThrow(FileRefusal);
  });
});

describe('scanning XML', () => {
  it('finds elements by name only (not <cols> for <c>), empty ones too', () => {
    const found = elements('<cols/><c r="A1"/><c r="B1" t="s"><v>1</v></c>', 'c');
    expect(found).toEqual([{ attrs: { r: 'A1' } }, { attrs: { r: 'B1', t: 's' }, inner: '<v>1</v>' }]);
  });

  it('stops at unclosed tags in one pass, however many there are', () => {
    const crafted = `<row r="1">${'<c '.repeat(200_000)}`;
    const started = Date.now();
    expect(elements(crafted, 'row')).toEqual([]);
    expect(elements(`<row>${crafted}</row>`, 'c')).toEqual([]);
    expect(removeElements(`a${'<rPh>'.repeat(100_000)}`, 'rPh')).toBe('a');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
