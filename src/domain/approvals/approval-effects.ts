import { contractFollowSteps, contractWorkflow } from '../contracts/contract.workflow.js';
import type { UnitOfWork, UseCaseContext } from '../shared/context.js';
import { takeStep } from '../shared/run-step.js';
import type { Approval } from './approval.repository.js';
import { approvalFollowSteps, approvalWorkflow } from './approval.workflow.js';

// What an approval's decision means for the records around it. Each change of state is a step of
// its own workflow, taken on the shared path as following from the decision (no ability or version
// check of its own) and audited; a step the machine refuses (a contract already ending) is skipped.

/** The transaction and the actor of the step that caused these. */
export type Following = UnitOfWork & { ctx: UseCaseContext; now: Date };

/**
 * A sub-delegation that takes effect opens the sub-contract to the sub-contractor's users (the
 * policies read contractor_access) and starts it.
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
    {
      follows: true,
    },
  );
}

/**
 * Revocation cuts access at once: the sub-contractor no longer sees the sub-contract, which moves
 * to ending (its data must be returned or erased), and every approved sub-delegation below it
 * ends with it (PARENT_ENDED), level by level. A revoked delegation ends its contract likewise.
 */
export async function onRevoked(f: Following, approval: Approval): Promise<void> {
  if (approval.kind === 'subdelegation') await cutAccess(f, approval.wardId, approval.contractId);
  await endContract(f, approval.contractId);
  await endSubcontractsOf(f, approval.wardId, approval.contractId, approval.id);
}

/** 再委託は委託とともに終了する: the approved sub-delegations below a contract end, level by level. */
export async function endSubcontractsOf(
  f: Following,
  wardId: string,
  contractId: string,
  because: string,
): Promise<void> {
  const pending = [contractId];
  while (pending.length) {
    const parentId = pending.shift()!;
    const children = await f.tx
      .selectFrom('approvals')
      .select(['id', 'contract_id'])
      .where('ward_id', '=', wardId)
      .where('parent_contract_id', '=', parentId)
      .where('status', '=', 'approved')
      .execute();
    for (const child of children) {
      const ended = await takeStep(
        f,
        f.ctx,
        approvalWorkflow,
        approvalFollowSteps.parentEnded,
        child.id,
        { because },
        {
          follows: true,
        },
      );
      if (ended.refused) continue;
      await cutAccess(f, wardId, child.contract_id);
      await endContract(f, child.contract_id);
      pending.push(child.contract_id);
    }
  }
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

/** An active contract moves to ending: its data is to be returned or erased. */
async function endContract(f: Following, contractId: string) {
  await takeStep(f, f.ctx, contractWorkflow, contractFollowSteps.endOnRevocation, contractId, undefined, {
    follows: true,
  });
}
