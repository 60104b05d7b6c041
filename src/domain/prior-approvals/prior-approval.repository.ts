import { type Kysely, type Selectable, sql } from 'kysely';
import { type FieldMap, membership } from '../../../policies/rules-to-sql.js';
import type { PriorApprovalState } from '../../../workflows/prior-approval/prior-approval.machine.js';
import type { SignOffRole } from '../../../workflows/shared/sign-off.js';
import type { Database } from '../../db/database.js';
import type {
  PriorApprovalCarrier,
  PriorApprovalItem,
  PriorApprovalKind,
  PriorApprovalsTable,
} from '../../db/tables/prior-approvals.js';

/** 事前承認の申請 (or 届出): what the company means to do, and what it recorded once done. */
export interface PriorApproval {
  id: string;
  wardId: string;
  contractId: string;
  applicantOrgId: string;
  kind: PriorApprovalKind;
  status: PriorApprovalState;
  reason: string;
  items: PriorApprovalItem[];
  quantity: number | null;
  periodFrom: string;
  periodTo: string;
  place: string;
  carrier: PriorApprovalCarrier | null;
  recipient: string | null;
  needsApproval: boolean;
  witnessRequired: boolean;
  chain: SignOffRole[];
  step: number;
  appliedAt: Date;
  decidedAt: Date | null;
  completedOn: string | null;
  method: string | null;
  witnessName: string | null;
  witnessedOn: string | null;
  completionNote: string | null;
  version: number;
  machine: { id: string; version: number };
  /** The companies above the applicant in the contract's chain (they answer for it). */
  chainOrgIds: string[];
}

export const priorApprovalFields: FieldMap = {
  wardId: 'prior_approvals.ward_id',
  applicantOrgId: 'prior_approvals.applicant_org_id',
  chainOrgIds: membership((eb, orgId) =>
    eb.exists(
      eb
        .selectFrom('contracts as c')
        .select(sql`1`.as('one'))
        .whereRef('c.ward_id', '=', 'prior_approvals.ward_id')
        .whereRef('c.id', '=', 'prior_approvals.contract_id')
        .where(sql<boolean>`${orgId}::uuid = any(c.chain_org_ids)`),
    ),
  ),
};

export function toPriorApproval(
  r: Selectable<PriorApprovalsTable> & { chain_org_ids: string[] },
): PriorApproval {
  return {
    id: r.id,
    wardId: r.ward_id,
    contractId: r.contract_id,
    applicantOrgId: r.applicant_org_id,
    kind: r.kind,
    status: r.status as PriorApprovalState,
    reason: r.reason,
    items: r.items,
    quantity: r.quantity,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    place: r.place,
    carrier: r.carrier,
    recipient: r.recipient,
    needsApproval: r.needs_approval,
    witnessRequired: r.witness_required,
    chain: r.chain as SignOffRole[],
    step: r.step,
    appliedAt: r.applied_at,
    decidedAt: r.decided_at,
    completedOn: r.completed_on,
    method: r.method,
    witnessName: r.witness_name,
    witnessedOn: r.witnessed_on,
    completionNote: r.completion_note,
    version: r.version,
    machine: { id: r.machine_id, version: r.machine_version },
    chainOrgIds: r.chain_org_ids,
  };
}

export function priorApprovalQuery(db: Kysely<Database>) {
  return db
    .selectFrom('prior_approvals')
    .innerJoin('contracts', (j) =>
      j
        .onRef('contracts.ward_id', '=', 'prior_approvals.ward_id')
        .onRef('contracts.id', '=', 'prior_approvals.contract_id'),
    )
    .selectAll('prior_approvals')
    .select('contracts.chain_org_ids');
}

export async function findPriorApproval(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<PriorApproval | undefined> {
  let q = priorApprovalQuery(db).where('prior_approvals.id', '=', id);
  if (lock) q = q.forUpdate('prior_approvals');
  const row = await q.executeTakeFirst();
  return row && toPriorApproval(row);
}
