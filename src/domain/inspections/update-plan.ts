import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';
import { fiscalYearOf } from '../shared/wareki.js';
import { findInspection, type Inspection } from './inspection.repository.js';
import { checkInspectionAllows } from './inspection.workflow.js';
import { checkAssistants } from './plan-inspection.js';

export interface PlanChanges {
  plannedOn?: string;
  place?: string | null;
  assistantIds?: string[];
}

/** Changes the plan: the date while still planned (it decides the fiscal year the inspection
 * counts for), the place and the assistants until the record is submitted. */
export async function updatePlan(
  ctx: UseCaseContext,
  id: string,
  changes: PlanChanges,
  expectedVersion: number,
): Promise<Inspection> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const before = await findInspection(tx, id, true);
    if (!before) throw notFound('Inspection', '実地検査');
    authorize(ctx.ability, 'update', 'Inspection', before, 'lifecycle');
    checkInspectionAllows(before, { type: 'EDIT_PLAN', changesDate: changes.plannedOn !== undefined });
    checkVersion('実地検査 / Inspection', expectedVersion, before.version);
    if (changes.assistantIds)
      await checkAssistants(tx, before.wardId, before.inspectorId, changes.assistantIds);
    await tx
      .updateTable('inspections')
      .set({
        ...(changes.plannedOn && {
          planned_on: changes.plannedOn,
          fiscal_year: fiscalYearOf(changes.plannedOn),
        }),
        ...(changes.place !== undefined && { place: changes.place }),
        ...(changes.assistantIds && { assistant_ids: changes.assistantIds }),
        updated_at: ctx.now(),
        version: before.version + 1,
      })
      .where('ward_id', '=', before.wardId)
      .where('id', '=', id)
      .execute();
    const after = (await findInspection(tx, id))!;
    await audit({
      wardId: before.wardId,
      action: 'inspection.update_plan',
      subjectType: 'Inspection',
      subjectId: id,
      before: {
        plannedOn: before.plannedOn,
        place: before.place,
        assistantIds: before.assistantIds,
        version: before.version,
      },
      after: {
        plannedOn: after.plannedOn,
        place: after.place,
        assistantIds: after.assistantIds,
        version: after.version,
      },
    });
    return after;
  });
}
