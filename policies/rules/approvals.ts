import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

const SIGNERS = ['ward_officer', 'ward_chief', 'ward_manager'];

/**
 * Approvals (委託・再委託の承認), the ward's suspension list, and council report items.
 * The sign-off chain's order is the workflow's business: here, any signer of the ward may act on
 * its approvals, and the machine refuses a step that is not theirs.
 */
export function defineApprovalRules({ can }: Builder, actor: Actor): void {
  const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));

  if (actor.organisationKind === 'ward' && actor.wardId) {
    const wardId = actor.wardId;
    if (has(...SIGNERS, 'inspector')) {
      can('read', 'Approval', { wardId });
      can('read', 'Suspension', { wardId });
    }
    if (has(...SIGNERS)) can('sign', 'Approval', { wardId });
    if (has('ward_officer')) {
      // 所管課 applies for its own delegations
      can(['create', 'update'], 'Approval', { wardId, kind: 'delegation' });
      can(['create', 'update'], 'Suspension', { wardId });
      can(['create', 'update'], 'CouncilMeeting', { wardId });
      can('update', 'CouncilReportItem', { wardId });
    }
    if (has(...SIGNERS, 'inspector', 'council_reviewer')) {
      can('read', 'CouncilMeeting', { wardId });
      can('read', 'CouncilReportItem', { wardId });
    }
    return;
  }

  if (actor.organisationKind === 'company' && has('contractor_manager', 'contractor_staff')) {
    const orgId = actor.organisationId;
    can('read', 'Approval', { applicantOrgId: orgId });
    // 乙 answers for everything 丙 does (001 第7条3): it reads the further sub-contracting
    // applications of the companies below it in the chain
    can('read', 'Approval', { chainOrgIds: orgId });
    if (has('contractor_manager')) {
      // 受託者 applies to sub-contract part of its own work (再委託申請)
      can(['create', 'update'], 'Approval', { applicantOrgId: orgId, kind: 'subdelegation' });
    }
  }
}
