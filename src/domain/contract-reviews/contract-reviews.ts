import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { allowedActions, type Viewer } from '../shared/allowed-actions.js';
import { authorize } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { runStep } from '../shared/run-step.js';
import {
  type ContractReview,
  contractReviewFields,
  findContractReview,
  toContractReview,
} from './contract-review.repository.js';
import {
  type ContractReviewCommand,
  type ContractReviewInput,
  contractReviewCommands,
  contractReviewWorkflow,
} from './contract-review.workflow.js';
import { countChangesSince, type ReviewChanges } from './review-changes.js';

export type { ContractReviewCommand, ContractReviewInput };

/** Past its due day and still not made. */
export const isReviewOverdue = (r: Pick<ContractReview, 'status' | 'dueOn'>, today: string) =>
  r.status === 'due' && r.dueOn < today;

/** The commands a person may give here: completing (cancelling follows from the cycle only). */
const GIVEN: ContractReviewCommand[] = ['complete'];

/** Completes the review on the shared path: who, when, the note, the changes, and the next review. */
export function completeContractReview(
  ctx: UseCaseContext,
  id: string,
  input: ContractReviewInput,
  expectedVersion: number,
): Promise<ContractReview> {
  return runStep(ctx, contractReviewWorkflow, contractReviewCommands.complete, id, input, expectedVersion);
}

export function contractReviewActions(viewer: Viewer, r: ContractReview): ContractReviewCommand[] {
  return allowedActions(
    viewer,
    contractReviewWorkflow,
    GIVEN.map((c) => contractReviewCommands[c]),
    r,
  ) as ContractReviewCommand[];
}

export interface ContractReviewView extends ContractReview {
  overdue: boolean;
  /** What changed since the previous review: as kept when completed, counted now while due. */
  changesSince: ReviewChanges | null;
}

/** One review (404 where the viewer may not read it), with what changed since the previous one. */
export async function getContractReview(ctx: UseCaseContext, id: string): Promise<ContractReviewView> {
  const review = await findContractReview(ctx.db, id);
  if (!review) throw notFound('Contract review', '契約の見直し');
  authorize(ctx.ability, 'read', 'ContractReview', review);
  const now = ctx.now();
  const changesSince =
    review.status === 'due'
      ? await countChangesSince(ctx.db, review.wardId, review.contractId, review.since, now)
      : review.changes;
  return { ...review, overdue: isReviewOverdue(review, toJapanDate(now)), changesSince };
}

export interface ContractReviewQuery {
  contractId?: string;
  status?: ContractReview['status'];
  /** Only reviews due on or before this day (the inbox: due today or earlier). */
  dueBy?: string;
  /** Oldest due first (the inbox); newest first otherwise. */
  oldestFirst?: boolean;
  cursor?: string;
  limit: number;
}

/** The reviews this person may read; the rules run in SQL. */
export async function listContractReviews(
  ctx: UseCaseContext,
  query: ContractReviewQuery,
): Promise<Page<ContractReview & { overdue: boolean }>> {
  const today = toJapanDate(ctx.now());
  let q = ctx.db
    .selectFrom('contract_reviews')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'ContractReview', contractReviewFields));
  if (query.contractId) q = q.where('contract_id', '=', query.contractId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.dueBy) q = q.where('due_on', '<=', query.dueBy);
  const direction = query.oldestFirst ? 'asc' : 'desc';
  if (query.cursor) {
    const [dueOn, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) =>
      after(eb, ['contract_reviews.due_on', 'contract_reviews.id'], [dueOn, id], direction),
    );
  }
  const rows = await q
    .orderBy('due_on', direction)
    .orderBy('id', direction)
    .limit(query.limit + 1)
    .execute();
  return toPage(
    rows,
    query.limit,
    (r) => [r.due_on, r.id],
    (r) => {
      const review = toContractReview(r);
      return { ...review, overdue: isReviewOverdue(review, today) };
    },
  );
}

/** The reviews due by today, oldest first, each with what changed since the previous one (the inbox). */
export async function listReviewsDue(ctx: UseCaseContext, limit: number) {
  const page = await listContractReviews(ctx, {
    status: 'due',
    dueBy: toJapanDate(ctx.now()),
    oldestFirst: true,
    limit,
  });
  const items = [];
  for (const r of page.items)
    items.push({
      ...r,
      changesSince: await countChangesSince(ctx.db, r.wardId, r.contractId, r.since, ctx.now()),
    });
  return { items, more: Boolean(page.nextCursor) };
}
