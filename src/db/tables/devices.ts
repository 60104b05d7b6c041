import type { Generated } from 'kysely';

type DateText = string;

/** States of a declared device (情報機器等の持込み, seed 004 5(3)). */
export type DeviceDeclarationStatus = 'declared' | 'permitted' | 'refused' | 'withdrawn';

/** A device the 業務責任者 declares before bringing it into the designated place. */
export interface DeviceDeclarationsTable {
  ward_id: string;
  id: Generated<string>;
  contract_id: string;
  organisation_id: string;
  status: DeviceDeclarationStatus;
  machine_id: string;
  machine_version: number;
  declarant_handler_id: string;
  device_name: string;
  specification: string;
  purpose: string;
  storage_place: string;
  use_place: string;
  bring_from: DateText;
  no_network_acknowledged: boolean;
  declared_by: string | null;
  declared_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  updated_at: Date;
  version: Generated<number>;
}

/** 特定個人情報の取扱区域, named by the city per contract. */
export interface ContractMyNumberAreasTable {
  ward_id: string;
  contract_id: string;
  areas: string[];
  updated_by: string | null;
  updated_at: Date;
  version: Generated<number>;
}

export interface DeviceTables {
  device_declarations: DeviceDeclarationsTable;
  contract_my_number_areas: ContractMyNumberAreasTable;
}
