import type { TakeOutState } from '../../../workflows/custody/take-out.machine.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';
import { authorizeStep, saveState } from './custody-steps.js';
import { findPackage, type HandoverPackage } from './package.repository.js';
import { findTakeOut, stepTakeOut } from './take-out-package.js';

/**
 * The ward approves (承認) or refuses a take-out for a purpose other than delivery or return
 * (seed 003 特記事項6: 甲が指定した場所の外へ持ち出してはならない。ただし、甲の承諾があるときは…).
 */
export async function decideTakeOut(
  ctx: UseCaseContext,
  id: string,
  takeOutId: string,
  decision: 'approve' | 'refuse',
  comment: string | null,
  expectedVersion: number,
): Promise<HandoverPackage> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const pkg = await findPackage(tx, id, true);
    if (!pkg) throw notFound('Handover package', '受渡データ');
    authorizeStep(ctx, pkg, 'approveTakeOut');
    checkVersion('受渡データ / Handover package', expectedVersion, pkg.version);
    const takeOut = await findTakeOut(tx, pkg, takeOutId);
    const state = stepTakeOut(takeOut.status as TakeOutState, {
      type: decision === 'approve' ? 'APPROVE' : 'REFUSE',
    });
    await tx
      .updateTable('package_take_outs')
      .set({ status: state, decided_by: ctx.actor.userId, decided_at: ctx.now(), decision_comment: comment })
      .where('ward_id', '=', pkg.wardId)
      .where('id', '=', takeOutId)
      .execute();
    // The package's state is unchanged; its version moves so concurrent screens notice.
    await saveState(tx, ctx, pkg, pkg.status);
    await audit({
      wardId: pkg.wardId,
      action: `handover_package.${decision}_take_out`,
      subjectType: 'HandoverPackage',
      subjectId: pkg.id,
      before: { takeOut: { id: takeOutId, status: takeOut.status }, version: pkg.version },
      after: { takeOut: { id: takeOutId, status: state, comment }, version: pkg.version + 1 },
    });
    return (await findPackage(tx, pkg.id))!;
  });
}
