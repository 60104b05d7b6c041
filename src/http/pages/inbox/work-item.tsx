import type { WorkItem, WorkKind, WorkSection } from '../../../domain/worklists/worklist.js';
import { Badge, DateText } from '../components/common.js';
import type { PageCtx } from '../page-context.js';

// One waiting step as the dashboard's panels and the inbox show it: the link to the page where the
// viewer acts, for whom, its state and its deadline.

/** The record's state in the page's language (the workflow's own state names where it has them). */
export function stateLabel(p: PageCtx, item: WorkItem): string | null {
  if (item.state) return p.msg(item.state);
  if (!item.status) return null;
  if (item.kind === 'inspections-due') return p.t.inspections.dueStatus[item.status] ?? item.status;
  if (item.kind === 'certificates' && item.subjectType === 'HandoverPackage')
    return p.t.handover.packageStatus[item.status] ?? item.status;
  if (item.kind === 'handler-lists') return p.t.status.handlerList?.[item.status] ?? null;
  return null;
}

/** A panel's title, by kind; the older panels keep the titles people know. */
export function sectionTitle(p: PageCtx, kind: WorkKind): string {
  const company = p.viewer?.actor.organisationKind === 'company';
  const titles: Record<WorkKind, string> = {
    approvals: company ? p.t.dashboard.queueCompany : p.t.dashboard.queue,
    'prior-approvals': p.t.priorApprovals.queue,
    devices: p.t.devices.queue,
    'report-requests': p.t.supervision.queue,
    'inspection-sign-off': p.t.inbox.inspectionSignOff,
    'reports-received': p.t.reports.dashboard.reportsReceived,
    'reports-to-answer': p.t.reports.dashboard.reportsToAnswer,
    'operational-reports-received': p.t.operations.panels.received,
    'operational-reports-to-submit': p.t.operations.panels.toSubmit,
    recommendations: p.t.operations.panels.recommendations,
    'access-log-reviews': p.t.accessLogReviews.panel,
    'contract-reviews': p.t.controls.reviewPanel,
    incidents: p.t.reports.dashboard.openIncidents,
    'breach-reports': p.t.breach.panel,
    'handler-lists': p.t.dashboard.pendingLists,
    certificates: p.t.handover.panel,
    certifications: p.t.certifications.panel,
    'findings-past-due': company
      ? p.t.inspections.panels.findingsPastDueCompany
      : p.t.inspections.panels.findingsPastDue,
    'inspections-due': p.t.inspections.panels.due,
    'council-items': p.t.dashboard.unassignedItems,
  };
  return titles[kind];
}

/** The list page behind a panel ("すべて表示"), where there is one. */
export const SECTION_LISTS: Partial<Record<WorkKind, string>> = {
  approvals: '/approvals',
  'report-requests': '/report-requests',
  'inspection-sign-off': '/inspections',
  'reports-received': '/compliance-reports?status=submitted',
  'reports-to-answer': '/compliance-reports',
  'operational-reports-received': '/operational-reports?status=submitted',
  'operational-reports-to-submit': '/operational-reports',
  recommendations: '/improvement-recommendations',
  'access-log-reviews': '/access-log-reviews',
  incidents: '/incidents',
  certificates: '/handover',
  certifications: '/certifications',
  'findings-past-due': '/inspections',
  'inspections-due': '/inspections',
  'council-items': '/council',
};

/** The words after the link: for whom, the state, the deadline. */
export function WorkItemLine({ p, item }: { p: PageCtx; item: WorkItem }) {
  const state = stateLabel(p, item);
  if (item.kind === 'certificates') {
    // what the closing gate would refuse, in its words: no certificate from whom, or a package still out
    const t = p.t.handover;
    return (
      <li>
        <a href={item.href}>{item.title}</a>
        {item.number && ` ${item.number}`}（
        {item.subjectType === 'HandoverPackage' ? (
          t.panelPackage(state ?? item.status ?? '')
        ) : (
          <>
            {t.panelContract(item.party ?? '')}、<DateText p={p} date={item.dueOn} />
          </>
        )}
        ）
      </li>
    );
  }
  const tone = item.overdue ? 'rejected' : (item.status ?? 'submitted');
  return (
    <li>
      <a href={item.href}>
        {item.label && `${p.msg(item.label)}：`}
        {item.kind === 'findings-past-due' ? p.t.inspections.itemLink(item.title) : item.title}
      </a>
      {item.number && ` ${item.number}`}
      {item.party && <span>（{item.party}）</span>} {state && <Badge status={tone} label={state} />}{' '}
      {item.overdue && item.kind !== 'inspections-due' ? (
        <Badge status="returned" label={p.t.inbox.overdue} />
      ) : null}
      {item.dueOn && (
        <span>
          （{p.t.inbox.columns.due} <DateText p={p} date={item.dueOn} />）
        </span>
      )}
      {item.detail && <span class="work-detail"> {p.msg(item.detail)}</span>}
    </li>
  );
}

/** One dashboard panel: a kind of work and the first of its waiting items. */
export function WorkPanel({ p, section }: { p: PageCtx; section: WorkSection }) {
  const id = `panel-${PANEL_IDS[section.kind]}`;
  const list = SECTION_LISTS[section.kind];
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>{sectionTitle(p, section.kind)}</h2>
      {section.kind === 'inspections-due' && section.items.length > 0 && section.total !== undefined && (
        <p class="count">{p.t.inspections.panels.dueCount(section.total, section.overdue ?? 0)}</p>
      )}
      {section.items.length === 0 ? (
        <p>{p.t.dashboard.nothing}</p>
      ) : (
        <ul>
          {section.items.map((item) => (
            <WorkItemLine p={p} item={item} />
          ))}
        </ul>
      )}
      {list && (section.items.length > 0 || section.kind !== 'approvals') && (
        <p>
          <a href={list}>{p.t.common.showAll}</a>
        </p>
      )}
    </section>
  );
}

/** The panels' element ids, as the pages and their tests have known them. */
const PANEL_IDS: Record<WorkKind, string> = {
  approvals: 'queue',
  'prior-approvals': 'prior-approvals',
  devices: 'devices-awaiting',
  'report-requests': 'report-requests',
  'inspection-sign-off': 'inspection-sign-off',
  'reports-received': 'reports-received',
  'reports-to-answer': 'reports-to-answer',
  'operational-reports-received': 'operational-reports-received',
  'operational-reports-to-submit': 'operational-reports-to-submit',
  recommendations: 'recommendations',
  'access-log-reviews': 'access-log-reviews',
  'contract-reviews': 'contract-reviews',
  incidents: 'incidents',
  'breach-reports': 'breach-reports',
  'handler-lists': 'lists',
  certificates: 'certificates',
  certifications: 'certifications',
  'findings-past-due': 'findings-past-due',
  'inspections-due': 'inspections-due',
  'council-items': 'council',
};
