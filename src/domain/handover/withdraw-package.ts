import type { UseCaseContext } from '../shared/context.js';
import { runStep } from '../shared/run-step.js';
import { type CustodyStep, custodyWorkflow } from './custody.workflow.js';
import type { HandoverPackage } from './package.repository.js';

/**
 * 取下げ: a package that never left the ward (its notice lost, the wrong data picked) is withdrawn;
 * the ward deletes its own copy of the file. It then no longer holds up the contract's closing.
 */
export const withdrawCommand: CustodyStep<{ reason: string }> = {
  name: 'withdraw',
  label: { en: 'withdraw', ja: '取下げ' },
  can: { action: 'update', field: 'withdraw' },
  event: () => ({ type: 'WITHDRAW' }),
  audit: ({ input }) => ({ after: { reason: input.reason.trim() } }),
};

export function withdrawPackage(
  ctx: UseCaseContext,
  id: string,
  reason: string,
  expectedVersion: number,
): Promise<HandoverPackage> {
  return runStep(ctx, custodyWorkflow, withdrawCommand, id, { reason }, expectedVersion);
}
