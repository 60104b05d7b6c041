import type { RosterRole } from '../../db/tables/contracts.js';
import type { ProcessingMode } from '../contracts/contract.repository.js';
import type { Direction, MediaKind, SpecialCategory } from '../registers/register-document.js';
import { toCsv } from '../shared/csv.js';
import type { FieldError } from '../shared/errors.js';
import { IMPORT_COLUMNS, type ImportKind } from './import-columns.js';
import {
  halfWidth,
  looksLikeFormula,
  type Read,
  readChoice,
  readDate,
  readYen,
  readYesNo,
  serialDate,
} from './import-values.js';
import type { RawRow } from './read-csv.js';

// How a file's rows become rows by heading, and each kind's words; the columns themselves are in
// import-columns.ts. Pure: no I/O; what needs the database (the 所管課, the company, the contract
// by its 契約番号) is checked by import-records.ts.

export {
  type Column,
  columnNote,
  IMPORT_COLUMNS,
  IMPORT_KIND_NAMES,
  IMPORT_KINDS,
  type ImportKind,
} from './import-columns.js';

/** The template to download as CSV for Excel (UTF-8 with BOM): the headings alone. */
export function templateCsv(kind: ImportKind): string {
  return toCsv([IMPORT_COLUMNS[kind].map((c) => c.heading)]);
}

const cellPrefix = (row: number, column: string, cell?: string) => ({
  en: `Row ${row}, "${column}"${cell ? ` (cell ${cell})` : ''}: `,
  ja: `${row}行目『${column}』${cell ? `（セル${cell}）` : ''}: `,
});

/** 「3行目『契約期間（開始）』: …」 and its English, as one field error. */
export function cellError(row: number, column: string, problem: { en: string; ja: string }): FieldError {
  const prefix = cellPrefix(row, column);
  return {
    path: `rows.${row}.${column}`,
    row,
    column,
    message: `${prefix.en}${problem.en}`,
    message_ja: `${prefix.ja}${problem.ja}`,
  };
}

/** Excel's name of a column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Names the cell of every problem found in a column of the file (「5行目『所管課』（セルC5）」),
 * so that the user goes straight to it in Excel: the same letters for a workbook and for a CSV
 * opened in Excel.
 */
export function nameCells(errors: FieldError[], headings: string[]): FieldError[] {
  return errors.map((e) => {
    const index = e.column ? headings.indexOf(e.column) : -1;
    if (e.row === undefined || !e.column || index < 0) return e;
    const cell = `${columnLetters(index)}${e.row}`;
    const plain = cellPrefix(e.row, e.column);
    const named = cellPrefix(e.row, e.column, cell);
    return {
      ...e,
      cell,
      message: e.message.startsWith(plain.en) ? named.en + e.message.slice(plain.en.length) : e.message,
      message_ja: e.message_ja.startsWith(plain.ja)
        ? named.ja + e.message_ja.slice(plain.ja.length)
        : e.message_ja,
    };
  });
}

export function rowError(row: number, problem: { en: string; ja: string }): FieldError {
  return {
    path: `rows.${row}`,
    row,
    message: `Row ${row}: ${problem.en}`,
    message_ja: `${row}行目: ${problem.ja}`,
  };
}

/** One data row with its cells by heading, and its number as Excel shows it (headings = 1). */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

/** The template's note row (every filled cell starts with ※): read past, not a record. */
function isNoteRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length > 0 && filled.every((c) => c.startsWith('※'));
}

/**
 * Checks the headings (the first row: every column of the kind, nothing unknown, none twice) and
 * returns the rows by heading under the numbers Excel shows; refuses every cell that Excel would
 * run as a formula, and reads a workbook's numbers in date columns as the dates they show.
 */
