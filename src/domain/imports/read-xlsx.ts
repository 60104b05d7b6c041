import { strFromU8, type UnzipFileInfo, unzipSync } from 'fflate';
import { FileRefusal, MAX_IMPORT_ROWS, type RawRow } from './read-csv.js';
import { decodeXml, elements, removeElements, withoutPrefixes, type XmlElement } from './xml-scan.js';

// Reading an uploaded Excel workbook (.xlsx: a zip of XML parts). Pure: no I/O. Only what an
// import needs is read: the workbook's sheet list, the shared strings and one sheet's cells. A
// workbook is a program as much as a table, so what would run or reach elsewhere is refused:
// macros (.xlsm, vbaProject.bin), links to other workbooks, and — cell by cell, reported by
// import-templates.ts — formulas. The zip is opened only within a budget of uncompressed bytes,
// counted from each part's declared size before it is inflated (fflate inflates a part into a
// buffer of that size, so a part that lies about its size is cut short, not grown): a small file
// that would inflate to gigabytes (a zip bomb) is refused before any of it is inflated.

/** What the parts read may inflate to, together. A 2,000-row sheet is well under 5 MiB. */
export const MAX_WORKBOOK_UNCOMPRESSED = 16 * 1024 * 1024;
const MAX_PARTS = 500;
/** Columns past this are kept as one: enough to say "cells beyond the last column". */
const MAX_COLUMNS = 64;

const MAIN = 'xl/workbook.xml';
const WANTED =
  /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/worksheets\/[^/]+\.xml)$/;

const refuse = (en: string, ja: string): never => {
  throw new FileRefusal({ en, ja });
};

/** Is this a zip (an .xlsx), or an old binary or encrypted workbook (OLE), by its first bytes? */
export function sniffWorkbook(bytes: Uint8Array): 'xlsx' | 'ole' | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  return null;
}

function openParts(bytes: Uint8Array): Record<string, string> {
  const names: string[] = [];
  let budget = MAX_WORKBOOK_UNCOMPRESSED;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        names.push(file.name);
        if (names.length > MAX_PARTS)
          refuse('The workbook has too many parts', 'ブックの構成要素が多すぎます');
        if (!WANTED.test(file.name)) return false;
        budget -= file.originalSize;
        if (budget < 0)
          refuse(
            `The workbook would unpack to more than ${MAX_WORKBOOK_UNCOMPRESSED / 1024 / 1024} MiB; split it or save it as CSV UTF-8`,
            `ブックを展開すると${MAX_WORKBOOK_UNCOMPRESSED / 1024 / 1024}MiBを超えます。分けるか、CSV UTF-8で保存してください`,
          );
        return true;
      },
    });
  } catch (error) {
    if (error instanceof FileRefusal) throw error;
    return refuse(
      'The file is not a readable Excel workbook (.xlsx); save it again from Excel',
      'Excelブック（.xlsx）として読み取れません。Excelで保存し直してください',
    );
  }
  if (names.some((n) => /(^|\/)vba[\w]*\.(bin|xml)$/i.test(n)))
    refuse(
      'The workbook holds macros (.xlsm): save it as an Excel workbook (.xlsx) without macros',
      'マクロを含むブック（.xlsm）は取り込めません。マクロなしのExcelブック（.xlsx）で保存してください',
    );
  if (names.some((n) => n.startsWith('xl/externalLinks/')))
    refuse(
      'The workbook links to other workbooks: paste the values and remove the links (Data › Edit Links › Break Link)',
      '他のブックへのリンクを含むため取り込めません。値を貼り付けてリンクを解除してください（データ › リンクの編集 › リンクの解除）',
    );
  const text: Record<string, string> = {};
  for (const [name, data] of Object.entries(parts)) text[name] = withoutPrefixes(strFromU8(data));
  if (/macroEnabled/i.test(text['[Content_Types].xml'] ?? ''))
    refuse(
      'The workbook is macro-enabled (.xlsm): save it as an Excel workbook (.xlsx)',
      'マクロ有効ブック（.xlsm）は取り込めません。Excelブック（.xlsx）で保存してください',
    );
  if (!text[MAIN]) refuse('The file is not an Excel workbook (.xlsx)', 'Excelブック（.xlsx）ではありません');
  return text;
}

function attr(el: XmlElement, name: string): string | undefined {
  return el.attrs[name];
}

