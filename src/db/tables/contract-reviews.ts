import type { ColumnType, Generated } from 'kysely';

/** SQL date columns, read as text (YYYY-MM-DD). */
type DateText = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string | unknown, string | unknown>;

/** 見直し周期: a contract's review interval in months (null: no cycle). */
export interface ContractReviewCyclesTable {
  ward_id: string;
  contract_id: string;
  interval_months: number | null;
  updated_by: string | null;
  updated_at: Date;
  version: Generated<number>;
}

/** One review of a contract (見直し), due on a day. */
export interface ContractReviewsTable {
  ward_id: string;
  id: Generated<string>;
  contract_id: string;
  status: 'due' | 'completed' | 'cancelled';
  machine_id: string;
  machine_version: number;
  interval_months: number;
  since: Date;
  due_on: DateText;
  completed_by: string | null;
  completed_at: Date | null;
  note: string | null;
  changes: Json | null;
  issued_at: Date;
  updated_at: Date;
  version: Generated<number>;
}

export interface ContractReviewTables {
  contract_review_cycles: ContractReviewCyclesTable;
  contract_reviews: ContractReviewsTable;
}
