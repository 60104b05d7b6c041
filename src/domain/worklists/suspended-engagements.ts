import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { suspensionFields, suspensionOverlaps } from '../approvals/suspensions.js';
import { contractFields } from '../contracts/contract.repository.js';
import type { UseCaseContext } from '../shared/context.js';
import { toJapanDate } from '../shared/japan-date.js';

/** A contract or sub-contract under way whose company is (or will be, within it) suspended. */
export interface SuspendedEngagement {
  contractId: string;
  title: string;
  depth: number;
  status: string;
  periodTo: string;
  companyId: string;
  companyName: string;
  suspensionId: string;
  reason: string;
  suspendedFrom: string;
  suspendedTo: string | null;
}

/**
 * 指名停止中の事業者との契約: for the ward's dashboard, every contract or sub-contract under way
 * (active or ending) whose contractor has a suspension in force on some day from today to the end
 * of the contract — one that became suspended after it was approved. Lifted suspensions count only
 * up to their lifting. Both the contract's and the suspension's rules run in the SQL.
 */
export async function listSuspendedEngagements(
  ctx: UseCaseContext,
  limit: number,
): Promise<SuspendedEngagement[]> {
  const today = toJapanDate(ctx.now());
  const rows = await ctx.db
    .selectFrom('contracts')
    .innerJoin('subcontractor_suspensions', (j) =>
      j
        .onRef('subcontractor_suspensions.ward_id', '=', 'contracts.ward_id')
        .onRef('subcontractor_suspensions.company_id', '=', 'contracts.contractor_org_id'),
    )
    .innerJoin('organisations', 'organisations.id', 'contracts.contractor_org_id')
    .select([
      'contracts.id',
      'contracts.title',
      'contracts.depth',
      'contracts.status',
      'contracts.period_to',
      'contracts.contractor_org_id',
      'organisations.name',
      'subcontractor_suspensions.id as suspension_id',
      'subcontractor_suspensions.reason',
      'subcontractor_suspensions.suspended_from',
      'subcontractor_suspensions.suspended_to',
    ])
    .where('contracts.status', 'in', ['active', 'ending'])
    .where('contracts.period_to', '>=', today)
    .where((eb) => suspensionOverlaps(eb, today, eb.ref('contracts.period_to')))
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Contract', contractFields))
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Suspension', suspensionFields))
    .orderBy('subcontractor_suspensions.suspended_from')
    .orderBy('contracts.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    contractId: r.id,
    title: r.title,
    depth: r.depth,
    status: r.status,
    periodTo: r.period_to,
    companyId: r.contractor_org_id,
    companyName: r.name,
    suspensionId: r.suspension_id,
    reason: r.reason,
    suspendedFrom: r.suspended_from,
    suspendedTo: r.suspended_to,
  }));
}
