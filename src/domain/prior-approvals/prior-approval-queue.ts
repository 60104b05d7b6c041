import { sql } from 'kysely';
import { accessibleBy } from '../../../policies/rules-to-sql.js';
import type { UseCaseContext } from '../shared/context.js';
import {
  type PriorApproval,
  priorApprovalFields,
  priorApprovalQuery,
  toPriorApproval,
} from './prior-approval.repository.js';

// 決裁待ちの事前承認: the applications whose awaited signature is the actor's. The order of the
// chain is the machine's business; this only mirrors where an application waits (chain[step]) so
// that each signer finds its own. Signing still goes through actOnPriorApproval.

/** Applications waiting for the actor's signature, oldest first; the rules run in SQL. */
export async function listPriorApprovalQueue(ctx: UseCaseContext, limit: number): Promise<PriorApproval[]> {
  const roles = [...ctx.actor.roles] as string[];
  const rows = await priorApprovalQuery(ctx.db)
    .where((eb) =>
      eb.and([
        accessibleBy(eb, ctx.ability, 'sign', 'PriorApproval', priorApprovalFields),
        eb('prior_approvals.status', '=', 'applied'),
        // PostgreSQL arrays count from 1: chain[step + 1] is the awaited role
        sql<boolean>`prior_approvals.chain[prior_approvals.step + 1] = any(${roles}::text[])`,
      ]),
    )
    .orderBy('prior_approvals.applied_at')
    .orderBy('prior_approvals.id')
    .limit(limit)
    .execute();
  return rows.map(toPriorApproval);
}
