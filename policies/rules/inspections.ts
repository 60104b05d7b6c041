import type { Actor } from '../actor.js';
import type { Builder } from '../app-ability.js';

const SIGNERS = ['ward_officer', 'ward_chief', 'ward_manager'];
const WARD_STAFF = [...SIGNERS, 'inspector'];

/** The part of an inspection an update touches: its answers (items), or the rest (lifecycle: plan,
 * start, submit, carry a finding). Use cases always name one, so a field-limited rule never
 * grants more than its field. */
export const INSPECTION_FIELDS = ['items', 'lifecycle'] as const;

/**
 * On-site inspections (実地検査), their findings (指摘事項), the ward's checklist templates and
 * monitoring reports (モニタリング報告書).
 * - 監督員 (inspector): plans and runs the ward's inspections, and keeps its templates.
 * - 補助者 (assistants): any staff of the ward named on an inspection records its items.
 * - 担当者 → 係長 → 課長: read and sign; the order of the chain is the workflow's business.
 * - The inspected company reads its own inspections and findings and writes only its
 *   improvement reports (改善報告, contractor_manager).
 * - 審議会委員 (council reviewers) see none of it.
 * - A contractor inspects its own sub-contractors with the same checklists (001 別紙7 第7条5, 003
 *   丙15–16): its users plan, record and follow up the company's inspections (inspectingOrgId), its
 *   manager (統括責任者) completes them. The ward reads them (wardId) but neither records nor signs
 *   them: its write rules hold for its own inspections only (inspectingOrgId null).
 */
export function defineInspectionRules({ can }: Builder, actor: Actor): void {
  const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));

  if (actor.organisationKind === 'ward' && actor.wardId) {
    const wardId = actor.wardId;
    if (!has(...WARD_STAFF)) return;
    const own = { wardId, inspectingOrgId: null };
    can('read', ['Inspection', 'Finding', 'ChecklistTemplate', 'MonitoringReport'], { wardId });
    can('update', 'Inspection', ['items'], { ...own, assistantIds: actor.userId });
    if (has('inspector')) {
      can(['create', 'update'], 'Inspection', own);
      can('create', 'ChecklistTemplate', { wardId });
      can(['create', 'update'], 'MonitoringReport', { wardId });
    }
    if (has(...SIGNERS)) can('sign', 'Inspection', own);
    if (has('ward_officer')) {
      // 所管課 keeps the monitoring of its contracts (seed 000) and may add checklist items
      can('create', 'ChecklistTemplate', { wardId });
      can(['create', 'update'], 'MonitoringReport', { wardId });
    }
    return;
  }

  if (actor.organisationKind === 'company' && has('contractor_manager', 'contractor_staff')) {
    const organisationId = actor.organisationId;
    can('read', ['Inspection', 'Finding'], { organisationId });
    // the ward's inspections of its sub-contractors, their findings and improvement reports
    // (001 第7条5: the contractor supervises them and answers for them)
    can('read', ['Inspection', 'Finding'], { chainOrgIds: organisationId });
    if (has('contractor_manager')) can('update', 'Finding', ['improvementReport'], { organisationId });
    // its own inspections of its sub-contractors (再委託先への立入検査)
    can('read', 'Inspection', { inspectingOrgId: organisationId });
    can(['create', 'update'], 'Inspection', { inspectingOrgId: organisationId });
    if (has('contractor_manager')) can('sign', 'Inspection', { inspectingOrgId: organisationId });
  }
}
