import type { Kysely, Selectable } from 'kysely';
import type { FieldMap } from '../../../policies/rules-to-sql.js';
import type { ContractReviewState } from '../../../workflows/contract-review/contract-review.machine.js';
import type { Database } from '../../db/database.js';
import type { ContractReviewsTable } from '../../db/tables/contract-reviews.js';
import type { ReviewChanges } from './review-changes.js';

/** 見直し: one review of a contract under its cycle. */
export interface ContractReview {
  id: string;
  wardId: string;
  contractId: string;
  status: ContractReviewState;
  intervalMonths: number;
  /** What changed is counted from here: the previous review, or when the cycle was set. */
  since: Date;
  dueOn: string;
  completedBy: string | null;
  completedAt: Date | null;
  note: string | null;
  /** What had changed when it was completed, as counted then. */
  changes: ReviewChanges | null;
  issuedAt: Date;
  version: number;
  machine: { id: string; version: number };
}

export const contractReviewFields: FieldMap = {
  wardId: 'contract_reviews.ward_id',
};

export function toContractReview(r: Selectable<ContractReviewsTable>): ContractReview {
  return {
    id: r.id,
    wardId: r.ward_id,
    contractId: r.contract_id,
    status: r.status,
    intervalMonths: r.interval_months,
    since: r.since,
    dueOn: r.due_on,
    completedBy: r.completed_by,
    completedAt: r.completed_at,
    note: r.note,
    changes: (r.changes as ReviewChanges | null) ?? null,
    issuedAt: r.issued_at,
    version: r.version,
    machine: { id: r.machine_id, version: r.machine_version },
  };
}

export async function findContractReview(
  db: Kysely<Database>,
  id: string,
  lock = false,
): Promise<ContractReview | undefined> {
  let q = db.selectFrom('contract_reviews').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row && toContractReview(row);
}

/** The review of a contract still due, if any (at most one: the partial unique index). */
export async function findOpenReview(
  db: Kysely<Database>,
  wardId: string,
  contractId: string,
): Promise<ContractReview | undefined> {
  const row = await db
    .selectFrom('contract_reviews')
    .selectAll()
    .where('ward_id', '=', wardId)
    .where('contract_id', '=', contractId)
    .where('status', '=', 'due')
    .executeTakeFirst();
  return row && toContractReview(row);
}
