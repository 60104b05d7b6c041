import { type Actor, WARD_ROLES } from '../actor.js';
import type { Builder } from '../app-ability.js';

/** Contractor and sub-contractor staff (統括責任者・取扱責任者・取扱者): their own company, and the
 * wards it works for; their engagements are granted per record by later rules. */
export function defineCompanyRoles(builder: Builder, actor: Actor): void {
  const { can, cannot } = builder;
  if (actor.organisationKind !== 'company') return;
  const orgId = actor.organisationId;

  can('read', 'Organisation', { id: orgId });
  can('read', 'Organisation', { kind: 'ward', linkedOrgIds: orgId });
  // the companies it works with in a chain of sub-contracting (its sub-contractors, its contractor)
  can('read', 'Organisation', { kind: 'company', partnerOrgIds: orgId });
  can('read', 'User', { organisationId: orgId });

  if (actor.roles.includes('contractor_manager')) {
    can('update', 'Organisation', { id: orgId });
    can(['create', 'update'], 'User', { organisationId: orgId });
    cannot(['create', 'update'], 'User', { roles: { $in: ['system_admin', ...WARD_ROLES] } });
  }
}
