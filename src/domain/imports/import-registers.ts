import { findContract } from '../contracts/contract.repository.js';
import { findRegisterRevision } from '../registers/register.repository.js';
import {
  checkRegister,
  type Direction,
  itemIdentity,
  type MediaKind,
  type Medium,
  mediumIdentity,
  outsideParent,
  type RegisterDocument,
  type SpecialCategory,
} from '../registers/register-document.js';
import { normaliseRegister, type RegisterItemInput } from '../registers/save-register.js';
import type { Tx, UnitOfWork, UseCaseContext } from '../shared/context.js';
import type { FieldError } from '../shared/errors.js';
import { findContractsByNumber } from './import-targets.js';
import {
  cellError,
  cellReader,
  DIRECTION_WORDS,
  MEDIA_WORDS,
  readChoice,
  readYesNo,
  rowError,
  type SheetRow,
  SPECIAL_WORDS,
  text,
} from './import-templates.js';

// 情報項目の取込み: one row per item (対象者, 項目名, 区分 …) or per recording medium (記録媒体), any
// number of contracts in one file, each named by its 契約番号. A contract's register comes in
// whole as its first revision: one that already has a register is changed in the product, where
// every change is a revision of its own. A special category needs 承認の記録 (the ward's approval
// as it was recorded on paper), kept on the item as an approval by the importing officer.

export interface RegisterPlan {
  contractId: string;
  firstRow: number;
  rows: number[];
  document: RegisterDocument;
}

interface Draft {
  contractId: string;
  rows: number[];
  groups: Map<string, RegisterItemInput[]>;
  media: Medium[];
  seenItems: Map<string, number>;
  seenMedia: Map<string, number>;
}

