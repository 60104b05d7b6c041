import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

const SIGNERS = ['ward_officer', 'ward_chief', 'ward_manager'];

/**
 * Compliance reports (別紙5), incidents (事故), reminders and council summaries.
 * A company answers its own reports and reports its own incidents; the contractor also reads
 * those of the sub-contractors below it (chainOrgIds). A sub-contractor's incident reaches the
 * ward directly. Council reviewers read summaries only: no incident details, no answers.
 */
export function defineReportRules({ can }: Builder, actor: Actor): void {
  const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));
  can(['read', 'update'], 'Notification', { userId: actor.userId });

  if (actor.organisationKind === 'ward' && actor.wardId) {
    const wardId = actor.wardId;
    if (has(...SIGNERS, 'inspector')) {
      can('read', 'ComplianceReport', { wardId });
      can('read', 'Incident', { wardId });
    }
    if (has(...SIGNERS)) {
      can('sign', 'ComplianceReport', { wardId });
      can('sign', 'Incident', { wardId });
    }
    if (has(...SIGNERS, 'inspector', 'council_reviewer')) can('read', 'CouncilSummary', { wardId });
    return;
  }

  if (actor.organisationKind === 'company' && has('contractor_manager', 'contractor_staff')) {
    const orgId = actor.organisationId;
    can('read', 'ComplianceReport', { organisationId: orgId });
    can('read', 'ComplianceReport', { chainOrgIds: orgId });
    can('read', 'Incident', { reportingOrgId: orgId });
    can('read', 'Incident', { chainOrgIds: orgId });
    // any member of the company reports an incident at once (直ちに報告)
    can('create', 'Incident', { reportingOrgId: orgId });
    if (has('contractor_manager')) {
      can('update', 'ComplianceReport', { organisationId: orgId });
      can('update', 'Incident', { reportingOrgId: orgId });
    }
  }
}
