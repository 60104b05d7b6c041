import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

/**
 * 特記事項 of a contract (ContractProvisions, tagged with the contract's fields). Whoever reads the
 * contract reads its provisions (the Contract rules decide that; the use case checks both). The
 * privacy officer chooses the template of a draft; the manager (統括責任者) of the company bound by
 * a sub-contract's flow-down provisions accepts them on its behalf (`sign`).
 */
export function defineProvisionRules({ can }: Builder, actor: Actor): void {
  const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));
  if (actor.organisationKind === 'ward' && actor.wardId && has('ward_officer')) {
    can('update', 'ContractProvisions', { wardId: actor.wardId });
  }
  if (actor.organisationKind === 'company' && has('contractor_manager')) {
    can('sign', 'ContractProvisions', { contractorOrgId: actor.organisationId, contractorAccess: true });
  }
}
