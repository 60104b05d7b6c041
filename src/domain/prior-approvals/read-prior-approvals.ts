import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { authorize } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { after, decodeCursor, type Page, toPage } from '../shared/pagination.js';
import { readSignOff } from '../sign-off/read-sign-off.js';
import {
  findPriorApproval,
  type PriorApproval,
  priorApprovalFields,
  priorApprovalQuery,
  toPriorApproval,
} from './prior-approval.repository.js';
import { priorApprovalWorkflow } from './prior-approval.workflow.js';

export async function getPriorApproval(ctx: UseCaseContext, id: string): Promise<PriorApproval> {
  const record = await findPriorApproval(ctx.db, id);
  if (!record) throw notFound('Prior approval', '事前承認');
  authorize(ctx.ability, 'read', 'PriorApproval', record);
  return record;
}

export interface PriorApprovalQuery {
  contractId?: string;
  status?: string;
  kind?: string;
  cursor?: string;
  limit: number;
}

/** The applications this person may read, newest first; the rules run in SQL. */
export async function listPriorApprovals(
  ctx: UseCaseContext,
  query: PriorApprovalQuery,
): Promise<Page<PriorApproval>> {
  let q = priorApprovalQuery(ctx.db).where((eb) =>
    accessibleBy(eb, ctx.ability, 'read', 'PriorApproval', priorApprovalFields),
  );
  if (query.contractId) q = q.where('prior_approvals.contract_id', '=', query.contractId);
  if (query.status) q = q.where('prior_approvals.status', '=', query.status);
  if (query.kind) q = q.where('prior_approvals.kind', '=', query.kind as never);
  if (query.cursor) {
    const [appliedAt, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) =>
      after(eb, ['prior_approvals.applied_at', 'prior_approvals.id'], [appliedAt, id], 'desc'),
    );
  }
  const rows = await q
    .orderBy('prior_approvals.applied_at', 'desc')
    .orderBy('prior_approvals.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => [r.applied_at.toISOString(), r.id], toPriorApproval);
}

/** One application with its history (apply, signatures, send-backs, completion) and stamp boxes. */
export async function getPriorApprovalWithSteps(ctx: UseCaseContext, id: string) {
  const record = await getPriorApproval(ctx, id);
  return { ...record, ...(await readSignOff(ctx.db, priorApprovalWorkflow, record)) };
}
