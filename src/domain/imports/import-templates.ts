import type { RosterRole } from '../../db/tables/contracts.js';
import type { ProcessingMode } from '../contracts/contract.repository.js';
import type { Direction, MediaKind, SpecialCategory } from '../registers/register-document.js';
import { toCsv } from '../shared/csv.js';
import type { FieldError } from '../shared/errors.js';
import {
  halfWidth,
  looksLikeFormula,
  type Read,
  readChoice,
  readDate,
  readYen,
  readYesNo,
} from './import-values.js';

// What each kind of import reads: its columns under the headings the seed forms use, and how a
// row becomes a typed record. Pure: no I/O; what needs the database (the 所管課, the company, the
// contract by its 契約番号) is checked by import-records.ts.

export const IMPORT_KINDS = ['contracts', 'register', 'handlers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_NAMES: Record<ImportKind, { ja: string; en: string }> = {
  contracts: { ja: '委託契約', en: 'contracts' },
  register: { ja: '情報項目', en: 'data-item registers' },
  handlers: { ja: '取扱者名簿', en: 'handler rosters' },
};

interface Column {
  heading: string;
  required?: boolean;
  max?: number;
}

export const IMPORT_COLUMNS: Record<ImportKind, Column[]> = {
  contracts: [
    { heading: '契約番号', required: true, max: 100 },
    { heading: '件名', required: true, max: 300 },
    { heading: '所管課', required: true, max: 200 },
    { heading: '受託者（法人番号又はID）', required: true, max: 40 },
    { heading: '契約日' },
    { heading: '契約期間（開始）', required: true },
    { heading: '契約期間（終了）', required: true },
    { heading: '契約金額' },
    { heading: '履行場所', max: 300 },
    { heading: '個人情報の取扱い', required: true },
    { heading: '処理の形態' },
    { heading: '業務内容', max: 4000 },
    { heading: '状態', required: true },
    { heading: '業務開始日' },
  ],
  register: [
    { heading: '契約番号', required: true, max: 100 },
    { heading: '対象者', max: 200 },
    { heading: '項目名', max: 200 },
    { heading: '区分' },
    { heading: '過年度分' },
    { heading: '要配慮区分' },
    { heading: '特定個人情報' },
    { heading: '承認の記録', max: 1000 },
    { heading: '記録媒体' },
    { heading: '記録媒体の名称', max: 300 },
  ],
  handlers: [
    { heading: '契約番号', required: true, max: 100 },
    { heading: '役割', required: true },
    { heading: '氏名', required: true, max: 100 },
    { heading: 'フリガナ', max: 100 },
    { heading: '役職', max: 100 },
    { heading: '業務', max: 200 },
    { heading: '特定個人情報の取扱い' },
    { heading: '従事開始日', required: true },
    { heading: '従事終了日' },
    { heading: '誓約書の日付' },
    { heading: '名簿の確認日' },
  ],
};

/** The template to download: the headings alone, as CSV for Excel (UTF-8 with BOM). */
export function templateCsv(kind: ImportKind): string {
  return toCsv([IMPORT_COLUMNS[kind].map((c) => c.heading)]);
}

/** 「3行目『契約期間（開始）』: …」 and its English, as one field error. */
export function cellError(row: number, column: string, problem: { en: string; ja: string }): FieldError {
  return {
    path: `rows.${row}.${column}`,
    row,
    column,
    message: `Row ${row}, "${column}": ${problem.en}`,
    message_ja: `${row}行目『${column}』: ${problem.ja}`,
  };
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

/**
 * Checks the headings (every column of the kind, nothing unknown, none twice) and returns the
 * rows by heading; refuses every cell that Excel would run as a formula.
 */
export function readSheet(kind: ImportKind, table: string[][]): { rows: SheetRow[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const headings = (table[0] ?? []).map((h) => h.trim());
  const known = new Set(IMPORT_COLUMNS[kind].map((c) => c.heading));
  for (const column of IMPORT_COLUMNS[kind]) {
    if (!headings.includes(column.heading))
      errors.push(cellError(1, column.heading, { en: 'this column is missing', ja: 'この列がありません' }));
  }
  headings.forEach((heading, i) => {
    if (heading && !known.has(heading))
      errors.push(
        cellError(1, heading, {
          en: 'not a column of this template',
          ja: 'このテンプレートの列ではありません',
        }),
      );
    else if (heading && headings.indexOf(heading) !== i)
      errors.push(cellError(1, heading, { en: 'this column appears twice', ja: 'この列が重複しています' }));
  });
  if (errors.length) return { rows: [], errors };
  const rows: SheetRow[] = [];
  table.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.length > headings.length && cells.slice(headings.length).some((c) => c.trim() !== ''))
      errors.push(rowError(row, { en: 'cells beyond the last column', ja: '見出しのない列に値があります' }));
    const byHeading: Record<string, string> = {};
    headings.forEach((heading, c) => {
      const value = cells[c] ?? '';
      if (looksLikeFormula(value.trimStart())) {
        errors.push(
          cellError(row, heading, {
            en: 'a value starting with = + - or @ is read as a formula and is not imported',
            ja: '「=」「+」「-」「@」で始まる値は数式とみなされるため取り込めません',
          }),
        );
      }
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
  });
  return { rows, errors };
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
