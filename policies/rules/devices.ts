import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

const SIGNERS = ['ward_officer', 'ward_chief', 'ward_manager'];

/**
 * 情報機器等の持込み (DeviceDeclaration, seed 004 5(3)): the company's manager declares a device for
 * its own contract (the 業務責任者 named on it brings it) and withdraws it; its staff read it, as
 * does the contractor above a sub-contractor (it answers for it). The municipality's signers
 * permit or refuse it ('sign'); its staff (the inspector checks devices on site) read it; council
 * reviewers see none of it.
 */
export function defineDeviceRules({ can }: Builder, actor: Actor): void {
  const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));

  if (actor.organisationKind === 'ward' && actor.wardId) {
    const wardId = actor.wardId;
    if (has(...SIGNERS, 'inspector')) can('read', 'DeviceDeclaration', { wardId });
    if (has(...SIGNERS)) can('sign', 'DeviceDeclaration', { wardId });
    return;
  }

  if (actor.organisationKind === 'company' && has('contractor_manager', 'contractor_staff')) {
    const orgId = actor.organisationId;
    can('read', 'DeviceDeclaration', { organisationId: orgId });
    can('read', 'DeviceDeclaration', { chainOrgIds: orgId });
    if (has('contractor_manager')) can(['create', 'update'], 'DeviceDeclaration', { organisationId: orgId });
  }
}
