import { checkRecheck, type RecheckAnswer } from '../../../forms/checklist/answer.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { takeStep } from '../shared/run-step.js';
import { type Finding, findLiveFinding } from './finding.repository.js';
import { findingFollowSteps, findingWorkflow } from './finding.workflow.js';
import { findItem, type InspectionItem } from './inspection.repository.js';
import { japanToday } from './inspection-access.js';
import { lockItem } from './lock-item.js';

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
    const { inspection, item: before } = await lockItem(
      tx,
      ctx,
      { inspectionId, itemKey, expectedVersion },
      { type: 'FOLLOW_UP' },
    );
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
