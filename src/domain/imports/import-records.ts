import { actingWard } from '../shared/acting-ward.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type Tx, type UnitOfWork, type UseCaseContext } from '../shared/context.js';
import { type FieldError, ValidationError } from '../shared/errors.js';
import { sha256Hex } from '../shared/sha256.js';
import { planContracts, writeContracts } from './import-contracts.js';
import { planApprovalHistory, planHandoverHistory, writeHistory } from './import-history.js';
import { planRegisters, writeRegisters } from './import-registers.js';
import { matchesOf, type PersonMatch, planRosters, writeRosters } from './import-rosters.js';
import {
  IMPORT_KIND_NAMES,
  type ImportKind,
  nameCells,
  readSheet,
  type SheetRow,
} from './import-templates.js';
import { decodeUtf8, FileRefusal, MAX_IMPORT_BYTES, parseCsv, type RawRow } from './read-csv.js';
import { readWorkbook, sniffWorkbook } from './read-xlsx.js';

// 既存記録の取込み: a CSV or an Excel workbook of contracts, registers, rosters or past records
// (approvals, handovers) checked as a whole and written as a
// whole. Every row is read and every problem reported by row and column; nothing is written unless
// all rows pass, and then everything in one transaction, with an audit entry per record written
// (contract.import, register.import, handler_list.import, each naming the import) and the import
// itself in `imports`. The dates are the ward's history: they are kept as recorded, and the rules
// of live recording (a handover "now", a password an hour after the media) do not apply to them.

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportSummary {
  id: string | null;
  kind: ImportKind;
  dryRun: boolean;
  fileName: string;
  rowCount: number;
  recordCount: number;
  /** A roster's people: which rows name a handler the contractor already has, which a new one. */
  people?: PersonMatch[];
}

interface Handler<P> {
  plan(ctx: UseCaseContext, tx: Tx, wardId: string, rows: SheetRow[], errors: FieldError[]): Promise<P[]>;
  write(ctx: UseCaseContext, uow: UnitOfWork, wardId: string, importId: string, plans: P[]): Promise<number>;
}

const HANDLERS: Record<ImportKind, Handler<any>> = {
  contracts: { plan: planContracts, write: writeContracts },
  register: { plan: planRegisters, write: writeRegisters },
  handlers: { plan: planRosters, write: writeRosters },
  approvals: { plan: planApprovalHistory, write: writeHistory },
  handovers: { plan: planHandoverHistory, write: writeHistory },
};

function refused(kind: ImportKind, errors: FieldError[]): ValidationError {
  const { en, ja } = IMPORT_KIND_NAMES[kind];
  const rows = new Set(errors.map((e) => e.row).filter(Boolean)).size;
  return new ValidationError(
    {
      en: `The file of ${en} was not imported: ${errors.length} problem(s) in ${rows} row(s); nothing was written`,
      ja: `${ja}のファイルは取り込まれませんでした（${rows}行に${errors.length}件の誤り）。何も登録されていません`,
    },
    errors,
  );
}

const fileError = (reason: { en: string; ja: string }) =>
  new ValidationError({ en: reason.en, ja: reason.ja }, [
    { path: 'file', message: reason.en, message_ja: reason.ja },
  ]);

/** The file's rows: an .xlsx by its first bytes (its first sheet, or the one named like the template), else CSV. */
function readTable(kind: ImportKind, file: ImportFile): { table: RawRow[]; date1904: boolean } {
  if (/\.xls[mb]$/i.test(file.name))
    throw new FileRefusal({
      en: 'A macro-enabled or binary workbook (.xlsm, .xlsb) is not imported: save it as an Excel workbook (.xlsx)',
      ja: 'マクロ有効ブック・バイナリブック（.xlsm・.xlsb）は取り込めません。Excelブック（.xlsx）で保存してください',
    });
  const kindOf = sniffWorkbook(file.bytes);
  if (kindOf === 'ole')
    throw new FileRefusal({
      en: 'An old (.xls) or password-protected workbook cannot be read: save it as an Excel workbook (.xlsx) without a password, or as CSV UTF-8',
      ja: '古い形式（.xls）又はパスワード付きのブックは読み取れません。パスワードなしのExcelブック（.xlsx）又はCSV UTF-8で保存してください',
    });
  if (kindOf === 'xlsx') {
    const book = readWorkbook(file.bytes, IMPORT_KIND_NAMES[kind].ja);
    return { table: book.rows, date1904: book.date1904 };
  }
  return { table: parseCsv(decodeUtf8(file.bytes)), date1904: false };
}

/** Reads the file's rows, or refuses the file as a whole (encoding, quoting, size, macros). */
function readRows(kind: ImportKind, file: ImportFile): { rows: SheetRow[]; headings: string[] } {
  if (file.bytes.length === 0) throw fileError({ en: 'The file is empty', ja: 'ファイルが空です' });
  if (file.bytes.length > MAX_IMPORT_BYTES)
    throw fileError({
      en: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; split it`,
      ja: `ファイルが${MAX_IMPORT_BYTES / 1024 / 1024}MiBを超えています。分けて取り込んでください`,
    });
  let read: { table: RawRow[]; date1904: boolean };
  try {
    read = readTable(kind, file);
  } catch (error) {
    if (error instanceof FileRefusal) throw fileError(error.reason);
    throw error;
  }
  const { rows, errors, headings } = readSheet(kind, read.table, { date1904: read.date1904 });
  if (errors.length) throw refused(kind, nameCells(errors, headings));
  if (!rows.length)
    throw fileError({ en: 'The file has headings but no rows', ja: '見出しの下に行がありません' });
  return { rows, headings };
}

/**
 * Imports a file of `kind` into the actor's ward, or with `dryRun` only checks it. Only those who
 * may create the ward's contracts may import (a company, a council reviewer: 403).
 */
export async function importRecords(
  ctx: UseCaseContext,
  kind: ImportKind,
  file: ImportFile,
  options: { dryRun: boolean },
): Promise<ImportSummary> {
  const wardId = actingWard(ctx.actor);
  authorize(ctx.ability, 'create', 'Import', { wardId });
  const { rows, headings } = readRows(kind, file);
  const sha256 = await sha256Hex(file.bytes);
  const handler = HANDLERS[kind];
  const fileName = file.name.slice(0, 255) || `${kind}.csv`;
  return inTransaction(ctx, async (uow) => {
    const errors: FieldError[] = [];
    const plans = await handler.plan(ctx, uow.tx, wardId, rows, errors);
    if (errors.length)
      throw refused(
        kind,
        nameCells(
          errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
          headings,
        ),
      );
    const summary = {
      kind,
      fileName,
      rowCount: rows.length,
      recordCount: plans.length,
      ...(kind === 'handlers' ? { people: matchesOf(plans) } : {}),
    };
    if (options.dryRun) return { ...summary, id: null, dryRun: true };
    const row = await uow.tx
      .insertInto('imports')
      .values({
        ward_id: wardId,
        kind,
        file_name: fileName,
        sha256,
        row_count: rows.length,
        record_count: plans.length,
        imported_by: ctx.actor.userId,
        imported_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await handler.write(ctx, uow, wardId, row.id, plans);
    return { ...summary, id: row.id, dryRun: false };
  });
}