export function readSheet(
  kind: ImportKind,
  table: RawRow[],
  options: { date1904?: boolean } = {},
): { rows: SheetRow[]; errors: FieldError[]; headings: string[] } {
  const errors: FieldError[] = [];
  const headingRow = table[0];
  const headings = (headingRow?.cells ?? []).map((h) => h.trim());
  const headingNumber = headingRow?.row ?? 1;
  const known = new Set(IMPORT_COLUMNS[kind].map((c) => c.heading));
  for (const column of IMPORT_COLUMNS[kind]) {
    if (!headings.includes(column.heading))
      errors.push(
        cellError(headingNumber, column.heading, { en: 'this column is missing', ja: 'この列がありません' }),
      );
  }
  headings.forEach((heading, i) => {
    if (heading && !known.has(heading))
      errors.push(
        cellError(headingNumber, heading, {
          en: 'not a column of this template',
          ja: 'このテンプレートの列ではありません',
        }),
      );
    else if (heading && headings.indexOf(heading) !== i)
      errors.push(
        cellError(headingNumber, heading, { en: 'this column appears twice', ja: 'この列が重複しています' }),
      );
  });
  if (errors.length) return { rows: [], errors, headings };
  const types = new Map(IMPORT_COLUMNS[kind].map((c) => [c.heading, c.type]));
  const rows: SheetRow[] = [];
  for (const raw of table.slice(1)) {
    const { row, cells } = raw;
    if (isNoteRow(cells)) continue;
    if (cells.length > headings.length && cells.slice(headings.length).some((c) => c.trim() !== ''))
      errors.push(rowError(row, { en: 'cells beyond the last column', ja: '見出しのない列に値があります' }));
    const byHeading: Record<string, string> = {};
    headings.forEach((heading, c) => {
      let value = cells[c] ?? '';
      const formula = raw.formulas?.get(c);
      if (formula !== undefined)
        errors.push(
          cellError(row, heading, {
            en: formula.includes('!')
              ? 'a formula referring to another sheet or workbook is not imported: type the value itself'
              : 'a formula is not imported: type the value itself (copy, then paste as values)',
            ja: formula.includes('!')
              ? '他のシートやブックを参照する数式は取り込めません。値を直接入力してください'
              : '数式は取り込めません。値を直接入力してください（コピーして「値の貼り付け」）',
          }),
        );
      else if (looksLikeFormula(value.trimStart())) {
        errors.push(
          cellError(row, heading, {
            en: 'a value starting with = + - or @ is read as a formula and is not imported',
            ja: '「=」「+」「-」「@」で始まる値は数式とみなされるため取り込めません',
          }),
        );
      }
      const type = types.get(heading);
      if (type && raw.numbers?.has(c))
        value = serialDate(Number(value), type, options.date1904 ?? false) ?? value;
      byHeading[heading] = value.trim();
    });
    for (const column of IMPORT_COLUMNS[kind]) {
      const value = byHeading[column.heading] ?? '';
      if (column.required && value === '')
        errors.push(cellError(row, column.heading, { en: 'required', ja: '入力してください' }));
      if (column.max && value.length > column.max)
        errors.push(
          cellError(row, column.heading, {
            en: `at most ${column.max} characters`,
            ja: `${column.max}文字以内で入力してください`,
          }),
        );
    }
    rows.push({ row, cells: byHeading });
  }
  return { rows, errors, headings };
}

/** A cell's text as typed (trimmed; '' when empty or absent). */
export function text(row: SheetRow, heading: string): string {
  return row.cells[heading] ?? '';
}

/** Reads one cell with `reader`, recording its problem; an empty optional cell is `empty`. */
export function cellReader(row: SheetRow, errors: FieldError[]) {
  return <T, E = undefined>(heading: string, reader: (raw: string) => Read<T>, empty?: E): T | E => {
    const raw = row.cells[heading] ?? '';
    if (raw === '' && empty !== undefined) return empty;
    if (raw === '') return undefined as E; // a required cell's absence is already reported
    const read = reader(raw);
    if (read.ok) return read.value;
    errors.push(cellError(row.row, heading, read));
    return undefined as E;
  };
}

export const STATUS_WORDS = { 下書き: 'draft', 実施中: 'active', 完了: 'closed' } as const;
export type ImportedStatus = (typeof STATUS_WORDS)[keyof typeof STATUS_WORDS];

const MODE_WORDS: Record<string, ProcessingMode> = {
  '1': 'paper_handover',
  '2': 'on_premises',
  '3': 'offsite_electronic',
};

/** 処理の形態 as seed 000 numbers them: 1 紙媒体の引渡し, 2 庁内での電算処理, 3 庁外への持出し; 「1、3」. */
export function readModes(raw: string): Read<ProcessingMode[]> {
  const parts = halfWidth(raw)
    .replace(/[()（）]/g, '')
    .split(/[\s,、;；・]+/)
    .filter(Boolean);
  const modes = parts.map((p) => MODE_WORDS[p]);
  if (modes.some((m) => !m))
    return {
      ok: false,
      en: 'the numbers 1, 2 and 3 of the processing modes, e.g. 1、3',
      ja: '処理の形態は 1・2・3 の番号で入力してください（例: 1、3）',
    };
  return { ok: true, value: [...new Set(modes as ProcessingMode[])] };
}

export const DIRECTION_WORDS: Record<string, Direction> = {
  収集: 'collected',
  委託先が収集する項目: 'collected',
  提供: 'provided',
  委託先に提供する項目: 'provided',
};

export const SPECIAL_WORDS: Record<string, SpecialCategory | null> = {
  '': null,
  '思想・信条・宗教': 'belief',
  社会的差別の原因となる事実: 'social_status',
  犯罪: 'crime',
};

export const MEDIA_WORDS: Record<string, MediaKind> = {
  紙: 'paper',
  USB: 'usb',
  委託先のパソコン: 'contractor_pc',
  クラウドサービス: 'cloud',
  その他: 'other',
};

export const ROLE_WORDS: Record<string, RosterRole> = {
  統括責任者: 'general_manager',
  取扱責任者: 'responsible',
  業務責任者: 'task_lead',
  副業務責任者: 'deputy_task_lead',
  取扱者: 'handler',
  業務従事者: 'worker',
};

export { readChoice, readDate, readYen, readYesNo };