export async function planRegisters(
  ctx: UseCaseContext,
  tx: Tx,
  wardId: string,
  rows: SheetRow[],
  errors: FieldError[],
): Promise<RegisterPlan[]> {
  const contracts = await findContractsByNumber(tx, wardId, rows, errors, (contract) =>
    contract.registerRevision > 0
      ? {
          en: 'this contract already has a register; change it on the contract’s page',
          ja: 'この契約には既に情報項目があります。契約の画面で変更してください',
        }
      : contract.status === 'closed' && !contract.importId
        ? {
            en: 'this contract is closed and was not imported; its register cannot be added',
            ja: 'この契約は完了しており、取込みによる契約ではないため情報項目を追加できません',
          }
        : null,
  );
  const drafts = new Map<string, Draft>();
  const failed = new Set<string>();
  for (const row of rows) {
    const before = errors.length;
    const contract = contracts.get(text(row, '契約番号'));
    const cell = cellReader(row, errors);
    const group = text(row, '対象者');
    const name = text(row, '項目名');
    const mediumKind = cell('記録媒体', (raw) => readChoice(raw, MEDIA_WORDS), null as MediaKind | null);
    const mediumName = text(row, '記録媒体の名称');
    if (!name && !text(row, '記録媒体'))
      errors.push(
        rowError(row.row, {
          en: 'give an item (対象者, 項目名, 区分) or a recording medium (記録媒体)',
          ja: '情報項目（対象者・項目名・区分）又は記録媒体を入力してください',
        }),
      );
    let item: RegisterItemInput | undefined;
    if (name) {
      if (!group) errors.push(cellError(row.row, '対象者', { en: 'required', ja: '入力してください' }));
      if (!text(row, '区分'))
        errors.push(cellError(row.row, '区分', { en: 'required', ja: '入力してください' }));
      const direction = cell('区分', (raw) => readChoice(raw, DIRECTION_WORDS));
      const specialCategory = cell(
        '要配慮区分',
        (raw) => readChoice(raw, SPECIAL_WORDS),
        null as SpecialCategory | null,
      );
      const note = text(row, '承認の記録') || null;
      if (specialCategory && !note)
        errors.push(
          cellError(row.row, '承認の記録', {
            en: 'a special category needs the {self}’s recorded approval (its reference or reason)',
            ja: '要配慮区分の項目には{self}の承認の記録（決裁番号・理由など）が必要です',
          }),
        );
      item = {
        name,
        direction: direction as Direction,
        includesPastYears: cell('過年度分', readYesNo, false),
        specialCategory,
        myNumber: cell('特定個人情報', readYesNo, false),
        specialApprovalNote: note,
      };
    } else if (text(row, '対象者') || text(row, '区分')) {
      errors.push(cellError(row.row, '項目名', { en: 'required', ja: '入力してください' }));
    }
    if (mediumKind && !mediumName)
      errors.push(
        cellError(row.row, '記録媒体の名称', {
          en: 'name the form, system or device',
          ja: '帳票名・システム名・機器名を入力してください',
        }),
      );
    if (!contract || errors.length > before) {
      if (contract) failed.add(contract.id);
      continue;
    }
    const draft: Draft = drafts.get(contract.id) ?? {
      contractId: contract.id,
      rows: [],
      groups: new Map(),
      media: [],
      seenItems: new Map(),
      seenMedia: new Map(),
    };
    drafts.set(contract.id, draft);
    draft.rows.push(row.row);
    if (item) {
      const id = itemIdentity(group, item);
      const earlier = draft.seenItems.get(id);
      if (earlier)
        errors.push(
          cellError(row.row, '項目名', {
            en: `the same item as row ${earlier}`,
            ja: `${earlier}行目と同じ項目です`,
          }),
        );
      draft.seenItems.set(id, earlier ?? row.row);
      draft.groups.set(group, [...(draft.groups.get(group) ?? []), item]);
    }
    if (mediumKind) {
      const medium = { kind: mediumKind, name: mediumName };
      const earlier = draft.seenMedia.get(mediumIdentity(medium));
      if (earlier)
        errors.push(
          cellError(row.row, '記録媒体の名称', {
            en: `the same medium as row ${earlier}`,
            ja: `${earlier}行目と同じ記録媒体です`,
          }),
        );
      else draft.media.push(medium);
      draft.seenMedia.set(mediumIdentity(medium), earlier ?? row.row);
    }
  }
  const plans: RegisterPlan[] = [];
  for (const draft of drafts.values()) {
    if (failed.has(draft.contractId)) continue;
    const document = await normaliseRegister(
      tx,
      wardId,
      { subjectGroups: [...draft.groups].map(([name, items]) => ({ name, items })), media: draft.media },
      ctx,
      undefined,
    );
    const firstRow = draft.rows[0]!;
    // The rules every register keeps (checked by row above); a sub-contract's stays inside its parent's.
    const problems = checkRegister(document);
    const contract = (await findContract(tx, draft.contractId))!;
    if (contract.parentContractId) {
      const parent = await findRegisterRevision(tx, wardId, contract.parentContractId);
      problems.push(...outsideParent(document, parent.document));
    }
    for (const p of problems) errors.push(rowError(firstRow, { en: p.message, ja: p.message_ja }));
    plans.push({ contractId: draft.contractId, firstRow, rows: draft.rows, document });
  }
  return plans;
}

export async function writeRegisters(
  ctx: UseCaseContext,
  uow: UnitOfWork,
  wardId: string,
  importId: string,
  plans: RegisterPlan[],
): Promise<number> {
  const now = ctx.now();
  for (const plan of plans) {
    await uow.tx
      .insertInto('register_revisions')
      .values({
        ward_id: wardId,
        contract_id: plan.contractId,
        revision: 1,
        document: JSON.stringify(plan.document),
        changed_by: ctx.actor.userId,
        changed_at: now,
        note: '既存記録の取込み / imported',
        import_id: importId,
      })
      .execute();
    await uow.tx
      .updateTable('contracts')
      .set({ register_revision: 1, updated_at: now })
      .where('ward_id', '=', wardId)
      .where('id', '=', plan.contractId)
      .execute();
    await uow.audit({
      wardId,
      action: 'register.import',
      subjectType: 'Contract',
      subjectId: plan.contractId,
      after: { importId, rows: plan.rows, revision: 1, document: plan.document },
    });
  }
  return plans.length;
}
