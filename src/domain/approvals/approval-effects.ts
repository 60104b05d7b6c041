import { contractFollowSteps, contractWorkflow } from '../contracts/contract.workflow.js';
import { endChainWith } from '../contracts/contract-chain.js';
import type { UnitOfWork, UseCaseContext } from '../shared/context.js';
import { takeStep } from '../shared/run-step.js';
import type { Approval } from './approval.repository.js';

// What an approval's decision means for the records around it. Each change of state is a step of
// its own workflow, taken on the shared path as following from the decision (no ability or version
// check of its own) and audited; a step the machine refuses (a contract already ending) is skipped.

/** The transaction and the actor of the step that caused these. */
export type Following = UnitOfWork & { ctx: UseCaseContext; now: Date };

/**
 * A sub-delegation that takes effect opens the sub-contract to the sub-contractor's users (the
 * policies read contractor_access): it is approved, not started — it starts once its own handler
 * list is acknowledged, through the same activation as any contract.
 */
export async function onApproved(f: Following, approval: Approval): Promise<void> {
  if (approval.kind !== 'subdelegation') return;
  await takeStep(
    f,
    f.ctx,
    contractWorkflow,
    contractFollowSteps.openApprovedSubcontract,
    approval.contractId,
    undefined,
    { follows: true },
  );
}

/**
 * Revocation (the 課長's own act) cuts the sub-contractor off at once: it no longer sees the
 * sub-contract, which moves to ending (its data must be returned or erased). The sub-contracts
 * below follow it into ending in their own states, their approvals untouched. A revoked delegation
 * ends its contract likewise.
 */
export async function onRevoked(f: Following, approval: Approval): Promise<void> {
  if (approval.kind === 'subdelegation') await cutAccess(f, approval.wardId, approval.contractId);
  await takeStep(
    f,
    f.ctx,
    contractWorkflow,
    contractFollowSteps.endOnRevocation,
    approval.contractId,
    undefined,
    { follows: true },
  );
  await endChainWith(f, approval.wardId, approval.contractId);
}

/** The sub-contractor's users lose sight of the sub-contract (audited with the step that caused it). */
async function cutAccess(f: Following, wardId: string, contractId: string) {
  await f.tx
    .updateTable('contracts')
    .set({ contractor_access: false, updated_at: f.now, version: (eb) => eb('version', '+', 1) })
    .where('ward_id', '=', wardId)
    .where('id', '=', contractId)
    .execute();
}
