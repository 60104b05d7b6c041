import { checkRecheck, type RecheckAnswer } from '../../../forms/checklist/answer.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound, ValidationError } from '../shared/errors.js';
import { takeStep } from '../shared/run-step.js';
import { checkVersion } from '../shared/versioning.js';
import { type Finding, findLiveFinding } from './finding.repository.js';
import { findingFollowSteps, findingWorkflow } from './finding.workflow.js';
import { findItem, type InspectionItem, toInspection } from './inspection.repository.js';
import { checkInspectionAllows } from './inspection.workflow.js';
import { japanToday } from './inspection-access.js';

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
  return inTransaction(ctx, async (uow) => {
    const { tx } = uow;
    const row = await tx
      .selectFrom('inspections')
      .selectAll()
      .where('id', '=', inspectionId)
      .forShare()
      .executeTakeFirst();
    if (!row) throw notFound('Inspection', '実地検査');
    const inspection = toInspection(row);
    authorize(ctx.ability, 'update', 'Inspection', inspection, 'items');
    const before = await findItem(tx, inspection.wardId, inspection.id, itemKey, true);
    if (!before) throw notFound('Checklist item', '確認項目');
    checkInspectionAllows(inspection, { type: 'FOLLOW_UP' });
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
    // the finding's step first: a refusal (nothing reported yet) leaves the item as it was
    const stepped = await takeStep(
      uow,
      ctx,
      findingWorkflow,
      findingFollowSteps.recheck,
      finding.id,
      { itemKey, ...input },
      { follows: true },
    );
    if (stepped.refused) throw stepped.refused;
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
    const item = (await findItem(tx, inspection.wardId, inspection.id, itemKey))!;
    const after = (await findLiveFinding(tx, inspection.wardId, inspection.id, itemKey))!;
    return { item, finding: after };
  });
}
