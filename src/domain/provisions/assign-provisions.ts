import {
  DEFAULT_PROVISION_TEMPLATE,
  findProvisionTemplate,
} from '../../../forms/special-provisions/catalogue.js';
import type { Tx } from '../shared/context.js';
import { findContractProvisions } from './provisions.repository.js';

interface NewContract {
  wardId: string;
  contractId: string;
  parentContractId?: string | null;
  predecessorContractId?: string | null;
}

/**
 * Gives a new contract its 特記事項, in the transaction that creates it: a sub-contract carries the
 * flow-down provisions of its parent's (003 乙13 → 丙), a renewal keeps its predecessor's template,
 * any other contract takes the ward's chosen template (seed 001 別紙7 if it chose none); always at
 * the newest version of that template, which the contract then keeps.
 */
export async function assignProvisions(
  tx: Tx,
  contract: NewContract,
  actorUserId: string,
  at: Date,
): Promise<void> {
  const templateId = await templateFor(tx, contract);
  const template = findProvisionTemplate(templateId) ?? findProvisionTemplate(DEFAULT_PROVISION_TEMPLATE)!;
  await tx
    .insertInto('contract_provisions')
    .values({
      ward_id: contract.wardId,
      contract_id: contract.contractId,
      template_id: template.id,
      template_version: template.version,
      assigned_at: at,
      assigned_by: actorUserId,
    })
    .execute();
}

async function templateFor(tx: Tx, contract: NewContract): Promise<string> {
  if (contract.parentContractId) {
    const parent = await findContractProvisions(tx, contract.wardId, contract.parentContractId);
    if (parent) return parent.template.flowDownId;
  }
  if (contract.predecessorContractId) {
    const predecessor = await findContractProvisions(tx, contract.wardId, contract.predecessorContractId);
    if (predecessor) return predecessor.templateId;
  }
  const ward = await tx
    .selectFrom('organisations')
    .select('settings')
    .where('id', '=', contract.wardId)
    .executeTakeFirst();
  return ward?.settings.provisionsTemplate ?? DEFAULT_PROVISION_TEMPLATE;
}
