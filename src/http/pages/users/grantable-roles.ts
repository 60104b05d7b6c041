import { COMPANY_ROLES, type Role, WARD_ROLES } from '../../../../policies/actor.js';
import { asSubject } from '../../../../policies/app-ability.js';
import type { Viewer } from '../page-context.js';

/** The roles this viewer may give in their own organisation: what the policy lets them create. */
export function grantableRoles(viewer: Viewer): Role[] {
  const { organisationId, wardId, organisationKind } = viewer.actor;
  const roles =
    organisationKind === 'ward' ? WARD_ROLES : organisationKind === 'company' ? COMPANY_ROLES : [];
  return roles.filter((r) =>
    viewer.ability.can('create', asSubject('User', { organisationId, wardId, roles: [r] })),
  );
}
