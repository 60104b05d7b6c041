import type { Blocker } from '../../../workflows/contract-lifecycle/contract-lifecycle.machine.js';
import type { Tx } from '../shared/context.js';
import type { Contract } from './contract.repository.js';

/**
 * The facts the contract lifecycle's guards need. Each gate looks at the database and says what
 * still stands in the way; later features (approvals, erasure certificates) add their own gates
 * to these lists instead of changing the use case.
 */
export type Gate = (tx: Tx, contract: Contract) => Promise<Blocker[]>;

/** 情報項目: a contract that handles personal information needs a register with items. */
const registerPresent: Gate = async (tx, contract) => {
  if (!contract.handlesPersonalInfo) return [];
  const latest = await tx
    .selectFrom('register_revisions')
    .select('document')
    .where('ward_id', '=', contract.wardId)
    .where('contract_id', '=', contract.id)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
  const groups =
    (latest?.document as { subjectGroups?: { items: unknown[] }[] } | undefined)?.subjectGroups ?? [];
  if (groups.some((g) => g.items.length > 0)) return [];
  return [
    {
      code: 'register-missing',
      en: 'The data-item register has no items yet',
      ja: '情報項目（取り扱う個人情報）が登録されていません',
    },
  ];
};

/** 取扱責任者及び取扱者の名簿: submitted by the contractor and acknowledged by the ward. */
const handlerListAcknowledged: Gate = async (tx, contract) => {
  if (!contract.handlesPersonalInfo) return [];
  const acknowledged = await tx
    .selectFrom('handler_list_submissions')
    .select('id')
    .where('ward_id', '=', contract.wardId)
    .where('contract_id', '=', contract.id)
    .where('organisation_id', '=', contract.contractorOrgId)
    .where('status', '=', 'acknowledged')
    .limit(1)
    .executeTakeFirst();
  if (acknowledged) return [];
  return [
    {
      code: 'handler-list-missing',
      en: "The contractor's handler list has not been submitted and acknowledged",
      ja: '受託者の取扱責任者及び取扱者の名簿が提出・確認されていません',
    },
  ];
};

/** Gates for ACTIVATE. The approvals feature adds "an approved delegation" here. */
export const activationGates: Gate[] = [registerPresent, handlerListAcknowledged];

/**
 * Gates for CLOSE. The erasure feature adds "every package returned or erased, every organisation
 * in the chain certified" here; until then a contract closes once it is ending.
 */
export const closingGates: Gate[] = [];

export async function collectBlockers(tx: Tx, contract: Contract, gates: Gate[]): Promise<Blocker[]> {
  const found: Blocker[] = [];
  for (const gate of gates) found.push(...(await gate(tx, contract)));
  return found;
}
