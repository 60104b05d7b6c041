import { sql } from 'kysely';
import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { type Approval, approvalFields, toApproval } from '../approvals/approval.repository.js';
import { APPROVAL_SORT_COLUMNS, type ApprovalSortKey, approvalWords } from '../approvals/read-approvals.js';
import type { UseCaseContext } from '../shared/context.js';
import { type Page, toPage } from '../shared/pagination.js';
import { type ListSort, sortedPage } from '../shared/sorted-list.js';
import { afterCreated, createdKey } from './created-cursor.js';

// 決裁待ち: the approvals whose next step is the actor's. The sign-off order is the approval
// machine's business; this query only mirrors where an approval waits (chain[step]) so that a
// 係長 or 課長 finds the applications waiting for them, and an applicant those it must (re)submit.
// Acting on one still goes through actOnApproval, which asks the machine.

const APPLICANT_STATES = ['draft', 'changes_requested'];

/**
 * Approvals waiting for the actor, oldest first or by a column of the list (the same order keys
 * and cursors as the list of every application), optionally only those holding some words or in
 * one state; the permission rules run inside the SQL.
 */
export async function listApprovalQueue(
  ctx: UseCaseContext,
  query: {
    q?: string;
    status?: string;
    sort?: ListSort<ApprovalSortKey>;
    cursor?: string;
    limit: number;
  },
): Promise<Page<Approval>> {
  const roles = [...ctx.actor.roles] as string[];
  // PostgreSQL arrays count from 1: chain[step + 1] is the awaited role.
  const holds = (index: ReturnType<typeof sql>) =>
    sql<boolean>`approvals.chain[${index}] = any(${roles}::text[])`;
  let q = ctx.db
    .selectFrom('approvals')
    .selectAll()
    .select(createdKey('approvals').as('created_key'))
    .where((eb) =>
      eb.or([
        eb.and([
          accessibleBy(eb, ctx.ability, 'sign', 'Approval', approvalFields),
          eb.or([
            // review starts with the first step of the chain (担当者), who also records the
            // council's answer to a consultation (答申)
            eb.and([eb('status', 'in', ['submitted', 'awaiting_council']), holds(sql`1`)]),
            eb.and([eb('status', '=', 'under_review'), holds(sql`approvals.step + 1`)]),
          ]),
        ]),
        eb.and([
          accessibleBy(eb, ctx.ability, 'update', 'Approval', approvalFields),
          eb('status', 'in', APPLICANT_STATES),
        ]),
      ]),
    );
  if (query.q) q = q.where(approvalWords(query.q));
  if (query.status) q = q.where('status', '=', query.status);
  if (query.sort)
    return sortedPage(
      q,
      APPROVAL_SORT_COLUMNS,
      'approvals.id',
      query.sort,
      query.cursor,
      query.limit,
      toApproval,
    );
  if (query.cursor) {
    const cursor = query.cursor;
    q = q.where((eb) => afterCreated(eb, 'approvals', cursor));
  }
  const rows = await q
    .orderBy('created_at')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.created_key, r.id], toApproval);
}
