import { type ExpressionBuilder, sql } from 'kysely';
import { accessibleBy } from '../../../policies/rules-to-sql.js';
import { type PackageState, SETTLED } from '../../../workflows/custody/custody.machine.js';
import type { Database } from '../../db/database.js';
import { contractFields } from '../contracts/contract.repository.js';
import { packageFields } from '../handover/package.repository.js';
import type { UseCaseContext } from '../shared/context.js';
import { toJapanDate } from '../shared/japan-date.js';

/** A contract at (or past) its end whose contractor has not certified its erasure (消去証明書). */
export interface UncertifiedContract {
  id: string;
  title: string;
  contractorOrgId: string;
  contractorName: string;
  status: string;
  periodTo: string;
}

/** A package neither returned (and checked) nor erased while its contract is ending. */
export interface OutstandingPackage {
  id: string;
  /** 整理番号 R8-受渡-0012. */
  number: string | null;
  title: string;
  contractId: string;
  status: PackageState;
}

type Eb = ExpressionBuilder<Database & { parent: Database['contracts'] }, 'contracts' | 'parent'>;

/**
 * At its end: the contract is ending, its period is over, or the contract above it (for a
 * sub-contract) is ending — the closing gate will ask for this organisation's certificate.
 */
const atEnd = (eb: Eb, today: string) =>
  eb.and([
    eb('contracts.handles_personal_info', '=', true),
    eb('contracts.status', 'in', ['active', 'ending']),
    eb.or([
      eb('contracts.status', '=', 'ending'),
      eb('contracts.period_to', '<', today),
      eb('parent.status', '=', 'ending'),
    ]),
  ]);

/**
 * 消去証明書の未提出: for the dashboard, the contracts at their end without a certified erasure at
 * contract end by their contractor, and the packages of such contracts (or returned but unchecked
 * anywhere) that are neither returned and checked nor erased. What the closing gate would refuse,
 * early; the permission rules run in the SQL.
 */
export async function listMissingCertificates(
  ctx: UseCaseContext,
  limit: number,
): Promise<{ contracts: UncertifiedContract[]; packages: OutstandingPackage[] }> {
  const today = toJapanDate(ctx.now());
  const contracts = await ctx.db
    .selectFrom('contracts')
    .leftJoin('contracts as parent', (j) =>
      j
        .onRef('parent.ward_id', '=', 'contracts.ward_id')
        .onRef('parent.id', '=', 'contracts.parent_contract_id'),
    )
    .innerJoin('organisations', 'organisations.id', 'contracts.contractor_org_id')
    .select([
      'contracts.id',
      'contracts.title',
      'contracts.contractor_org_id',
      'contracts.status',
      'contracts.period_to',
      'organisations.name',
    ])
    .where((eb) => atEnd(eb as unknown as Eb, today))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('erasure_records as r')
            .select(sql`1`.as('one'))
            .whereRef('r.ward_id', '=', 'contracts.ward_id')
            .whereRef('r.contract_id', '=', 'contracts.id')
            .whereRef('r.organisation_id', '=', 'contracts.contractor_org_id')
            .where('r.status', '=', 'certified')
            .where('r.scope', '=', 'contract_end'),
        ),
      ),
    )
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'Contract', contractFields))
    .orderBy('contracts.period_to')
    .orderBy('contracts.id')
    .limit(limit)
    .execute();
  const packages = await ctx.db
    .selectFrom('handover_packages')
    .innerJoin('contracts', (j) =>
      j
        .onRef('contracts.ward_id', '=', 'handover_packages.ward_id')
        .onRef('contracts.id', '=', 'handover_packages.contract_id'),
    )
    .leftJoin('contracts as parent', (j) =>
      j
        .onRef('parent.ward_id', '=', 'contracts.ward_id')
        .onRef('parent.id', '=', 'contracts.parent_contract_id'),
    )
    .select([
      'handover_packages.id',
      'handover_packages.number',
      'handover_packages.title',
      'handover_packages.contract_id',
      'handover_packages.status',
    ])
    .where('handover_packages.status', 'not in', [...SETTLED])
    .where((eb) =>
      eb.or([eb('handover_packages.status', '=', 'returned'), atEnd(eb as unknown as Eb, today)]),
    )
    .where((eb) => accessibleBy(eb, ctx.ability, 'read', 'HandoverPackage', packageFields))
    .orderBy('handover_packages.prepared_at')
    .orderBy('handover_packages.id')
    .limit(limit)
    .execute();
  return {
    contracts: contracts.map((r) => ({
      id: r.id,
      title: r.title,
      contractorOrgId: r.contractor_org_id,
      contractorName: r.name,
      status: r.status,
      periodTo: r.period_to,
    })),
    packages: packages.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      contractId: r.contract_id,
      status: r.status,
    })),
  };
}
