import type { Blocker } from '../../../workflows/contract-lifecycle/contract-lifecycle.machine.js';
import type { Following } from '../approvals/approval-effects.js';
import type { Tx } from '../shared/context.js';
import { takeStep } from '../shared/run-step.js';
import type { Command } from '../shared/workflow.js';
import type { Contract } from './contract.repository.js';
import { contractWorkflow } from './contract.workflow.js';

// 再委託は委託とともに終了する (seed 003 丙, 001 第7条): the sub-contracts below a contract follow it
// into ending, each in its own state — no approval is revoked by it (revocation is the 課長's own
// act) and every company keeps reading its own contract, register and packages until it has
// certified its return or erasure. Resuming the contract restores the chain exactly as it was, or
// is refused while a sub-contract's approval was revoked meanwhile. Closing it closes the
// sub-contracts that ended with it (the closing gate has checked the whole chain).
// Each change is a step of the sub-contract's own workflow, taken as following from the parent's.

interface Because {
  /** The contract whose step this one follows. */
  parentId: string;
}
type FollowStep = Command<Contract, Because>;

const because: FollowStep['audit'] = ({ input }) => ({ after: { because: input.parentId } });

export const chainFollowSteps = {
  /** The parent began ending: the sub-contract ends with it, remembering the state it had. */
  endWithParent: {
    name: 'end-with-parent',
    label: { en: 'end with the parent contract', ja: '親契約の終了手続に伴う終了手続' },
    can: { action: 'update' },
    event: () => ({ type: 'BEGIN_ENDING' }),
    apply: ({ record }) => ({ followed_parent_from: record.status }),
    audit: because,
  } satisfies FollowStep,
  /** The parent resumed: the sub-contract returns to the state it had. */
  resumeWithParent: {
    name: 'resume-with-parent',
    label: { en: 'resume with the parent contract', ja: '親契約の再開に伴う再開' },
    can: { action: 'update' },
    event: ({ record }) => ({ type: 'RESUME', blockers: [], to: record.followedParentFrom ?? 'active' }),
    apply: () => ({ followed_parent_from: null }),
    audit: because,
  } satisfies FollowStep,
  /** The parent closed, its whole chain certified: the sub-contract closes with it. */
  closeWithParent: {
    name: 'close-with-parent',
    label: { en: 'close with the parent contract', ja: '親契約の完了に伴う完了' },
    can: { action: 'update' },
    event: () => ({ type: 'CLOSE', blockers: [] }),
    audit: because,
  } satisfies FollowStep,
};

/** The sub-contracts directly below these contracts, in the given states. */
async function childrenOf(tx: Tx, wardId: string, parentIds: string[], statuses: Contract['status'][]) {
  if (!parentIds.length) return [];
  return tx
    .selectFrom('contracts')
    .innerJoin('organisations', 'organisations.id', 'contracts.contractor_org_id')
    .select([
      'contracts.id',
      'contracts.title',
      'contracts.followed_parent_from',
      'contracts.parent_contract_id',
      'organisations.name as contractorName',
    ])
    .where('contracts.ward_id', '=', wardId)
    .where('contracts.parent_contract_id', 'in', parentIds)
    .where('contracts.status', 'in', statuses)
    .orderBy('contracts.created_at')
    .execute();
}

/** Walks the chain level by level: `step` on each child; the children of those it took go next. */
async function walk(
  f: Following,
  wardId: string,
  contractId: string,
  statuses: Contract['status'][],
  step: FollowStep,
  only: (child: { followed_parent_from: 'approved' | 'active' | null }) => boolean = () => true,
) {
  let level = [contractId];
  while (level.length) {
    const next: string[] = [];
    for (const child of await childrenOf(f.tx, wardId, level, statuses)) {
      if (!only(child)) continue;
      const input = { parentId: child.parent_contract_id! };
      const taken = await takeStep(f, f.ctx, contractWorkflow, step, child.id, input, { follows: true });
      if (!taken.refused) next.push(child.id);
    }
    level = next;
  }
}

