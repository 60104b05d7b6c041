import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { authorize } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import {
  type Approval,
  approvalFields,
  findApproval,
  findApprovalSteps,
  toApproval,
} from './approval.repository.js';

export async function getApproval(ctx: UseCaseContext, id: string) {
  const approval = await findApproval(ctx.db, id);
  if (!approval) throw notFound('Approval', '承認申請');
  authorize(ctx.ability, 'read', 'Approval', approval);
  return { ...approval, steps: await findApprovalSteps(ctx.db, approval.wardId, id) };
}

/** Approvals the actor may read, newest first; e.g. a signer's queue with status=under_review. */
export async function listApprovals(
  ctx: UseCaseContext,
  query: {
    status?: string;
    kind?: 'delegation' | 'subdelegation';
    contractId?: string;
    cursor?: string;
    limit: number;
  },
): Promise<Page<Approval>> {
  let q = ctx.db
    .selectFrom('approvals')
    .selectAll()
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Approval', approvalFields));
  if (query.status) q = q.where('status', '=', query.status);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.contractId) {
    const id = query.contractId;
    q = q.where((eb) => eb.or([eb('contract_id', '=', id), eb('parent_contract_id', '=', id)]));
  }
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) => after(eb, ['approvals.created_at', 'approvals.id'], [createdAt, id], 'desc'));
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.created_at.toISOString(), r.id], toApproval);
}
