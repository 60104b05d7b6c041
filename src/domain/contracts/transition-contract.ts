import {
  type ContractEvent,
  contractLifecycleMachine,
} from '../../../workflows/contract-lifecycle/contract-lifecycle.machine.js';
import { decide } from '../../../workflows/shared/decide.js';
import { endSubcontractsOf } from '../approvals/approval-effects.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound } from '../shared/errors.js';
import { checkVersion } from '../shared/versioning.js';
import { type Contract, findContract } from './contract.repository.js';
import { activationGates, closingGates, collectBlockers } from './contract-gates.js';

export type ContractCommand = 'activate' | 'begin-ending' | 'resume' | 'close';

const EVENT_TYPES: Record<ContractCommand, ContractEvent['type']> = {
  activate: 'ACTIVATE',
  'begin-ending': 'BEGIN_ENDING',
  resume: 'RESUME',
  close: 'CLOSE',
};

const STATUS_JA: Record<Contract['status'], string> = {
  draft: '起案中',
  active: '履行中',
  ending: '終了手続中',
  closed: '完了',
};

/**
 * Moves a contract through its lifecycle: lock, check the ability and the version, gather the
 * facts, let the machine decide, save, audit — one transaction.
 */
export async function transitionContract(
  ctx: UseCaseContext,
  id: string,
  command: ContractCommand,
  expectedVersion: number,
): Promise<Contract> {
  return inTransaction(ctx, async ({ tx, audit }) => {
    const before = await findContract(tx, id, true);
    if (!before) throw notFound('Contract', '契約');
    authorize(ctx.ability, 'update', 'Contract', before);
    checkVersion('契約 / Contract', expectedVersion, before.version);

    const type = EVENT_TYPES[command];
    const event: ContractEvent =
      type === 'ACTIVATE' || type === 'CLOSE'
        ? {
            type,
            blockers: await collectBlockers(tx, before, type === 'ACTIVATE' ? activationGates : closingGates),
          }
        : { type };
    const decision = decide(contractLifecycleMachine, before.status, event);
    if (!decision.allowed) {
      const blockers = 'blockers' in event ? event.blockers : [];
      throw new ConflictError(
        decision.reason === 'guard'
          ? {
              en: `The contract cannot ${command} yet: ${blockers.map((b) => b.en).join('; ')}`,
              ja: `まだ手続きを進められません：${blockers.map((b) => b.ja).join('、')}`,
            }
          : {
              en: `A contract in state ${before.status} cannot ${command}`,
              ja: `「${STATUS_JA[before.status]}」の契約にはこの操作（${command}）はできません`,
            },
        { state: before.status, event: type, ...(decision.reason === 'guard' && { missing: blockers }) },
      );
    }

    await tx
      .updateTable('contracts')
      .set({ status: decision.next, updated_at: ctx.now(), version: before.version + 1 })
      .where('ward_id', '=', before.wardId)
      .where('id', '=', id)
      .execute();
    // 再委託は委託とともに終了する: closing or ending a contract ends the sub-contracts below it.
    if (decision.next === 'closed' || decision.next === 'ending') {
      await endSubcontractsOf(tx, before.wardId, id, ctx.now(), audit, id);
    }
    const after = (await findContract(tx, id))!;
    await audit({
      wardId: before.wardId,
      action: `contract.${command}`,
      subjectType: 'Contract',
      subjectId: id,
      before: { status: before.status, version: before.version },
      after: { status: after.status, version: after.version },
    });
    return after;
  });
}
