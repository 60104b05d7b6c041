import type { Kysely, Selectable } from 'kysely';
import { arrayColumn, type FieldMap } from '../../../policies/rules-to-sql.js';
import type { Database } from '../../db/database.js';
import type { ContractsTable, ContractTermination, Measures } from '../../db/tables/contracts.js';

/** 処理の形態 (seed 000): (1) paper handed over, (2) computing inside ward premises,
 * (3) electronic records taken off-site by media or network. */
export const PROCESSING_MODES = ['paper_handover', 'on_premises', 'offsite_electronic'] as const;
export type ProcessingMode = (typeof PROCESSING_MODES)[number];

/** The states of a contract's lifecycle, in order. */
export const CONTRACT_STATUSES = ['draft', 'approved', 'active', 'ending', 'closed'] as const;

export const CERTIFICATIONS = ['pmark', 'isms'] as const;

export interface Contract {
  id: string;
  wardId: string;
  departmentId: string;
  parentContractId: string | null;
  depth: number;
  contractorOrgId: string;
  chainOrgIds: string[];
  contractorAccess: boolean;
  title: string;
  contractNumber: string | null;
  contractDate: string | null;
  periodFrom: string;
  periodTo: string;
  amountYen: string | null;
  place: string | null;
  handlesPersonalInfo: boolean;
  processingModes: ProcessingMode[];
  selectionMethod: string | null;
  requiredCertifications: string[];
  workDescription: string | null;
  reason: string | null;
  wardMeasures: Measures;
  contractorMeasures: Measures;
  status: (typeof CONTRACT_STATUSES)[number];
  /** The state a sub-contract had when it followed its parent into ending (resuming restores it). */
  followedParentFrom: 'approved' | 'active' | null;
  startedAt: Date | null;
  /** 契約解除, if the ward terminated the contract for breach. */
  termination: ContractTermination | null;
  /** 既存記録の取込み: when and by which import the contract was brought in; null if made here. */
  importedAt: Date | null;
  importId: string | null;
  predecessorContractId: string | null;
  renewalCount: number;
  registerRevision: number;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  machine: { id: string; version: number };
}

export const contractFields: FieldMap = {
  id: 'contracts.id',
  wardId: 'contracts.ward_id',
  contractorOrgId: 'contracts.contractor_org_id',
  contractorAccess: 'contracts.contractor_access',
  chainOrgIds: arrayColumn('contracts.chain_org_ids', 'uuid'),
};

export function toContract(row: Selectable<ContractsTable>): Contract {
  return {
    id: row.id,
    wardId: row.ward_id,
    departmentId: row.department_id,
    parentContractId: row.parent_contract_id,
    depth: row.depth,
    contractorOrgId: row.contractor_org_id,
    chainOrgIds: row.chain_org_ids,
    contractorAccess: row.contractor_access,
    title: row.title,
    contractNumber: row.contract_number,
    contractDate: row.contract_date,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    amountYen: row.amount_yen,
    place: row.place,
    handlesPersonalInfo: row.handles_personal_info,
    processingModes: row.processing_modes as ProcessingMode[],
    selectionMethod: row.selection_method,
    requiredCertifications: row.required_certifications,
    workDescription: row.work_description,
    reason: row.reason,
    wardMeasures: row.ward_measures,
    contractorMeasures: row.contractor_measures,
    status: row.status,
    followedParentFrom: row.followed_parent_from,
    startedAt: row.started_at,
    termination: row.termination,
    importedAt: row.imported_at,
    importId: row.import_id,
    predecessorContractId: row.predecessor_contract_id,
    renewalCount: row.renewal_count,
    registerRevision: row.register_revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    machine: { id: row.machine_id, version: row.machine_version },
  };
}

/** One contract by id, optionally locked for the rest of the transaction. */
export async function findContract(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<Contract | undefined> {
  let query = db.selectFrom('contracts').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toContract(row);
}