/** Every approved or active sub-contract below the contract follows it into ending. */
export function endChainWith(f: Following, wardId: string, contractId: string): Promise<void> {
  return walk(f, wardId, contractId, ['approved', 'active'], chainFollowSteps.endWithParent);
}

/** The sub-contracts that ended with the contract return to the states they had. */
export function resumeChainWith(f: Following, wardId: string, contractId: string): Promise<void> {
  return walk(
    f,
    wardId,
    contractId,
    ['ending'],
    chainFollowSteps.resumeWithParent,
    (c) => c.followed_parent_from !== null,
  );
}

/** The sub-contracts still ending below a closed contract close with it. */
export function closeChainWith(f: Following, wardId: string, contractId: string): Promise<void> {
  return walk(f, wardId, contractId, ['ending'], chainFollowSteps.closeWithParent);
}

/** The latest decided approval of a contract (委託 or 再委託), if any. */
async function latestApproval(tx: Tx, wardId: string, contractId: string) {
  return tx
    .selectFrom('approvals')
    .select(['status', 'kind'])
    .where('ward_id', '=', wardId)
    .where('contract_id', '=', contractId)
    .where('status', 'in', ['approved', 'revoked'])
    .orderBy('decided_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * What stands in the way of resuming: the contract's own approval, or that of a sub-contract that
 * ended with it, revoked meanwhile. Such a chain cannot be restored as it was: the sub-contract is
 * to be wound up (its return or erasure certified, then closed), and sub-contracting applied for
 * again once the work has resumed.
 */
export async function resumeBlockers(tx: Tx, contract: Contract): Promise<Blocker[]> {
  const blockers: Blocker[] = [];
  if (contract.termination) {
    const t = contract.termination;
    blockers.push({
      code: 'terminated',
      en: `The contract was terminated for breach on ${t.terminatedOn} (${t.article}); it does not resume — a new contract and its approval must be applied for`,
      ja: `この契約は${t.terminatedOn}に解除されています（${t.article}）。再開はできません。新たな契約とその承認を改めて申請してください`,
    });
  }
  const own = await latestApproval(tx, contract.wardId, contract.id);
  if (own?.status === 'revoked') {
    blockers.push(
      own.kind === 'delegation'
        ? {
            code: 'delegation-revoked',
            en: 'The approval of this delegation was revoked; apply again for the approval of the delegation before resuming',
            ja: 'この委託の承認は取り消されています。再開するには、委託の承認を改めて申請してください',
          }
        : {
            code: 'subdelegation-revoked',
            en: 'The approval of this sub-contracting was revoked; the sub-contract cannot resume — wind it up and apply again for the approval of the sub-contracting',
            ja: 'この再委託の承認は取り消されています。再開はできません。消去証明の後に完了させ、再委託の承認を改めて申請してください',
          },
    );
  }
  let level = [contract.id];
  while (level.length) {
    const next: string[] = [];
    for (const child of await childrenOf(tx, contract.wardId, level, ['ending'])) {
      if (child.followed_parent_from === null) continue;
      next.push(child.id);
      const approval = await latestApproval(tx, contract.wardId, child.id);
      if (approval?.status !== 'revoked') continue;
      blockers.push({
        code: 'subdelegation-revoked',
        en: `The approval of sub-contracting "${child.title}" to ${child.contractorName} was revoked, so the chain cannot be restored as it was: have ${child.contractorName} certify its return or erasure, close that sub-contract, resume, then apply again for the approval of the sub-contracting`,
        ja: `${child.contractorName}への再委託「${child.title}」の再委託の承認は取り消されています。元の体制には戻せません：${child.contractorName}の返還・消去の証明を受けてその再委託契約を完了させてから再開し、再委託の承認を改めて申請してください`,
      });
    }
    level = next;
  }
  return blockers;
}
