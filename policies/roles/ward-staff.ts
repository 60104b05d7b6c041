import { type Actor, COMPANY_ROLES } from '../actor.js';
import type { Builder } from '../app-ability.js';

/** Ward staff (個人情報保護担当, 係長, 課長, 監督員): everything inside their own ward, nothing outside. */
export function defineWardStaff(builder: Builder, actor: Actor): void {
  const { can, cannot } = builder;
  const wardId = actor.wardId;
  if (!wardId) return; // a ward role on a company user grants nothing
  const has = (role: string) => actor.roles.some((r) => r === role);

  can('read', 'Organisation', { id: wardId });
  can('read', 'Organisation', { kind: 'company', linkedOrgIds: wardId });
  can('read', 'Department', { wardId });
  can('read', 'User', { wardId });

  if (has('ward_officer')) {
    // Registering a company links it to this ward, and to no other; its own managers keep its details.
    can('create', 'Organisation', { kind: 'company', linkedOrgIds: { $size: 1, $all: [wardId] } });
    can(['create', 'update'], 'Department', { wardId });
  }
  if (has('ward_officer') || has('ward_chief') || has('ward_manager')) {
    can('read', 'AuditEntry', { wardId });
  }
  if (has('ward_manager')) {
    // 課長 sets the ward's own policy (its Organisation's settings), audited.
    can('update', 'WardSettings', { wardId });
    // 課長 administers the ward's own accounts, never with company or administrator roles.
    can(['create', 'update'], 'User', { wardId });
    cannot(['create', 'update'], 'User', { roles: { $in: ['system_admin', ...COMPANY_ROLES] } });
  }
}
