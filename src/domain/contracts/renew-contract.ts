import { assignProvisions } from '../provisions/assign-provisions.js';
import { findRegisterRevision } from '../registers/register.repository.js';
import { authorize } from '../shared/authorize.js';
import { inTransaction, type UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound, ValidationError } from '../shared/errors.js';
import { machineColumns } from '../shared/stored-snapshot.js';
import { type Contract, findContract } from './contract.repository.js';
import { checkContractAllows, contractWorkflow } from './contract.workflow.js';
import { contractRow, duplicateNumber, normaliseNumber, numberTaken } from './manage-contracts.js';

/** seed 001 1.3: 単年度契約で履行良好であれば最大2回まで契約更新できる. */
export const MAX_RENEWALS = 2;

export interface RenewalInput {
  contractNumber?: string | null;
  contractDate?: string | null;
  periodFrom: string;
  periodTo: string;
  amountYen?: number | null;
}

/**
 * Renews a single-year contract: a linked successor in draft that carries the particulars and
 * the data-item register forward (its handler lists are submitted again for the new contract).
 */
export async function renewContract(ctx: UseCaseContext, id: string, raw: RenewalInput): Promise<Contract> {
  const input = { ...raw, contractNumber: normaliseNumber(raw.contractNumber) };
  return inTransaction(ctx, async ({ tx, audit }) => {
    const predecessor = await findContract(tx, id, true);
    if (!predecessor) throw notFound('Contract', '契約');
    // update first: a contract the actor may not even read answers 404, not 403
    authorize(ctx.ability, 'update', 'Contract', predecessor);
    authorize(ctx.ability, 'create', 'Contract', { wardId: predecessor.wardId });
    checkContractAllows(predecessor, { type: 'RENEW' });
    if (predecessor.parentContractId) {
      throw new ValidationError({
        en: 'Sub-contracts are renewed with their parent',
        ja: '再委託は委託契約の更新に伴って扱います',
      });
    }
    if (predecessor.renewalCount >= MAX_RENEWALS) {
      throw new ConflictError({
        en: `A contract may be renewed at most ${MAX_RENEWALS} times`,
        ja: `契約の更新は最大${MAX_RENEWALS}回までです`,
      });
    }
    const existing = await tx
      .selectFrom('contracts')
      .select('id')
      .where('predecessor_contract_id', '=', id)
      .executeTakeFirst();
    if (existing) {
      throw new ConflictError(
        { en: 'This contract was renewed already', ja: 'この契約は既に更新されています' },
        { successorId: existing.id },
      );
    }
    if (input.periodFrom <= predecessor.periodTo || input.periodFrom > input.periodTo) {
      throw new ValidationError(
        {
          en: 'The renewal must follow the current period',
          ja: '更新後の契約期間は現在の契約期間の後である必要があります',
        },
        [
          {
            path: 'periodFrom',
            message: `must start after ${predecessor.periodTo}`,
            message_ja: `${predecessor.periodTo}より後に開始してください`,
          },
        ],
      );
    }

    // The successor is a new contract with its own number and date (契約番号・契約日), never the
    // predecessor's: reusing the number would break its uniqueness within the ward.
    if (await numberTaken(tx, predecessor.wardId, input.contractNumber))
      throw duplicateNumber(input.contractNumber!);

    const row = await tx
      .insertInto('contracts')
      .values({
        ...contractRow(predecessor.wardId, {
          ...predecessor,
          ...input,
          contractNumber: input.contractNumber ?? null,
          contractDate: input.contractDate ?? null,
          amountYen:
            input.amountYen ?? (predecessor.amountYen === null ? null : Number(predecessor.amountYen)),
        }),
        ...machineColumns(contractWorkflow),
        predecessor_contract_id: id,
        renewal_count: predecessor.renewalCount + 1,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await assignProvisions(
      tx,
      { wardId: predecessor.wardId, contractId: row.id, predecessorContractId: id },
      ctx.actor.userId,
      ctx.now(),
    );

    const register = await findRegisterRevision(tx, predecessor.wardId, id);
    if (register.revision > 0) {
      await tx
        .insertInto('register_revisions')
        .values({
          ward_id: predecessor.wardId,
          contract_id: row.id,
          revision: 1,
          document: JSON.stringify(register.document),
          changed_by: ctx.actor.userId,
          changed_at: ctx.now(),
          note: `前契約（改訂${register.revision}）から引継ぎ / carried forward from the previous contract`,
        })
        .execute();
      await tx
        .updateTable('contracts')
        .set({ register_revision: 1 })
        .where('ward_id', '=', predecessor.wardId)
        .where('id', '=', row.id)
        .execute();
    }
    const successor = (await findContract(tx, row.id))!;
    await audit({
      wardId: predecessor.wardId,
      action: 'contract.renew',
      subjectType: 'Contract',
      subjectId: successor.id,
      after: { ...successor, predecessorId: id, registerCarriedFrom: register.revision },
    });
    return successor;
  });
}
