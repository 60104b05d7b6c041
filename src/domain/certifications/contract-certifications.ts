import { asSubject } from '../../../policies/app-ability.js';
import type { UseCaseContext } from '../shared/context.js';
import { toJapanDate } from '../shared/japan-date.js';
import { companyWardIds } from './certification.repository.js';
import {
  type CertificationFlag,
  contractFlags,
  heldCertifications,
  type KindStanding,
  standingsOf,
} from './certification-standing.js';

/** What a contract needs to be flagged: its contractor (乙 or, for a sub-contract, 丙) and 求める認証. */
export interface FlaggableContract {
  id: string;
  contractorOrgId: string;
  requiredCertifications: readonly string[];
}

/**
 * The certification flags of contracts the caller has already read (a page of the list, one
 * detail): an expired certification of the contract's contractor, or one the contract requires
 * that it has not recorded. One query for the whole page.
 */
export async function flagsForContracts(
  ctx: UseCaseContext,
  contracts: readonly FlaggableContract[],
): Promise<Map<string, CertificationFlag[]>> {
  const today = toJapanDate(ctx.now());
  const held = await heldCertifications(
    ctx.db,
    contracts.map((k) => k.contractorOrgId),
  );
  return new Map(
    contracts.map((k) => [
      k.id,
      contractFlags(held.get(k.contractorOrgId) ?? [], k.requiredCertifications, today),
    ]),
  );
}

export interface ContractCertifications {
  flags: CertificationFlag[];
  /** Each kind the contractor recorded and where it stands; only for a reader of its certifications. */
  standings: KindStanding[] | null;
  organisationId: string;
}

/** The contract page's view of its contractor's certifications (the contract is already read). */
export async function readContractCertifications(
  ctx: UseCaseContext,
  contract: FlaggableContract,
): Promise<ContractCertifications> {
  const today = toJapanDate(ctx.now());
  const organisationId = contract.contractorOrgId;
  const held = (await heldCertifications(ctx.db, [organisationId])).get(organisationId) ?? [];
  const mayRead = ctx.ability.can(
    'read',
    asSubject('CompanyCertification', {
      organisationId,
      wardIds: await companyWardIds(ctx.db, organisationId),
    }),
  );
  return {
    flags: contractFlags(held, contract.requiredCertifications, today),
    standings: mayRead ? standingsOf(held, today) : null,
    organisationId,
  };
}
