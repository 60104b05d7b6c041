import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { authorizeStep, decideStep, saveState } from './custody-steps.js';
import { findPackage, type HandoverPackage } from './package.repository.js';

/**
 * 取下げ: a package that never left the ward (its notice lost, the wrong data picked) is withdrawn;
 * the ward deletes its own copy of the file. It then no longer holds up the contract's closing.
 */
export async function withdrawPackage(
  ctx: UseCaseContext,
  id: string,
  reason: string,
  expectedVersion: number,
): Promise<HandoverPackage> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const pkg = await findPackage(tx, id, true);
    if (!pkg) throw notFound('Handover package', '受渡データ');
    authorizeStep(ctx, pkg, 'withdraw');
    const next = decideStep(pkg, { type: 'WITHDRAW' }, expectedVersion);
    await saveState(tx, ctx, pkg, next);
    await audit({
      wardId: pkg.wardId,
      action: 'handover_package.withdraw',
      subjectType: 'HandoverPackage',
      subjectId: pkg.id,
      before: { status: pkg.status, version: pkg.version },
      after: { status: next, version: pkg.version + 1, reason: reason.trim() },
    });
    return (await findPackage(tx, pkg.id))!;
  });
}
