import { getContract } from '../contracts/manage-contracts.js';
import type { UseCaseContext } from '../shared/context.js';
import { findRegisterRevision, listRegisterRevisions, type RegisterRevision } from './register.repository.js';

/** The register as it stands, or as it stood at a moment (履歴). Readable by whoever may read the contract. */
export async function readRegister(
  ctx: UseCaseContext,
  contractId: string,
  asOf?: Date,
): Promise<RegisterRevision> {
  const contract = await getContract(ctx, contractId);
  return findRegisterRevision(ctx.db, contract.wardId, contract.id, asOf);
}

export async function readRegisterHistory(ctx: UseCaseContext, contractId: string) {
  const contract = await getContract(ctx, contractId);
  return listRegisterRevisions(ctx.db, contract.wardId, contract.id);
}
