import { type ApprovalState, approvalMachine } from '../../../workflows/approval/approval.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import type { Tx, UnitOfWork } from '../shared/context.js';
import type { Approval } from './approval.repository.js';

/**
 * What an approval means once it takes effect. A sub-delegation opens the sub-contract to the
 * sub-contractor's users (the policies read contractor_access) and starts it.
 */
export async function onApproved(tx: Tx, approval: Approval, now: Date): Promise<void> {
  if (approval.kind !== 'subdelegation') return;
  await tx
    .updateTable('contracts')
    .set({
      contractor_access: true,
      status: 'active',
      updated_at: now,
      version: (eb) => eb('version', '+', 1),
    })
    .where('ward_id', '=', approval.wardId)
    .where('id', '=', approval.contractId)
    .execute();
}

/**
 * Revocation cuts access at once: the sub-contractor no longer sees the sub-contract, which moves
 * to ending (its data must be returned or erased), and every approved sub-delegation below it
 * ends with it (PARENT_ENDED), level by level. A revoked delegation ends its contract likewise.
 */
export async function onRevoked(
  tx: Tx,
  approval: Approval,
  now: Date,
  audit: UnitOfWork['audit'],
): Promise<void> {
  if (approval.kind === 'subdelegation') await cutAccess(tx, approval.wardId, approval.contractId, now);
  await endContract(tx, approval.wardId, approval.contractId);
  await endSubcontractsOf(tx, approval.wardId, approval.contractId, now, audit, approval.id);
}

/** 再委託は委託とともに終了する: the approved sub-delegations below a contract end, level by level. */
export async function endSubcontractsOf(
  tx: Tx,
  wardId: string,
  contractId: string,
  now: Date,
  audit: UnitOfWork['audit'],
  because: string,
): Promise<void> {
  const pending = [contractId];
  while (pending.length) {
    const parentId = pending.shift()!;
    const children = await tx
      .selectFrom('approvals')
      .select(['id', 'contract_id', 'version'])
      .where('ward_id', '=', wardId)
      .where('parent_contract_id', '=', parentId)
      .where('status', '=', 'approved')
      .execute();
    for (const child of children) {
      const decision = decide(approvalMachine, 'approved' as ApprovalState, { type: 'PARENT_ENDED' }, {});
      if (!decision.allowed) continue;
      await tx
        .updateTable('approvals')
        .set({ status: decision.next, decided_at: now, updated_at: now, version: child.version + 1 })
        .where('ward_id', '=', wardId)
        .where('id', '=', child.id)
        .execute();
      await cutAccess(tx, wardId, child.contract_id, now);
      await endContract(tx, wardId, child.contract_id);
      await audit({
        wardId,
        action: 'approval.parent_ended',
        subjectType: 'Approval',
        subjectId: child.id,
        before: { status: 'approved' },
        after: { status: decision.next, because },
      });
      pending.push(child.contract_id);
    }
  }
}

async function cutAccess(tx: Tx, wardId: string, contractId: string, now: Date) {
  await tx
    .updateTable('contracts')
    .set({ contractor_access: false, updated_at: now, version: (eb) => eb('version', '+', 1) })
    .where('ward_id', '=', wardId)
    .where('id', '=', contractId)
    .execute();
}

/** An active contract moves to ending: its data is to be returned or erased. */
async function endContract(tx: Tx, wardId: string, contractId: string) {
  await tx
    .updateTable('contracts')
    .set({ status: 'ending' })
    .where('ward_id', '=', wardId)
    .where('id', '=', contractId)
    .where('status', '=', 'active')
    .execute();
}
