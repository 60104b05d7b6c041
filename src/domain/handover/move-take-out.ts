import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { runStep } from '../shared/run-step.js';
import { type CustodyStep, custodyFacts, custodyWorkflow } from './custody.workflow.js';
import { checkEventTime } from './custody-steps.js';
import { type Custody, type HandoverPackage, latestEventAt } from './package.repository.js';
import { listedCarrier, stepTakeOut } from './take-out-package.js';

// The two moves of a take-out after it is recorded: an approved one leaves, and one that is out
// comes back to the cabinet with the check made on its return (返却時の確認).

type Move<I> = CustodyStep<I & { takeOutId: string }>;

/** The take-out the step is about, from the package's custody (404 if it is not the package's). */
const takeOutOf = (facts: Custody | undefined, id: string | undefined) =>
  facts?.takeOuts.find((t) => t.id === id);

/** An approved take-out leaves: the media is out from now on. */
export const startTakeOutCommand: Move<{ outAt: Date }> = {
  name: 'start-take-out',
  duty: 'take_out',
  label: { en: 'take out (approved)', ja: '持出し（承認済み）' },
  can: { action: 'update', field: 'takeOut' },
  facts: custodyFacts,
  check: ({ facts, input }) => {
    if (!takeOutOf(facts, input.takeOutId)) throw notFound('Take-out', '持出記録');
  },
  event: ({ facts, input }) => {
    const takeOut = takeOutOf(facts, input?.takeOutId);
    return {
      type: 'TAKE_OUT',
      purpose: takeOut?.purpose ?? 'other',
      wardApproved: takeOut?.status === 'approved',
    };
  },
  apply: async ({ tx, ctx, record: pkg, input, facts, auditNote }) => {
    const takeOut = takeOutOf(facts, input.takeOutId)!;
    const state = stepTakeOut(takeOut.status, { type: 'START' });
    checkEventTime(input.outAt, ctx.now(), latestEventAt(pkg, facts), 'outAt');
    await listedCarrier(tx, pkg, takeOut.handlerId, input.outAt);
    await tx
      .updateTable('package_take_outs')
      .set({ status: state, out_at: input.outAt })
      .where('ward_id', '=', pkg.wardId)
      .where('id', '=', takeOut.id)
      .execute();
    auditNote.takeOut = { id: takeOut.id, outAt: input.outAt };
    return {};
  },
  audit: () => ({ action: 'handover_package.take_out' }),
};

/** 返却時の確認: the media is back in the cabinet; the check made on its return is recorded. */
export const bringBackCommand: Move<{ backAt: Date; check: string }> = {
  name: 'bring-back',
  duty: 'take_out',
  label: { en: 'bring back to the cabinet', ja: '持出しからの戻り' },
  can: { action: 'update', field: 'takeOut' },
  facts: custodyFacts,
  check: ({ facts, input }) => {
    if (!takeOutOf(facts, input.takeOutId)) throw notFound('Take-out', '持出記録');
  },
  event: () => ({ type: 'BRING_BACK' }),
  apply: async ({ tx, ctx, record: pkg, input, facts, auditNote }) => {
    const takeOut = takeOutOf(facts, input.takeOutId)!;
    const state = stepTakeOut(takeOut.status, { type: 'BRING_BACK' });
    checkEventTime(input.backAt, ctx.now(), latestEventAt(pkg, facts), 'backAt');
    await tx
      .updateTable('package_take_outs')
      .set({ status: state, back_at: input.backAt, back_check: input.check.trim() })
      .where('ward_id', '=', pkg.wardId)
      .where('id', '=', takeOut.id)
      .execute();
    auditNote.takeOut = { id: takeOut.id, backAt: input.backAt, check: input.check.trim() };
    return {};
  },
};

export function startTakeOut(
  ctx: UseCaseContext,
  id: string,
  takeOutId: string,
  outAt: Date,
  expectedVersion: number,
): Promise<HandoverPackage> {
  return runStep(ctx, custodyWorkflow, startTakeOutCommand, id, { takeOutId, outAt }, expectedVersion);
}

export function bringBackPackage(
  ctx: UseCaseContext,
  id: string,
  takeOutId: string,
  input: { backAt: Date; check: string },
  expectedVersion: number,
): Promise<HandoverPackage> {
  return runStep(ctx, custodyWorkflow, bringBackCommand, id, { takeOutId, ...input }, expectedVersion);
}