/** The sheet to read: the one named like the template, else the first visible one. */
function chooseSheet(parts: Record<string, string>, preferred: string): string {
  const sheets = elements(parts[MAIN]!, 'sheet');
  const rels = new Map(
    elements(parts['xl/_rels/workbook.xml.rels'] ?? '', 'Relationship').map((r) => [
      attr(r, 'Id'),
      attr(r, 'Target') ?? '',
    ]),
  );
  const chosen =
    sheets.find((s) => attr(s, 'name')?.trim() === preferred) ??
    sheets.find((s) => (attr(s, 'state') ?? 'visible') === 'visible');
  const target = chosen ? rels.get(attr(chosen, 'r:id') ?? attr(chosen, 'id')) : undefined;
  if (!target) return refuse('The workbook has no sheet to read', 'ブックに読み取れるシートがありません');
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  if (parts[path] === undefined)
    refuse('The workbook’s sheet could not be read', 'ブックのシートを読み取れません');
  return path;
}

/** The text of a shared string or an inline string: its runs, without the phonetic guide (ふりがな). */
function stringText(inner: string): string {
  const withoutRuby = removeElements(removeElements(inner, 'rPh'), 'phoneticPr');
  let out = '';
  for (const t of elements(withoutRuby, 't')) out += decodeXml(t.inner ?? '');
  return out;
}

/** "B7" → column index 1 (row numbers come from the row itself). */
function columnIndex(ref: string | undefined): number | null {
  const letters = /^([A-Z]{1,3})\d+$/.exec(ref ?? '')?.[1];
  if (!letters) return null;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A number as Excel shows it in General format: 15 significant digits, no exponent for integers. */
function numberText(raw: string): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

export interface Workbook {
  sheetName: string;
  rows: RawRow[];
  /** The workbook counts dates from 1904 (Excel for Mac's old default). */
  date1904: boolean;
}

/**
 * Reads one sheet of an .xlsx into numbered rows: the sheet named `preferredSheet`, or the first.
 * Cells keep their text (shared strings resolved, numbers as shown in General format); a formula
 * cell is flagged with its formula, never evaluated. Refuses the whole file (FileRefusal) for
 * macros, external links, a zip bomb, more than 2,000 rows, or a file that is not a workbook.
 */
export function readWorkbook(bytes: Uint8Array, preferredSheet: string): Workbook {
  const parts = openParts(bytes);
  const path = chooseSheet(parts, preferredSheet);
  const shared = elements(parts['xl/sharedStrings.xml'] ?? '', 'si').map((si) => stringText(si.inner ?? ''));
  const workbookPr = elements(parts[MAIN]!, 'workbookPr')[0];
  const date1904 = ['1', 'true'].includes(workbookPr?.attrs.date1904 ?? '');
  const sheetName =
    elements(parts[MAIN]!, 'sheet').find((s) => attr(s, 'name')?.trim() === preferredSheet)?.attrs.name ?? '';
  const rows: RawRow[] = [];
  let nextRow = 1;
  for (const rowEl of elements(parts[path]!, 'row')) {
    const number = Number(attr(rowEl, 'r') ?? nextRow);
    nextRow = number + 1;
    const row: RawRow = { row: number, cells: [], formulas: new Map(), numbers: new Set() };
    let nextColumn = 0;
    for (const c of elements(rowEl.inner ?? '', 'c')) {
      const index = Math.min(columnIndex(attr(c, 'r')) ?? nextColumn, MAX_COLUMNS);
      nextColumn = index + 1;
      const inner = c.inner ?? '';
      const type = attr(c, 't') ?? 'n';
      const v = decodeXml(elements(inner, 'v')[0]?.inner ?? '');
      const formula = elements(inner, 'f')[0];
      let value: string;
      if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = stringText(elements(inner, 'is')[0]?.inner ?? '');
      else if (type === 'b') value = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : v;
      else if (type === 'n' && v !== '') {
        value = numberText(v);
        row.numbers!.add(index);
      } else value = v; // str (a formula's text result), e (an error such as #REF!), d (ISO date)
      if (formula) row.formulas!.set(index, `=${decodeXml(formula.inner ?? '')}`);
      row.cells[index] = (row.cells[index] ?? '') + value;
    }
    for (let i = 0; i < row.cells.length; i += 1) row.cells[i] ??= '';
    if (row.cells.some((cell) => cell.trim() !== '') || row.formulas!.size) rows.push(row);
    if (rows.length > MAX_IMPORT_ROWS + 2)
      refuse(
        `The sheet has more than ${MAX_IMPORT_ROWS} rows; split it into several files`,
        `行数が${MAX_IMPORT_ROWS}行を超えています。複数のファイルに分けてください`,
      );
  }
  return { sheetName, rows, date1904 };
}
