import { checkAnswer, type ItemAnswer } from '../../../forms/checklist/answer.js';
import { findingMachine } from '../../../workflows/inspection/finding.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { takeStep } from '../shared/run-step.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { checkEvidence } from './evidence.js';
import { type Finding, findLiveFinding } from './finding.repository.js';
import { findingFollowSteps, findingWorkflow } from './finding.workflow.js';
import { findItem, type InspectionItem } from './inspection.repository.js';
import { japanToday } from './inspection-access.js';
import { lockItem } from './lock-item.js';

export interface RecordItemInput extends ItemAnswer {
  photoIds?: string[];
}

/**
 * Saves one answered item (確認結果, 実施日, 確認内容, photos, remote method), so that a phone losing
 * its page loses nothing. A × opens a finding (指摘事項) with the agreed improvement deadline, or
 * updates the open one; correcting a × before anything was reported withdraws its finding. Once
 * the contractor has reported, the original answer stands and only a re-check may be recorded.
 */
export async function recordItem(
  ctx: UseCaseContext,
  inspectionId: string,
  itemKey: string,
  input: RecordItemInput,
  expectedVersion: number,
): Promise<{ item: InspectionItem; finding: Finding | null }> {
  return inTransaction(ctx, async (uow) => {
    const { tx, audit } = uow;
    const { inspection, item: before } = await lockItem(
      tx,
      ctx,
      { inspectionId, itemKey, expectedVersion },
      { type: 'RECORD_ITEM' },
    );

    const errors = checkAnswer(inspection.template, input, japanToday(ctx.now()));
    if (errors.length)
      throw new ValidationError(
        { en: 'The answer is not valid', ja: '確認結果の入力に誤りがあります' },
        errors,
      );
    const photoIds = input.photoIds ?? [];
    await checkEvidence(ctx, tx, inspection.wardId, photoIds, 'photoIds', 'photo');

    const live = await findLiveFinding(tx, inspection.wardId, inspection.id, itemKey, true);
    if (live && !decide(findingMachine, live.status, { type: 'AMEND' }).allowed) {
      throw new ConflictError(
        {
          en: `The finding on this item is ${live.status}; record a re-check instead of changing the answer`,
          ja: 'この項目の指摘事項には改善報告等があるため、確認結果は変更できません。再確認を記録してください',
        },
        { findingId: live.id, findingStatus: live.status },
      );
    }

    const now = ctx.now();
    await tx
      .updateTable('inspection_items')
      .set({
        result: input.result,
        checked_on: input.checkedOn,
        observation: input.observation?.trim() || null,
        photo_ids: photoIds,
        remote_method: input.remoteMethod ?? null,
        recorded_by: ctx.actor.userId,
        recorded_at: now,
        version: before.version + 1,
      })
      .where('ward_id', '=', inspection.wardId)
      .where('inspection_id', '=', inspection.id)
      .where('item_key', '=', itemKey)
      .execute();

    let findingId: string | null = live?.id ?? null;
    if (input.result === 'ng') {
      const values = {
        observation: input.observation!.trim(),
        due_on: input.improvementDueOn!,
        updated_at: now,
      };
      if (live) {
        await tx
          .updateTable('inspection_findings')
          .set({ ...values, version: live.version + 1 })
          .where('ward_id', '=', live.wardId)
          .where('id', '=', live.id)
          .execute();
      } else {
        const created = await tx
          .insertInto('inspection_findings')
          .values({
            ...values,
            ward_id: inspection.wardId,
            inspection_id: inspection.id,
            item_key: itemKey,
            organisation_id: inspection.organisationId,
            status: 'open',
            ...machineColumns(findingWorkflow),
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        findingId = created.id;
      }
    } else if (live) {
      await takeStep(
        uow,
        ctx,
        findingWorkflow,
        findingFollowSteps.withdraw,
        live.id,
        { itemKey },
        { follows: true },
      );
      findingId = null;
    }

    const item = (await findItem(tx, inspection.wardId, inspection.id, itemKey))!;
    const finding = findingId
      ? ((await findLiveFinding(tx, inspection.wardId, inspection.id, itemKey)) ?? null)
      : null;
    await audit({
      wardId: inspection.wardId,
      action: 'inspection.item',
      subjectType: 'Inspection',
      subjectId: inspection.id,
      before: { itemKey, result: before.result, checkedOn: before.checkedOn, version: before.version },
      after: {
        itemKey,
        result: item.result,
        checkedOn: item.checkedOn,
        observation: item.observation,
        photoIds: item.photoIds,
        remoteMethod: item.remoteMethod,
        version: item.version,
        finding: finding ? { id: finding.id, status: finding.status, dueOn: finding.dueOn } : null,
        withdrawnFinding: live && !finding ? live.id : null,
      },
    });
    return { item, finding };
  });
}
