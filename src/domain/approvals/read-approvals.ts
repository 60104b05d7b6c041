import { type ExpressionBuilder, sql } from 'kysely';
import { accessibleBy } from '../../../policies/rules-to-sql.js';
import type { Database } from '../../db/database.js';
import {
  MY_NUMBER_SUBCONTRACTING,
  subcontractingUnderMyNumberAct,
} from '../my-number/my-number-subcontracting.js';
import { authorize } from '../shared/authorize.js';
import { chainOf } from '../shared/chain-membership.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { type Page, toPage } from '../shared/pagination.js';
import { type ListSort, likePattern, sortedPage } from '../shared/sorted-list.js';
import { readSignOff } from '../sign-off/read-sign-off.js';
import { afterCreated, createdKey } from '../worklists/created-cursor.js';
import { type Approval, approvalFields, findApproval, toApproval } from './approval.repository.js';
import { approvalWorkflow } from './approval.workflow.js';

export async function getApproval(ctx: UseCaseContext, id: string) {
  const approval = await findApproval(ctx.db, id);
  if (!approval) throw notFound('Approval', '承認申請');
  // the chain above the contract applied for: a contractor reads its sub-contractor's applications
  const chainOrgIds = await chainOf(ctx.db, approval.wardId, approval.contractId);
  authorize(ctx.ability, 'read', 'Approval', { ...approval, chainOrgIds });
  // 番号法 第10条: the municipality's permission at every level, said where the application is read
  const myNumberAct = (await subcontractingUnderMyNumberAct(ctx.db, approval))
    ? MY_NUMBER_SUBCONTRACTING
    : null;
  return { ...approval, myNumberAct, ...(await readSignOff(ctx.db, approvalWorkflow, approval)) };
}

export const APPROVAL_SORT_KEYS = ['number', 'title', 'status', 'createdAt'] as const;
export type ApprovalSortKey = (typeof APPROVAL_SORT_KEYS)[number];

/** The sortable columns as SQL over `approvals` (text, never null), for the list and the queue. */
export const APPROVAL_SORT_COLUMNS: Record<ApprovalSortKey, string> = {
  number: 'approvals.number',
  title: "coalesce(approvals.application->>'title', '')",
  // the order of an application's life, not the alphabet of its state names
  status:
    "case approvals.status when 'draft' then '1' when 'submitted' then '2' when 'under_review' then '3' when 'changes_requested' then '4' when 'awaiting_council' then '5' when 'approved' then '6' when 'rejected' then '7' else '8' end",
  createdAt: `to_char(approvals.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
};

/** Approvals whose 整理番号 or title holds the words (the list's and the queue's text filter). */
export function approvalWords(words: string) {
  const pattern = likePattern(words);
  return (eb: ExpressionBuilder<Database, 'approvals'>) =>
    eb.or([
      eb('approvals.number', 'ilike', pattern),
      eb(sql<string>`approvals.application->>'title'`, 'ilike', pattern),
    ]);
}

/** Approvals the actor may read, newest first or by a column; e.g. a signer's queue with status=under_review. */
export async function listApprovals(
  ctx: UseCaseContext,
  query: {
    status?: string;
    kind?: 'delegation' | 'subdelegation';
    contractId?: string;
    /** Words in the 整理番号 or the application's title. */
    q?: string;
    sort?: ListSort<ApprovalSortKey>;
    cursor?: string;
    limit: number;
  },
): Promise<Page<Approval>> {
  let q = ctx.db
    .selectFrom('approvals')
    .selectAll()
    // created_at is the database's now(), in microseconds: the cursor keeps them all
    .select(createdKey('approvals').as('created_key'))
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Approval', approvalFields));
  if (query.status) q = q.where('status', '=', query.status);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.contractId) {
    const id = query.contractId;
    q = q.where((eb) => eb.or([eb('contract_id', '=', id), eb('parent_contract_id', '=', id)]));
  }
  if (query.q) q = q.where(approvalWords(query.q));
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
  const cursor = query.cursor;
  if (cursor) q = q.where((eb) => afterCreated(eb, 'approvals', cursor, 'created_at', 'desc'));
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.created_key, r.id], toApproval);
}
