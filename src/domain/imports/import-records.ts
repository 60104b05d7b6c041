import { actingWard } from '../shared/acting-ward.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type Tx, type UnitOfWork, type UseCaseContext } from '../shared/context.js';
import { type FieldError, ValidationError } from '../shared/errors.js';
import { sha256Hex } from '../shared/sha256.js';
import { planContracts, writeContracts } from './import-contracts.js';
import { planRegisters, writeRegisters } from './import-registers.js';
import { planRosters, writeRosters } from './import-rosters.js';
import { IMPORT_KIND_NAMES, type ImportKind, readSheet, type SheetRow } from './import-templates.js';
import { CsvRefusal, decodeUtf8, MAX_IMPORT_BYTES, parseCsv } from './read-csv.js';

// 既存記録の取込み: a CSV of contracts, registers or rosters checked as a whole and written as a
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
}

interface Handler<P> {
  plan(ctx: UseCaseContext, tx: Tx, wardId: string, rows: SheetRow[], errors: FieldError[]): Promise<P[]>;
  write(ctx: UseCaseContext, uow: UnitOfWork, wardId: string, importId: string, plans: P[]): Promise<number>;
}

const HANDLERS: Record<ImportKind, Handler<any>> = {
  contracts: { plan: planContracts, write: writeContracts },
  register: { plan: planRegisters, write: writeRegisters },
  handlers: { plan: planRosters, write: writeRosters },
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

/** Reads the file's rows, or refuses the file as a whole (encoding, quoting, size). */
function readRows(kind: ImportKind, file: ImportFile): SheetRow[] {
  const fileError = (reason: { en: string; ja: string }) =>
    new ValidationError({ en: reason.en, ja: reason.ja }, [
      { path: 'file', message: reason.en, message_ja: reason.ja },
    ]);
  if (file.bytes.length === 0) throw fileError({ en: 'The file is empty', ja: 'ファイルが空です' });
  if (file.bytes.length > MAX_IMPORT_BYTES)
    throw fileError({
      en: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; split it`,
      ja: `ファイルが${MAX_IMPORT_BYTES / 1024 / 1024}MiBを超えています。分けて取り込んでください`,
    });
  let table: string[][];
  try {
    table = parseCsv(decodeUtf8(file.bytes));
  } catch (error) {
    if (error instanceof CsvRefusal) throw fileError(error.reason);
    throw error;
  }
  const { rows, errors } = readSheet(kind, table);
  if (errors.length) throw refused(kind, errors);
  if (!rows.length)
    throw fileError({ en: 'The file has headings but no rows', ja: '見出しの下に行がありません' });
  return rows;
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
  const rows = readRows(kind, file);
  const sha256 = await sha256Hex(file.bytes);
  const handler = HANDLERS[kind];
  const fileName = file.name.slice(0, 255) || `${kind}.csv`;
  return inTransaction(ctx, async (uow) => {
    const errors: FieldError[] = [];
    const plans = await handler.plan(ctx, uow.tx, wardId, rows, errors);
    if (errors.length)
      throw refused(
        kind,
        errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
      );
    const summary = { kind, fileName, rowCount: rows.length, recordCount: plans.length };
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
