import type { InspectionUseEvent } from '../../../workflows/inspection/inspection.machine.js';
import { authorize } from '../shared/authorize.js';
import type { Tx, UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';
import { findItem, type Inspection, type InspectionItem, toInspection } from './inspection.repository.js';
import { checkInspectionAllows } from './inspection.workflow.js';

/**
 * One checklist item, locked for a change: its inspection FOR SHARE (items are saved side by side,
 * but never while the record is being submitted), the `items` part of the inspection authorised,
 * what the inspection's state must allow asked of its machine, and the item's version checked.
 */
export async function lockItem(
  tx: Tx,
  ctx: UseCaseContext,
  where: { inspectionId: string; itemKey: string; expectedVersion: number },
  use: InspectionUseEvent,
): Promise<{ inspection: Inspection; item: InspectionItem }> {
  const row = await tx
    .selectFrom('inspections')
    .selectAll()
    .where('id', '=', where.inspectionId)
    .forShare()
    .executeTakeFirst();
  if (!row) throw notFound('Inspection', '実地検査');
  const inspection = toInspection(row);
  authorize(ctx.ability, 'update', 'Inspection', inspection, 'items');
  const item = await findItem(tx, inspection.wardId, inspection.id, where.itemKey, true);
  if (!item) throw notFound('Checklist item', '確認項目');
  checkInspectionAllows(inspection, use);
  checkVersion('確認項目 / Checklist item', where.expectedVersion, item.version);
  return { inspection, item };
}
