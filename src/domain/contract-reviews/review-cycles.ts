import { findContract } from '../contracts/contract.repository.js';
import { getContract } from '../contracts/manage-contracts.js';
import { requireWardView } from '../controls/ward-only.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
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

    const open = await findOpenReview(tx, contract.wardId, contract.id);
    let review: Record<string, unknown> = {};
    if (open && months === null) {
      // the review still due is cancelled: a step of its own workflow, audited as such
      await takeStep(
        uow,
        ctx,
        contractReviewWorkflow,
        contractReviewCommands.cancel,
        open.id,
        {},
        { follows: true },
      );
      review = { cancelledReviewId: open.id };
    } else if (open && months !== null && months !== open.intervalMonths) {
      const dueOn = addMonths(toJapanDate(open.since), months);
      await tx
        .updateTable('contract_reviews')
        .set((eb) => ({
          interval_months: months,
          due_on: dueOn,
          updated_at: now,
          version: eb('version', '+', 1),
        }))
        .where('ward_id', '=', contract.wardId)
        .where('id', '=', open.id)
        .execute();
      review = { reviewId: open.id, dueOn };
    } else if (!open && months !== null) {
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
      review = { reviewId: issued.id, dueOn: issued.dueOn };
    }
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
