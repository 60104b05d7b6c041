import type { Kysely, Selectable } from 'kysely';
import type { FieldMap } from '../../../policies/rules-to-sql.js';
import type { SignOffRole } from '../../../workflows/shared/sign-off.js';
import type { Database } from '../../db/database.js';
import type { ApprovalKind, ApprovalsTable, CouncilMode } from '../../db/tables/approvals.js';
import { chainMembership } from '../shared/chain-membership.js';
import { chainOf } from '../sign-off/ward-chain.js';
import type { Application } from './application.js';

export interface Approval {
  id: string;
  /** 整理番号 R8-再委託-0003 / R8-委託-0001: per ward per fiscal year (Japan time). */
  number: string;
  wardId: string;
  kind: ApprovalKind;
  contractId: string;
  parentContractId: string | null;
  applicantOrgId: string;
  status: string;
  chain: SignOffRole[];
  step: number;
  councilMode: CouncilMode;
  councilAnswer: { answer: 'approve' | 'reject'; answeredOn: string; note: string | null } | null;
  application: Application;
  registerRevision: number;
  reviewDueOn: string | null;
  supersedesId: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  machine: { id: string; version: number };
}

export const approvalFields: FieldMap = {
  id: 'approvals.id',
  wardId: 'approvals.ward_id',
  kind: 'approvals.kind',
  applicantOrgId: 'approvals.applicant_org_id',
  chainOrgIds: chainMembership('approvals.ward_id', 'approvals.contract_id'),
};

export function toApproval(row: Selectable<ApprovalsTable>): Approval {
  return {
    id: row.id,
    number: row.number,
    wardId: row.ward_id,
    kind: row.kind,
    contractId: row.contract_id,
    parentContractId: row.parent_contract_id,
    applicantOrgId: row.applicant_org_id,
    status: row.status,
    chain: row.chain as SignOffRole[],
    step: row.step,
    councilMode: row.council_mode,
    councilAnswer: row.council_answer as Approval['councilAnswer'],
    application: row.application as Application,
    registerRevision: row.register_revision,
    reviewDueOn: row.review_due_on,
    supersedesId: row.supersedes_id,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    machine: { id: row.machine_id, version: row.machine_version },
  };
}

export async function findApproval(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<Approval | undefined> {
  let q = db.selectFrom('approvals').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toApproval(row);
}

/** The ward's settings for approvals, with the seeds' defaults. */
export async function wardApprovalSettings(db: Kysely<Database>, wardId: string) {
  const ward = await db
    .selectFrom('organisations')
    .select('settings')
    .where('id', '=', wardId)
    .executeTakeFirstOrThrow();
  return {
    /** Levels below the contractor (1 = 再委託; 2 = 再々委託). Default: 再委託 only, as in seed 003. */
    maxSubcontractDepth: ward.settings.maxSubcontractDepth ?? 1,
    signOffChain: chainOf(ward.settings.signOffChain),
  };
}
