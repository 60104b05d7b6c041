import type { ImportedHistoryKind } from '../../db/tables/contracts.js';
import type { Contract } from '../contracts/contract.repository.js';
import { getContract } from '../contracts/manage-contracts.js';
import type { UseCaseContext } from '../shared/context.js';

/** 取込み（過去の記録）: one past approval, handover, return or erasure of a contract. */
export interface ImportedHistoryEntry {
  id: string;
  kind: ImportedHistoryKind;
  occurredAt: Date;
  /** An approval is kept by its day; a handover by its day and time. */
  dateOnly: boolean;
  importId: string;
  sourceRow: number;
  details: Record<string, string>;
}

/**
 * The imported history of a contract, oldest first. Whoever may read the contract reads it (the
 * contract's own check: 404 for one the actor may not see); the rows are the contract's own.
 */
export async function readImportedHistory(
  ctx: UseCaseContext,
  contractId: string,
): Promise<ImportedHistoryEntry[]> {
  return importedHistoryOf(ctx, await getContract(ctx, contractId));
}

/** The same, for a contract the caller has already read through getContract. */
export async function importedHistoryOf(
  ctx: UseCaseContext,
  contract: Contract,
): Promise<ImportedHistoryEntry[]> {
  const rows = await ctx.db
    .selectFrom('imported_history')
    .selectAll()
    .where('ward_id', '=', contract.wardId)
    .where('contract_id', '=', contract.id)
    .orderBy('occurred_at')
    .orderBy('source_row')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    occurredAt: r.occurred_at,
    dateOnly: r.kind === 'subcontract_approval',
    importId: r.import_id,
    sourceRow: r.source_row,
    details: r.details,
  }));
}
