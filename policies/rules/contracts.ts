import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

const WARD_STAFF = ['ward_officer', 'ward_chief', 'ward_manager', 'inspector'];

/**
 * Contracts (委託契約), their registers (情報項目) and handler lists (取扱者名簿).
 * Ward staff: their ward's contracts; the privacy officer writes them and acknowledges lists.
 * Companies: the contracts they are party to — a sub-contract only once approved for them
 * (contractorAccess) — and those below them in the chain, which they supervise (chainOrgIds).
 * Those who create contracts also import them (and registers and rosters) and read the imports.
 * The 課長 terminates a contract for breach (契約解除). Council reviewers read contracts and write nothing.
 */
export function defineContractRules({ can }: Builder, actor: Actor): void {
  const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));

  if (actor.organisationKind === 'ward' && actor.wardId) {
    const wardId = actor.wardId;
    if (has(...WARD_STAFF, 'council_reviewer')) can('read', 'Contract', { wardId });
    if (has(...WARD_STAFF)) {
      can('read', 'HandlerList', { wardId });
      can('read', 'Handler', { listedInWardIds: wardId });
    }
    // 契約解除 is the 課長's decision (signed at the top of the ward's chain)
    if (has('ward_manager')) can('sign', 'Contract', { wardId });
    if (has('ward_officer')) {
      can(['create', 'update'], 'Contract', { wardId });
      can('create', 'DataItemCatalogue', { wardId });
      // 既存記録の取込み creates contracts, so it is the right of those who create them.
      can(['create', 'read'], 'Import', { wardId });
      can('update', 'HandlerList', { wardId });
    }
    return;
  }

  if (actor.organisationKind === 'company' && has('contractor_manager', 'contractor_staff')) {
    const orgId = actor.organisationId;
    can('read', 'Contract', { contractorOrgId: orgId, contractorAccess: true });
    can('read', 'Contract', { chainOrgIds: orgId });
    can('read', 'HandlerList', { organisationId: orgId });
    can('read', 'HandlerList', { chainOrgIds: orgId });
    can('read', 'Handler', { organisationId: orgId });
    if (has('contractor_manager')) {
      can('create', 'HandlerList', { organisationId: orgId });
      can(['create', 'update'], 'Handler', { organisationId: orgId });
    }
  }
}
