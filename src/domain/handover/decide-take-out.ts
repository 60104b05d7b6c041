import type { UseCaseContext } from '../shared/context.js';
import { runStep } from '../shared/run-step.js';
import { type CustodyStep, custodyWorkflow } from './custody.workflow.js';
import type { HandoverPackage } from './package.repository.js';
import { findTakeOut, stepTakeOut } from './take-out-package.js';

interface DecisionInput {
  takeOutId: string;
  decision: 'approve' | 'refuse';
  comment: string | null;
}

/**
 * The ward approves (承認) or refuses a take-out for a purpose other than delivery or return
 * (seed 003 特記事項6: 甲が指定した場所の外へ持ち出してはならない。ただし、甲の承諾があるときは…).
 * The package stays in the cabinet; its version moves so concurrent screens notice.
 */
export const decideTakeOutCommand: CustodyStep<DecisionInput> = {
  name: 'decide-take-out',
  duty: 'take_out',
  label: { en: 'decide on a take-out', ja: '持出しの承認' },
  can: { action: 'update', field: 'approveTakeOut' },
  event: () => ({ type: 'DECIDE_TAKE_OUT' }),
  apply: async ({ tx, ctx, record: pkg, input, now, auditNote }) => {
    const takeOut = await findTakeOut(tx, pkg, input.takeOutId);
    const state = stepTakeOut(takeOut.status, { type: input.decision === 'approve' ? 'APPROVE' : 'REFUSE' });
    await tx
      .updateTable('package_take_outs')
      .set({ status: state, decided_by: ctx.actor.userId, decided_at: now, decision_comment: input.comment })
      .where('ward_id', '=', pkg.wardId)
      .where('id', '=', input.takeOutId)
      .execute();
    auditNote.takeOut = { id: input.takeOutId, status: state, was: takeOut.status, comment: input.comment };
    return {};
  },
  audit: ({ input }) => ({ action: `handover_package.${input.decision}_take_out` }),
};

export function decideTakeOut(
  ctx: UseCaseContext,
  id: string,
  takeOutId: string,
  decision: 'approve' | 'refuse',
  comment: string | null,
  expectedVersion: number,
): Promise<HandoverPackage> {
  return runStep(
    ctx,
    custodyWorkflow,
    decideTakeOutCommand,
    id,
    { takeOutId, decision, comment },
    expectedVersion,
  );
}
