import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

/**
 * A company's standing (リスク区分) is the municipality's supervisory view of its contractors: its
 * signers and inspectors read it for their own municipality. Council reviewers read the counts per
 * tier in the council summary, not the companies' list (a committee reads reports, it does not
 * supervise contractors). Companies do not read the tier a municipality gives them, and no one
 * changes it: it is computed from the records.
 */
export function defineStandingRules({ can }: Builder, actor: Actor): void {
  const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));
  if (actor.organisationKind !== 'ward' || !actor.wardId) return;
  if (has('ward_officer', 'ward_chief', 'ward_manager', 'inspector'))
    can('read', 'CompanyStanding', { wardId: actor.wardId });
}
