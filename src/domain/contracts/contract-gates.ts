import type { Blocker } from '../../../workflows/contract-lifecycle/contract-lifecycle.machine.js';
import type { DelegationApplication } from '../approvals/application.js';
import { delegationApplicationOf } from '../approvals/apply-for-delegation.js';
import { materialChanges } from '../approvals/material-changes.js';
import { erasureCertifiedGate } from '../erasure/closing-gate.js';
import { myNumberAreasNamed } from '../my-number/my-number-gate.js';
import { citeBlockers } from '../provisions/cite-provision.js';
import { findContractProvisions } from '../provisions/provisions.repository.js';
import { provisionsAcceptedGate } from '../provisions/provisions-gate.js';
import type { Tx } from '../shared/context.js';
import { type Contract, findContract } from './contract.repository.js';

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

/**
 * 委託の承認: work involving personal information starts only once its delegation is approved.
 * A renewal (seed 001 1.3: the same work for up to three years) is covered by its predecessor's
 * approval as long as its register adds no items or media; otherwise it needs its own.
 */
const delegationApproved: Gate = async (tx, contract) => {
  if (!contract.handlesPersonalInfo || contract.parentContractId) return [];
  const approvedApplication = async (contractId: string) => {
    const row = await tx
      .selectFrom('approvals')
      .select('application')
      .where('ward_id', '=', contract.wardId)
      .where('contract_id', '=', contractId)
      .where('kind', '=', 'delegation')
      .where('status', '=', 'approved')
      .orderBy('decided_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.application as DelegationApplication | undefined;
  };
  if (await approvedApplication(contract.id)) return [];
  let predecessorId = contract.predecessorContractId;
  while (predecessorId) {
    const approved = await approvedApplication(predecessorId);
    if (approved) {
      const { application } = await delegationApplicationOf(tx, contract.id);
      const changes = materialChanges(approved, {
        ...application,
        periodFrom: approved.periodFrom,
        periodTo: approved.periodTo,
      });
      if (changes.length === 0) return [];
      break;
    }
    const predecessor = await findContract(tx, predecessorId);
    predecessorId = predecessor?.predecessorContractId ?? null;
  }
  return [
    {
      code: 'delegation-not-approved',
      en: 'The delegation has not been approved (and, where required, answered by the council)',
      ja: '委託の承認（必要な場合は審議会の答申）が完了していません',
    },
  ];
};

/**
 * 再委託の承認 (seed 003 丙, 001 第7条): a sub-contract starts only once the ward approved it, and
 * only under a parent contract that is itself in progress.
 */
const subdelegationApproved: Gate = async (tx, contract) => {
  if (!contract.parentContractId) return [];
  const blockers: Blocker[] = [];
  const approved = await tx
    .selectFrom('approvals')
    .select('id')
    .where('ward_id', '=', contract.wardId)
    .where('contract_id', '=', contract.id)
    .where('kind', '=', 'subdelegation')
    .where('status', '=', 'approved')
    .limit(1)
    .executeTakeFirst();
  if (!approved) {
    blockers.push({
      code: 'subdelegation-not-approved',
      en: 'The sub-contracting has not been approved by the ward',
      ja: '再委託の承認が完了していません',
    });
  }
  const parent = await findContract(tx, contract.parentContractId);
  if (parent && parent.status !== 'active') {
    blockers.push({
      code: 'parent-not-active',
      en: `The parent contract "${parent.title}" is not in progress`,
      ja: `親契約「${parent.title}」が履行中ではありません`,
    });
  }
  return blockers;
};

/**
 * Gates for ACTIVATE, the same at every level: a sub-contract approved by the ward waits for its
 * own register and its sub-contractor's acknowledged handler list (pledges included) like any
 * contract, and for its approval instead of a delegation's.
 */
export const activationGates: Gate[] = [
  registerPresent,
  handlerListAcknowledged,
  delegationApproved,
  subdelegationApproved,
  provisionsAcceptedGate,
  myNumberAreasNamed,
];

/**
 * Gates for CLOSE: every package returned (hash checked) or erased, every register item's data
 * erased or returned, every organisation in the chain certified — in the contract and in the
 * sub-contracts that close with it (src/domain/erasure/closing-gate.ts).
 */
export const closingGates: Gate[] = [erasureCertifiedGate];

export async function collectBlockers(tx: Tx, contract: Contract, gates: Gate[]): Promise<Blocker[]> {
  const found: Blocker[] = [];
  for (const gate of gates) found.push(...(await gate(tx, contract)));
  if (found.length === 0) return found;
  // Each refusal names the article of the contract's 特記事項 that imposes it.
  return citeBlockers(found, await findContractProvisions(tx, contract.wardId, contract.id));
}
