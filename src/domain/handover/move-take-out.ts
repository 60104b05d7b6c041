import type { TakeOutState } from '../../../workflows/custody/take-out.machine.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { authorizeStep, checkEventTime, decideStep, saveState } from './custody-steps.js';
import { findPackage, type HandoverPackage, latestEventAt, loadCustody } from './package.repository.js';
import { findTakeOut, listedCarrier, stepTakeOut } from './take-out-package.js';

// The two moves of a take-out after it is recorded: an approved one leaves, and one that is out
// comes back to the cabinet with the check made on its return (返却時の確認).

/** An approved take-out leaves: the media is out from now on. */
export async function startTakeOut(
  ctx: UseCaseContext,
  id: string,
  takeOutId: string,
  outAt: Date,
  expectedVersion: number,
): Promise<HandoverPackage> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const pkg = await findPackage(tx, id, true);
    if (!pkg) throw notFound('Handover package', '受渡データ');
    authorizeStep(ctx, pkg, 'takeOut');
    const takeOut = await findTakeOut(tx, pkg, takeOutId);
    const state = stepTakeOut(takeOut.status as TakeOutState, { type: 'START' });
    const next = decideStep(
      pkg,
      { type: 'TAKE_OUT', purpose: takeOut.purpose, wardApproved: takeOut.status === 'approved' },
      expectedVersion,
    );
    const custody = await loadCustody(tx, pkg);
    checkEventTime(outAt, ctx.now(), latestEventAt(pkg, custody), 'outAt');
    await listedCarrier(tx, pkg, takeOut.handler_id, outAt);
    await tx
      .updateTable('package_take_outs')
      .set({ status: state, out_at: outAt })
      .where('ward_id', '=', pkg.wardId)
      .where('id', '=', takeOutId)
      .execute();
    await saveState(tx, ctx, pkg, next);
    await audit({
      wardId: pkg.wardId,
      action: 'handover_package.take_out',
      subjectType: 'HandoverPackage',
      subjectId: pkg.id,
      before: { status: pkg.status, version: pkg.version },
      after: { status: next, version: pkg.version + 1, takeOut: { id: takeOutId, outAt } },
    });
    return (await findPackage(tx, pkg.id))!;
  });
}

/** 返却時の確認: the media is back in the cabinet; the check made on its return is recorded. */
export async function bringBackPackage(
  ctx: UseCaseContext,
  id: string,
  takeOutId: string,
  input: { backAt: Date; check: string },
  expectedVersion: number,
): Promise<HandoverPackage> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const pkg = await findPackage(tx, id, true);
    if (!pkg) throw notFound('Handover package', '受渡データ');
    authorizeStep(ctx, pkg, 'takeOut');
    const takeOut = await findTakeOut(tx, pkg, takeOutId);
    const state = stepTakeOut(takeOut.status as TakeOutState, { type: 'BRING_BACK' });
    const next = decideStep(pkg, { type: 'BRING_BACK' }, expectedVersion);
    const custody = await loadCustody(tx, pkg);
    checkEventTime(input.backAt, ctx.now(), latestEventAt(pkg, custody), 'backAt');
    await tx
      .updateTable('package_take_outs')
      .set({ status: state, back_at: input.backAt, back_check: input.check.trim() })
      .where('ward_id', '=', pkg.wardId)
      .where('id', '=', takeOutId)
      .execute();
    await saveState(tx, ctx, pkg, next);
    await audit({
      wardId: pkg.wardId,
      action: 'handover_package.bring_back',
      subjectType: 'HandoverPackage',
      subjectId: pkg.id,
      before: { status: pkg.status, version: pkg.version },
      after: {
        status: next,
        version: pkg.version + 1,
        takeOut: { id: takeOutId, backAt: input.backAt, check: input.check.trim() },
      },
    });
    return (await findPackage(tx, pkg.id))!;
  });
}
