import { checkRecheck, type RecheckAnswer } from '../../../forms/checklist/answer.js';
import { findingMachine } from '../../../workflows/inspection/finding.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound, ValidationError } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';
import { type Finding, findLiveFinding } from './finding.repository.js';
import { findItem, type InspectionItem, toInspection } from './inspection.repository.js';
import { authorizePart, japanToday } from './inspection-access.js';

/**
 * 再確認: after the contractor's improvement report, the inspector checks again and writes the
 * re-check date and result on the item (seed 002: 確認内容欄にその旨(再確認日・改善結果)を追記).
 * Improved closes the finding; not yet improved reopens it with a new agreed deadline.
 */
export async function recheckItem(
  ctx: UseCaseContext,
  inspectionId: string,
  itemKey: string,
  input: RecheckAnswer,
  expectedVersion: number,
): Promise<{ item: InspectionItem; finding: Finding }> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const row = await tx
      .selectFrom('inspections')
      .selectAll()
      .where('id', '=', inspectionId)
      .forShare()
      .executeTakeFirst();
    if (!row) throw notFound('Inspection', '実地検査');
    const inspection = toInspection(row);
    authorizePart(ctx.ability, 'update', 'Inspection', inspection, 'items');
    const before = await findItem(tx, inspection.wardId, inspection.id, itemKey, true);
    if (!before) throw notFound('Checklist item', '確認項目');
    if (inspection.status !== 'in_progress') {
      throw new ConflictError(
        {
          en: `Re-checks are recorded while the inspection is in progress (it is ${inspection.status})`,
          ja: `再確認は実施中の実地検査にのみ記録できます（現在の状態: ${inspection.status}）`,
        },
        { state: inspection.status },
      );
    }
    checkVersion('確認項目 / Checklist item', expectedVersion, before.version);
    const finding = await findLiveFinding(tx, inspection.wardId, inspection.id, itemKey, true);
    if (!finding || before.result !== 'ng') {
      throw new ConflictError({
        en: 'There is no finding on this item to re-check',
        ja: 'この項目には再確認する指摘事項がありません',
      });
    }
    const errors = checkRecheck(input, before.checkedOn!, japanToday(ctx.now()));
    if (errors.length)
      throw new ValidationError(
        { en: 'The re-check is not valid', ja: '再確認の入力に誤りがあります' },
        errors,
      );
    const decision = decide(findingMachine, finding.status, {
      type: 'RECHECK',
      improved: input.result === 'ok',
    });
    if (!decision.allowed) {
      throw new ConflictError(
        {
          en: `The finding is ${finding.status}: a re-check follows the contractor's improvement report`,
          ja: `指摘事項の状態が「${finding.status}」のため再確認できません（委託先等の改善報告の後に再確認します）`,
        },
        { findingId: finding.id, findingStatus: finding.status },
      );
    }

    const now = ctx.now();
    await tx
      .updateTable('inspection_items')
      .set({
        recheck_on: input.recheckedOn,
        recheck_result: input.result,
        recheck_note: input.note?.trim() || null,
        recorded_by: ctx.actor.userId,
        recorded_at: now,
        version: before.version + 1,
      })
      .where('ward_id', '=', inspection.wardId)
      .where('inspection_id', '=', inspection.id)
      .where('item_key', '=', itemKey)
      .execute();
    await tx
      .updateTable('inspection_findings')
      .set({
        status: decision.next,
        ...(input.result === 'ng' && { due_on: input.newDueOn! }),
        ...(decision.next === 'closed' && { closed_at: now }),
        updated_at: now,
        version: finding.version + 1,
      })
      .where('ward_id', '=', finding.wardId)
      .where('id', '=', finding.id)
      .execute();

    const item = (await findItem(tx, inspection.wardId, inspection.id, itemKey))!;
    const after = (await findLiveFinding(tx, inspection.wardId, inspection.id, itemKey))!;
    await audit({
      wardId: inspection.wardId,
      action: 'inspection.recheck',
      subjectType: 'Finding',
      subjectId: finding.id,
      before: { status: finding.status, dueOn: finding.dueOn, version: finding.version },
      after: {
        status: after.status,
        dueOn: after.dueOn,
        version: after.version,
        itemKey,
        recheckedOn: input.recheckedOn,
        result: input.result,
        note: item.recheckNote,
      },
    });
    return { item, finding: after };
  });
}
