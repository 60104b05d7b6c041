import type { ImportedHistoryKind } from '../../db/tables/contracts.js';
import type { Tx, UnitOfWork, UseCaseContext } from '../shared/context.js';
import type { FieldError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { IMPORT_COLUMNS } from './import-columns.js';
import { japanMidnight } from './import-contracts.js';
import { findContractsByNumber } from './import-targets.js';
import { cellError, cellReader, readChoice, readDate, type SheetRow, text } from './import-templates.js';
import { halfWidth, readDateTime } from './import-values.js';

// 取込み（過去の記録）: past sub-contracting approvals (再委託の承認) and past handovers and erasures
// (媒体の受渡し・消去) of the ward's contracts, one row each, kept as history with their original
// dates. They are not pushed through the rules of live recording — a password notice may follow
// the media by minutes, nobody need be on a handler list, no package need exist — because those
// rules govern what happens now, and these records say what happened then. What history must
// still be: on a contract of this ward, complete as the seed forms ask (who gave, who received;
// how and by whom erased), and in the past (dated no later than the day of the import).

const HANDOVER_WORDS: Record<string, Exclude<ImportedHistoryKind, 'subcontract_approval'>> = {
  媒体の受渡し: 'media_handover',
  パスワード通知書の受渡し: 'password_handover',
  返却: 'return',
  消去: 'erasure',
};

export interface HistoryPlan {
  row: number;
  contractId: string;
  kind: ImportedHistoryKind;
  occurredAt: Date;
  details: Record<string, string>;
}

const notLater = (row: number, column: string) =>
  cellError(row, column, {
    en: 'a past record is dated no later than today (Japan time)',
    ja: '過去の記録の日付は今日以前にしてください',
  });

const required = (row: number, column: string, en: string, ja: string) =>
  cellError(row, column, { en: `required for ${en}`, ja: `${ja}には必須です` });

/** The row's cells by heading, with the dates as read, for the record to keep. */
function detailsOf(row: SheetRow, kind: 'approvals' | 'handovers', dates: Record<string, string>) {
  const details: Record<string, string> = {};
  for (const column of IMPORT_COLUMNS[kind]) {
    const value = dates[column.heading] ?? text(row, column.heading);
    if (value && column.heading !== '契約番号') details[column.heading] = value;
  }
  return details;
}

/** 再委託の承認（過去の記録）: one approval per row, on the contract that was sub-contracted. */
export async function planApprovalHistory(
  ctx: UseCaseContext,
  tx: Tx,
  wardId: string,
  rows: SheetRow[],
  errors: FieldError[],
): Promise<HistoryPlan[]> {
  const today = toJapanDate(ctx.now());
  const contracts = await findContractsByNumber(tx, wardId, rows, errors, () => null);
  const plans: HistoryPlan[] = [];
  for (const row of rows) {
    const before = errors.length;
    const cell = cellReader(row, errors);
    const appliedOn = cell('申請日', readDate, null);
    const approvedOn = cell('承認日', readDate);
    const corporate = halfWidth(text(row, '再委託先の法人番号'));
    if (corporate && !/^\d{13}$/.test(corporate))
      errors.push(
        cellError(row.row, '再委託先の法人番号', {
          en: 'a corporate number has 13 digits',
          ja: '法人番号は13桁の数字です',
        }),
      );
    if (approvedOn && approvedOn > today) errors.push(notLater(row.row, '承認日'));
    if (appliedOn && approvedOn && appliedOn > approvedOn)
      errors.push(
        cellError(row.row, '申請日', {
          en: 'the application comes before its approval',
          ja: '申請日が承認日より後です',
        }),
      );
    const contract = contracts.get(text(row, '契約番号'));
    if (!contract || errors.length > before) continue;
    const dates: Record<string, string> = { 承認日: approvedOn! };
    if (appliedOn) dates.申請日 = appliedOn;
    if (corporate) dates.再委託先の法人番号 = corporate;
    plans.push({
      row: row.row,
      contractId: contract.id,
      kind: 'subcontract_approval',
      occurredAt: japanMidnight(approvedOn!),
      details: detailsOf(row, 'approvals', dates),
    });
  }
  return refuseRepeats(tx, wardId, plans, errors);
}

/** 媒体の受渡し・消去（過去の記録）: one handover, return or erasure per row. */
export async function planHandoverHistory(
  ctx: UseCaseContext,
  tx: Tx,
  wardId: string,
  rows: SheetRow[],
  errors: FieldError[],
): Promise<HistoryPlan[]> {
  const today = toJapanDate(ctx.now());
  const contracts = await findContractsByNumber(tx, wardId, rows, errors, () => null);
  const plans: HistoryPlan[] = [];
  for (const row of rows) {
    const before = errors.length;
    const cell = cellReader(row, errors);
    const kind = cell('区分', (raw) => readChoice(raw, HANDOVER_WORDS));
    const at = cell('日時', readDateTime);
    if (at && at.slice(0, 10) > today) errors.push(notLater(row.row, '日時'));
    if (kind === 'erasure') {
      if (!text(row, '消去の方法')) errors.push(required(row.row, '消去の方法', 'an erasure', '消去'));
      if (!text(row, '消去した者')) errors.push(required(row.row, '消去した者', 'an erasure', '消去'));
    } else if (kind) {
      if (!text(row, '渡した者')) errors.push(required(row.row, '渡した者', 'a handover', '受渡し・返却'));
      if (!text(row, '受け取った者'))
        errors.push(required(row.row, '受け取った者', 'a handover', '受渡し・返却'));
    }
    const contract = contracts.get(text(row, '契約番号'));
    if (!contract || errors.length > before) continue;
    plans.push({
      row: row.row,
      contractId: contract.id,
      kind: kind!,
      occurredAt: new Date(`${at!}:00+09:00`),
      details: detailsOf(row, 'handovers', { 日時: at!.replace('T', ' ') }),
    });
  }
  return refuseRepeats(tx, wardId, plans, errors);
}

/**
 * Refuses a row already brought in (the same contract, kind, time and cells), so that importing
 * the same file twice does not double the history.
 */
async function refuseRepeats(tx: Tx, wardId: string, plans: HistoryPlan[], errors: FieldError[]) {
  const ids = [...new Set(plans.map((p) => p.contractId))];
  if (!ids.length) return plans;
  const existing = await tx
    .selectFrom('imported_history')
    .select(['contract_id', 'kind', 'occurred_at', 'details'])
    .where('ward_id', '=', wardId)
    .where('contract_id', 'in', ids)
    .execute();
  const key = (p: {
    contract_id: string;
    kind: string;
    occurred_at: Date;
    details: Record<string, string>;
  }) => JSON.stringify([p.contract_id, p.kind, p.occurred_at.getTime(), Object.entries(p.details).sort()]);
  const seen = new Set(existing.map(key));
  return plans.filter((p) => {
    const k = key({ contract_id: p.contractId, kind: p.kind, occurred_at: p.occurredAt, details: p.details });
    if (!seen.has(k)) {
      seen.add(k);
      return true;
    }
    errors.push(
      cellError(p.row, '契約番号', {
        en: 'this record is already in the contract’s history (imported before, or twice in this file)',
        ja: 'この記録は既に契約の履歴にあります（取込み済み、又はファイル内で重複）',
      }),
    );
    return false;
  });
}

/** Writes the records, each with its audit entry naming the import; returns how many. */
export async function writeHistory(
  _ctx: UseCaseContext,
  uow: UnitOfWork,
  wardId: string,
  importId: string,
  plans: HistoryPlan[],
): Promise<number> {
  for (const plan of plans) {
    const row = await uow.tx
      .insertInto('imported_history')
      .values({
        ward_id: wardId,
        import_id: importId,
        contract_id: plan.contractId,
        kind: plan.kind,
        occurred_at: plan.occurredAt,
        source_row: plan.row,
        details: JSON.stringify(plan.details),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await uow.audit({
      wardId,
      action: 'history.import',
      subjectType: 'Contract',
      subjectId: plan.contractId,
      after: {
        importId,
        historyId: row.id,
        row: plan.row,
        kind: plan.kind,
        occurredAt: plan.occurredAt.toISOString(),
        details: plan.details,
      },
    });
  }
  return plans.length;
}
