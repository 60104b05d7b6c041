import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

const SIGNERS = ['ward_officer', 'ward_chief', 'ward_manager'];

/**
 * 事前承認 (PriorApproval): copying, use outside the purpose or provision to a third party, taking
 * data out, disposal. The company that acts applies on its own contract (its manager: 取扱責任者)
 * and records it done; the contractor above a sub-contractor reads its applications, since it
 * answers for everything its sub-contractors do (001 別紙7 第7条3), but applies for none of them.
 * The ward's signers sign off; ward staff read; council reviewers see none of it.
 */
export function definePriorApprovalRules({ can }: Builder, actor: Actor): void {
  const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));

  if (actor.organisationKind === 'ward' && actor.wardId) {
    const wardId = actor.wardId;
    if (has(...SIGNERS, 'inspector')) can('read', 'PriorApproval', { wardId });
    if (has(...SIGNERS)) can('sign', 'PriorApproval', { wardId });
    return;
  }

  if (actor.organisationKind === 'company' && has('contractor_manager', 'contractor_staff')) {
    const orgId = actor.organisationId;
    can('read', 'PriorApproval', { applicantOrgId: orgId });
    can('read', 'PriorApproval', { chainOrgIds: orgId });
    if (has('contractor_manager')) can(['create', 'update'], 'PriorApproval', { applicantOrgId: orgId });
  }
}
