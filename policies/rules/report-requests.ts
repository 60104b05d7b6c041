import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

const WARD_READERS = ['ward_officer', 'ward_chief', 'ward_manager', 'inspector'];
const WARD_REQUESTERS = ['ward_officer', 'inspector'];

/** The parts of a report request an update touches: the requester's side, or the answer. */
export const REPORT_REQUEST_FIELDS = ['request', 'answer'] as const;

/**
 * 報告の求め (ReportRequest): the contractor asks its sub-contractor for a report (001 別紙7 第7条5,
 * 003 丙15–16), or the ward asks a company of its contract's chain.
 * - The requester (the contractor's manager, or the ward's 担当者 and 監督員) asks, accepts, sends
 *   back and withdraws (`request`); the company asked answers through its manager (`answer`).
 * - The company asked, the requester, and the companies above the contract in its chain read it
 *   (the contractor answers for its sub-contractors, 第7条3); the ward's staff read every one in
 *   their ward — it sees how its contractors supervise. Council reviewers see none of it.
 */
export function defineReportRequestRules({ can }: Builder, actor: Actor): void {
  const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));

  if (actor.organisationKind === 'ward' && actor.wardId) {
    const wardId = actor.wardId;
    if (has(...WARD_READERS)) can('read', 'ReportRequest', { wardId });
    if (has(...WARD_REQUESTERS)) {
      can('create', 'ReportRequest', { wardId, requesterOrgId: wardId });
      can('update', 'ReportRequest', ['request'], { wardId, requesterOrgId: wardId });
    }
    return;
  }

  if (actor.organisationKind === 'company' && has('contractor_manager', 'contractor_staff')) {
    const orgId = actor.organisationId;
    can('read', 'ReportRequest', { requesterOrgId: orgId });
    can('read', 'ReportRequest', { subjectOrgId: orgId });
    can('read', 'ReportRequest', { chainOrgIds: orgId });
    if (has('contractor_manager')) {
      can('create', 'ReportRequest', { requesterOrgId: orgId });
      can('update', 'ReportRequest', ['request'], { requesterOrgId: orgId });
      can('update', 'ReportRequest', ['answer'], { subjectOrgId: orgId });
    }
  }
}
