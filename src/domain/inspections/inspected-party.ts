import { sql } from 'kysely';
import type { Applicability, ProcessingMode } from '../../../forms/checklist/checklist.js';
import { type Contract, findContract } from '../contracts/contract.repository.js';
import { contractWorkflow } from '../contracts/contract.workflow.js';
import { authorize } from '../shared/authorize.js';
import type { Tx, UseCaseContext } from '../shared/context.js';
import { ConflictError, notFound, ValidationError } from '../shared/errors.js';

/** Contracts in force: an approved sub-contract is active with its sub-contractor's access open. */
const IN_FORCE = ['active', 'ending'] as ('active' | 'ending')[];

/**
 * The organisation to inspect in a contract's chain (the contractor, or the sub-contractor of an
 * approved sub-contract below it) and the contract it is the contractor of, with the facts that
 * decide which checklist sections apply: the processing modes, and whether it sub-contracts in turn.
 */
export async function resolveInspectedParty(
  ctx: UseCaseContext,
  tx: Tx,
  contractId: string,
  organisationId: string | undefined,
): Promise<{ contract: Contract; facts: Applicability }> {
  const root = await findContract(tx, contractId);
  if (!root) throw notFound('Contract', '契約');
  authorize(ctx.ability, 'read', 'Contract', root);

  let contract: Contract | undefined = root;
  if (organisationId && organisationId !== root.contractorOrgId) {
    const below = await sql<{ id: string }>`
      with recursive chain as (
        select id, contractor_org_id, status, contractor_access from contracts
          where ward_id = ${root.wardId} and parent_contract_id = ${root.id}
        union all
        select c.id, c.contractor_org_id, c.status, c.contractor_access from contracts c
          join chain on c.parent_contract_id = chain.id
          where c.ward_id = ${root.wardId}
      )
      select id from chain
      where contractor_org_id = ${organisationId} and contractor_access and status in ('active', 'ending')
      limit 1
    `.execute(tx);
    const id = below.rows[0]?.id;
    contract = id ? await findContract(tx, id) : undefined;
    if (!contract) {
      throw new ValidationError(
        { en: 'Not an organisation in this contract’s chain', ja: 'この契約の委託先等ではありません' },
        [
          {
            path: 'organisationId',
            message: 'not the contractor nor a sub-contractor of an approved sub-contract of this contract',
            message_ja: '受託者又は承認された再委託先ではありません',
          },
        ],
      );
    }
  }
  if (!IN_FORCE.includes(contract.status as 'active') || !contract.contractorAccess) {
    // in words, never the raw state: 「起案中」, not 「draft」
    const state = contractWorkflow.stateNames[contract.status] ?? {
      en: contract.status,
      ja: contract.status,
    };
    throw new ConflictError({
      en: `The contract is ${state.en}; only contracts in force (active or ending) can be inspected`,
      ja: `契約が「${state.ja}」のため実地検査を登録できません。履行中又は終了手続中の契約を選んでください`,
    });
  }
  const children = await tx
    .selectFrom('contracts')
    .select('id')
    .where('ward_id', '=', contract.wardId)
    .where('parent_contract_id', '=', contract.id)
    .where('contractor_access', '=', true)
    .where('status', 'in', IN_FORCE)
    .limit(1)
    .execute();
  return {
    contract,
    facts: {
      processingModes: contract.processingModes as ProcessingMode[],
      subcontracting: children.length > 0,
    },
  };
}
