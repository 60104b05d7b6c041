import type { InspectionStepsTable } from '../../db/tables/inspections.js';
import type { Tx } from '../shared/context.js';

/** Records one step of an inspection (start, submit, each signature) for the sign-off boxes. */
export async function appendStep(
  tx: Tx,
  inspection: { wardId: string; id: string },
  step: {
    role: string;
    decision: InspectionStepsTable['decision'];
    comment: string | null;
    userId: string;
    at: Date;
  },
): Promise<void> {
  const last = await tx
    .selectFrom('inspection_steps')
    .select((eb) => eb.fn.coalesce(eb.fn.max('seq'), eb.val(0)).as('max'))
    .where('ward_id', '=', inspection.wardId)
    .where('inspection_id', '=', inspection.id)
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('inspection_steps')
    .values({
      ward_id: inspection.wardId,
      inspection_id: inspection.id,
      seq: Number(last.max) + 1,
      role: step.role,
      decision: step.decision,
      comment: step.comment,
      user_id: step.userId,
      at: step.at,
    })
    .execute();
}
