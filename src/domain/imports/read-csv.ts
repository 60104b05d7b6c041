import type { Message } from '../shared/errors.js';

// Reading an uploaded CSV (RFC 4180, as Excel saves 「CSV UTF-8（コンマ区切り）」). Pure: no I/O.
// The bytes must be UTF-8: Excel's other CSV is Shift_JIS, and a guess at the encoding would put
// mojibake into the records, so a file that is not valid UTF-8 is refused with how to save it.

/** What a file may hold at most: rows beyond this are an import to split, not one to wait for. */
export const MAX_IMPORT_ROWS = 2000;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** A file refused as a whole (its encoding, quoting, size or, for a workbook, its contents). */
export class FileRefusal extends Error {
  constructor(readonly reason: Message) {
    super(reason.en);
  }
}

/** Decodes UTF-8 (with or without the BOM Excel writes), refusing anything else. */
export function decodeUtf8(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileRefusal({
      en: 'The file is not UTF-8 (it may be Shift_JIS): save it from Excel as "CSV UTF-8 (Comma delimited)"',
      ja: 'ファイルの文字コードがUTF-8ではありません（Shift_JISの可能性があります）。Excelの「CSV UTF-8（コンマ区切り）」で保存してください',
    });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A row of a file as read: its number as Excel shows it (1 = the first) and its cells in order. */
export interface RawRow {
  row: number;
  cells: string[];
  /** A workbook's cells that hold a formula (its text), by index. */
  formulas?: Map<number, string>;
  /** A workbook's cells that hold a number (in a date column, Excel's serial day), by index. */
  numbers?: Set<number>;
}

/**
 * Splits CSV text into rows of cells: quoted cells may hold commas, quotes ("") and line breaks.
 * Rows keep the number Excel gives them when it opens the file (a quoted line break stays in its
 * row), so a problem's row is the one the user sees.
 */
export function parseCsv(text: string): RawRow[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    if (rows.length > MAX_IMPORT_ROWS + 1) {
      throw new FileRefusal({
        en: `The file has more than ${MAX_IMPORT_ROWS} rows; split it into several files`,
        ja: `行数が${MAX_IMPORT_ROWS}行を超えています。複数のファイルに分けてください`,
      });
    }
    row = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 1;
    } else if (ch === '\n' || ch === '\r') endRow();
    else cell += ch;
    i += 1;
  }
  if (quoted) {
    throw new FileRefusal({
      en: 'A quoted cell is not closed (a " is missing)',
      ja: '引用符（"）で始まるセルが閉じられていません',
    });
  }
  if (cell !== '' || row.length) endRow();
  // Excel leaves rows of empty cells below the table; they are not records.
  return rows.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
}
