import { findContract } from '../contracts/contract.repository.js';
import { getContract } from '../contracts/manage-contracts.js';
import { requireWardView } from '../controls/ward-only.js';
import { inTransaction, type UnitOfWork, type UseCaseContext } from '../shared/context.js';
import { ConflictError } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { takeStep } from '../shared/run-step.js';
import { findOpenReview } from './contract-review.repository.js';
import { contractReviewCommands, contractReviewWorkflow, issueReview } from './contract-review.workflow.js';
import { addMonths } from './review-dates.js';

// 見直し周期: "review this contract again after N months", set by the ward's officer, 係長 or 課長.
// Setting it issues the first review (due N months after the last one, or after today); changing it
// moves the due day of the review still due; removing it (null) cancels that review.

export interface ReviewCycle {
  contractId: string;
  /** null: no cycle. */
  months: number | null;
  /** 0 until a cycle is first set. */
  version: number;
  /** The review now due, if any. */
  openReview: { id: string; dueOn: string; version: number } | null;
}

/** A contract's cycle and the review due under it; 404 where the contract may not be read, 403 for a company. */
export async function readReviewCycle(ctx: UseCaseContext, contractId: string): Promise<ReviewCycle> {
  const contract = await getContract(ctx, contractId);
  requireWardView(ctx, 'read', 'ContractReview', contract.wardId);
  const row = await ctx.db
    .selectFrom('contract_review_cycles')
    .select(['interval_months', 'version'])
    .where('ward_id', '=', contract.wardId)
    .where('contract_id', '=', contract.id)
    .executeTakeFirst();
  const open = await findOpenReview(ctx.db, contract.wardId, contract.id);
  return {
    contractId: contract.id,
    months: row?.interval_months ?? null,
    version: row?.version ?? 0,
    openReview: open ? { id: open.id, dueOn: open.dueOn, version: open.version } : null,
  };
}

/**
 * Sets (or with null removes) a contract's review cycle: the ward's officer, 係長 or 課長 (404 where the
 * contract may not be read; 403 for its companies and inspectors); version 0 for the first setting,
 * then the version read (409 if stale); a closed contract takes no cycle (409). Audited
 * (contract.review_cycle) with what it did to the review due, in one transaction.
 */
export async function setReviewCycle(
  ctx: UseCaseContext,
  contractId: string,
  months: number | null,
  expectedVersion: number,
): Promise<ReviewCycle> {
  const read = await getContract(ctx, contractId);
  requireWardView(ctx, 'update', 'ContractReview', read.wardId);
  await inTransaction(ctx, async (uow) => {
    const { tx, audit } = uow;
    const contract = (await findContract(tx, contractId, true))!;
    const before = await tx
      .selectFrom('contract_review_cycles')
      .select(['interval_months', 'version'])
      .where('ward_id', '=', contract.wardId)
      .where('contract_id', '=', contract.id)
      .forUpdate()
      .executeTakeFirst();
    const current = before?.version ?? 0;
    if (current !== expectedVersion)
      throw new ConflictError(
        {
          en: `Someone changed the review cycle meanwhile (version ${current}, you read ${expectedVersion})`,
          ja: `見直し周期は他の人が変更しました（版 ${current}、読み込んだ版 ${expectedVersion}）`,
        },
        { state: String(current) },
      );
    if (contract.status === 'closed' && months !== null)
      throw new ConflictError(
        {
          en: 'A closed contract is not reviewed again',
          ja: '終了した契約には見直し周期を設定できません',
        },
        { state: contract.status },
      );
    const now = ctx.now();
    if (!before)
      await tx
        .insertInto('contract_review_cycles')
        .values({
          ward_id: contract.wardId,
          contract_id: contract.id,
          interval_months: months,
          updated_by: ctx.actor.userId,
          updated_at: now,
        })
        .execute();
    else
      await tx
        .updateTable('contract_review_cycles')
        .set((eb) => ({
          interval_months: months,
          updated_by: ctx.actor.userId,
          updated_at: now,
          version: eb('version', '+', 1),
        }))
        .where('ward_id', '=', contract.wardId)
        .where('contract_id', '=', contract.id)
        .execute();

    const review = await followCycle(uow, ctx, contract, months, now);
    await audit({
      wardId: contract.wardId,
      action: 'contract.review_cycle',
      subjectType: 'Contract',
      subjectId: contract.id,
      before: { months: before?.interval_months ?? null, version: current },
      after: { months, version: current + 1, ...review },
    });
  });
  return readReviewCycle(ctx, contractId);
}

/**
 * What the new cycle does to the review due: cancels it (no cycle), moves its due day (another
 * interval), or issues the first one. A review completed meanwhile by someone else (its row was
 * locked by that step, not by this one) has issued the next: look again, at most once more.
 */
async function followCycle(
  uow: UnitOfWork,
  ctx: UseCaseContext,
  contract: { wardId: string; id: string },
  months: number | null,
  now: Date,
): Promise<Record<string, unknown>> {
  const { tx } = uow;
  for (let attempt = 0; attempt < 2; attempt++) {
    const open = await findOpenReview(tx, contract.wardId, contract.id);
    if (open && months === null) {
      // the review still due is cancelled: a step of its own workflow, audited as such
      const step = await takeStep(
        uow,
        ctx,
        contractReviewWorkflow,
        contractReviewCommands.cancel,
        open.id,
        {},
        {
          follows: true,
        },
      );
      if (step.refused) continue;
      return { cancelledReviewId: open.id };
    }
    if (open && months !== null) {
      if (months === open.intervalMonths) return {};
      const dueOn = addMonths(toJapanDate(open.since), months);
      const moved = await tx
        .updateTable('contract_reviews')
        .set((eb) => ({
          interval_months: months,
          due_on: dueOn,
          updated_at: now,
          version: eb('version', '+', 1),
        }))
        .where('ward_id', '=', contract.wardId)
        .where('id', '=', open.id)
        .where('status', '=', 'due')
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) continue;
      return { reviewId: open.id, dueOn };
    }
    if (months === null) return {};
    const last = await tx
      .selectFrom('contract_reviews')
      .select('completed_at')
      .where('ward_id', '=', contract.wardId)
      .where('contract_id', '=', contract.id)
      .where('status', '=', 'completed')
      .orderBy('completed_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const since = last?.completed_at ?? now;
    const issued = await issueReview(tx, {
      wardId: contract.wardId,
      contractId: contract.id,
      months,
      since,
      from: toJapanDate(since),
      now,
    });
    return { reviewId: issued.id, dueOn: issued.dueOn };
  }
  throw new ConflictError({
    en: 'The review was changed meanwhile; read the contract again',
    ja: '見直しが同時に変更されました。契約を読み込み直してください',
  });
}
