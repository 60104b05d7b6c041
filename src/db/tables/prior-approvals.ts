import type { ColumnType, Generated } from 'kysely';
import type { StepsTable } from './reports.js';

type Json<T = unknown> = ColumnType<T, string | T, string | T>;
/** SQL date columns, read as text (YYYY-MM-DD). */
type DateText = ColumnType<string, string, string>;

export type PriorApprovalKind = 'copy' | 'other_use' | 'take_out' | 'disposal';
export type PriorApprovalCarrier = 'paper' | 'device' | 'other';

/** An item of the contract's register an application concerns, as it was named then. */
export interface PriorApprovalItem {
  key: string;
  group: string;
  name: string;
}

/** Which kinds need the ward's prior approval on one contract (absent: all of them, no witness). */
export interface ContractPriorApprovalSettingsTable {
  ward_id: string;
  contract_id: string;
  required_kinds: PriorApprovalKind[];
  disposal_witness: boolean;
  updated_by: string | null;
  updated_at: Date;
  version: Generated<number>;
}

export interface PriorApprovalsTable {
  ward_id: string;
  id: Generated<string>;
  contract_id: string;
  applicant_org_id: string;
  kind: PriorApprovalKind;
  status: string;
  machine_id: string;
  machine_version: number;
  reason: string;
  items: Json<PriorApprovalItem[]>;
  quantity: number | null;
  period_from: DateText;
  period_to: DateText;
  place: string;
  carrier: PriorApprovalCarrier | null;
  recipient: string | null;
  needs_approval: boolean;
  witness_required: boolean;
  chain: string[];
  step: Generated<number>;
  applied_by: string | null;
  applied_at: Date;
  decided_at: Date | null;
  completed_on: DateText | null;
  method: string | null;
  witness_name: string | null;
  witnessed_on: DateText | null;
  completion_note: string | null;
  completed_by: string | null;
  updated_at: Date;
  version: Generated<number>;
}

export interface PriorApprovalTables {
  contract_prior_approval_settings: ContractPriorApprovalSettingsTable;
  prior_approvals: PriorApprovalsTable;
  prior_approval_steps: StepsTable & { prior_approval_id: string };
}
