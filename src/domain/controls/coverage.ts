import type { Selectable } from 'kysely';
import {
  type ControlResult,
  type CoverageStatus,
  type Crosswalk,
  CURRENT_CROSSWALK,
  evaluateControls,
  tally,
} from '../../../forms/controls-crosswalk/index.js';
import { accessibleBy } from '../../../policies/rules-to-sql.js';
import type { ContractsTable } from '../../db/tables/contracts.js';
import { contractFields } from '../contracts/contract.repository.js';
import { getContract } from '../contracts/manage-contracts.js';
import { authorizeType } from '../shared/authorize.js';
import type { UseCaseContext } from '../shared/context.js';
import { contractChain } from './contract-chain.js';
import { type EvidenceChain, type EvidenceContract, gatherEvidence } from './evidence-facts.js';
import { requireWardView } from './ward-only.js';

// 統制項目の充足状況: which of the guidelines' controls have evidence in a contract's records (and
// its sub-contracts'), and across a municipality's contracts. The municipality's staff only: see
// forms/controls-crosswalk/README.md for why companies do not read it.

export interface ContractCoverage {
  contractId: string;
  title: string;
  contractNumber: string | null;
  status: string;
  results: ControlResult[];
}

export interface WardCoverage {
  crosswalk: Crosswalk;
  contracts: ContractCoverage[];
  /** Per control id: how many contracts stand in each status. */
  totals: Map<string, Record<CoverageStatus, number>>;
}

type Row = Pick<
  Selectable<ContractsTable>,
  | 'id'
  | 'ward_id'
  | 'parent_contract_id'
  | 'contractor_org_id'
  | 'status'
  | 'selection_method'
  | 'register_revision'
  | 'title'
  | 'contract_number'
>;

const COLUMNS = [
  'id',
  'ward_id',
  'parent_contract_id',
  'contractor_org_id',
  'status',
  'selection_method',
  'register_revision',
  'title',
  'contract_number',
] as const;

const toEvidence = (r: Row): EvidenceContract => ({
  id: r.id,
  parentContractId: r.parent_contract_id,
  contractorOrgId: r.contractor_org_id,
  status: r.status,
  selectionMethod: r.selection_method,
  registerRevision: r.register_revision,
});

/** The coverage of one contract and its chain: 404 where the contract may not be read, 403 for its companies. */
export async function contractCoverage(
  ctx: UseCaseContext,
  contractId: string,
): Promise<ContractCoverage & { crosswalk: Crosswalk }> {
  const contract = await getContract(ctx, contractId);
  requireWardView(ctx, 'read', 'ControlCoverage', contract.wardId);
  const chain = await contractChain(ctx.db, contract.wardId, contract.id);
  const rows = await ctx.db
    .selectFrom('contracts')
    .select([...COLUMNS])
    .where('ward_id', '=', contract.wardId)
    .where(
      'id',
      'in',
      chain.map((c) => c.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toEvidence(r)]));
  const members = chain.map((c) => byId.get(c.id)!).filter(Boolean);
  const crosswalk = CURRENT_CROSSWALK;
  const facts = await gatherEvidence(
    ctx.db,
    contract.wardId,
    [{ root: members[0]!, members }],
    crosswalk,
    ctx.now(),
  );
  return {
    crosswalk,
    contractId: contract.id,
    title: contract.title,
    contractNumber: contract.contractNumber ?? null,
    status: contract.status,
    results: evaluateControls(crosswalk, facts.get(contract.id)!),
  };
}

/** Every contract chain the viewer's municipality supervises, a contract per chain. */
function chainsOf(rows: Row[]): Array<EvidenceChain & { row: Row }> {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string, Row[]>();
  for (const r of rows)
    if (r.parent_contract_id && ids.has(r.parent_contract_id))
      children.set(r.parent_contract_id, [...(children.get(r.parent_contract_id) ?? []), r]);
  const roots = rows.filter((r) => !r.parent_contract_id || !ids.has(r.parent_contract_id));
  return roots.map((root) => {
    const members: Row[] = [];
    const walk = (r: Row) => {
      members.push(r);
      for (const c of children.get(r.id) ?? []) walk(c);
    };
    walk(root);
    return { row: root, root: toEvidence(root), members: members.map(toEvidence) };
  });
}

/**
 * The coverage of every contract (with its chain) the viewer's municipality has, except drafts:
 * the contracts are chosen with the rules in SQL (read Contract and read ControlCoverage), so a
 * ward sees its own; 403 for those who read no coverage at all (companies, council reviewers).
 */
export async function wardCoverage(ctx: UseCaseContext): Promise<WardCoverage> {
  authorizeType(ctx.ability, 'read', 'ControlCoverage');
  const rows = await ctx.db
    .selectFrom('contracts')
    .select([...COLUMNS])
    .where((eb) =>
      eb.and([
        accessibleBy(eb, ctx.ability, 'read', 'Contract', contractFields),
        accessibleBy(eb, ctx.ability, 'read', 'ControlCoverage', { wardId: 'contracts.ward_id' }),
      ]),
    )
    .where('status', '<>', 'draft')
    .orderBy('ward_id')
    .orderBy('period_from', 'desc')
    .orderBy('id')
    .execute();
  const crosswalk = CURRENT_CROSSWALK;
  const contracts: ContractCoverage[] = [];
  const byWard = new Map<string, Row[]>();
  for (const r of rows) byWard.set(r.ward_id, [...(byWard.get(r.ward_id) ?? []), r]);
  for (const [wardId, wardRows] of byWard) {
    const chains = chainsOf(wardRows);
    const facts = await gatherEvidence(ctx.db, wardId, chains, crosswalk, ctx.now());
    for (const chain of chains)
      contracts.push({
        contractId: chain.row.id,
        title: chain.row.title,
        contractNumber: chain.row.contract_number,
        status: chain.row.status,
        results: evaluateControls(crosswalk, facts.get(chain.row.id)!),
      });
  }
  return { crosswalk, contracts, totals: tally(contracts.map((c) => c.results)) };
}
