import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** 特記事項 of a contract: the template version it was made under, and its acceptance. */
export interface ContractProvisionsTable {
  ward_id: string;
  contract_id: string;
  template_id: string;
  template_version: number;
  assigned_at: Timestamp;
  assigned_by: string | null;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  accepted_name: string | null;
  version: Generated<number>;
}

export interface ProvisionTables {
  contract_provisions: ContractProvisionsTable;
}
