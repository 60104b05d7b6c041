import type { Child } from 'hono/jsx';
import { listApprovals } from '../../domain/approvals/read-approvals.js';
import { listContracts } from '../../domain/contracts/list-contracts.js';
import { listMeetings, listReportItems } from '../../domain/council/council-items.js';
import { getOrganisation } from '../../domain/organisations/list-organisations.js';
import type { UseCaseContext } from '../../domain/shared/context.js';
import { listApprovalQueue } from '../../domain/worklists/approval-queue.js';
import { listPendingHandlerLists } from '../../domain/worklists/pending-handler-lists.js';
import { listSuspendedEngagements } from '../../domain/worklists/suspended-engagements.js';
import { Badge, DateText, TimeText } from './components/common.js';
import { missingCertificatesPanel } from './handover/panel.js';
import { findingsPastDuePanel, inspectionsDuePanel } from './inspections/panels.js';
import type { PageCtx, Viewer } from './page-context.js';
import { priorApprovalQueuePanel } from './prior-approvals/panel.js';
import {
  openIncidentsPanel,
  reportsReceivedPanel,
  reportsToAnswerPanel,
} from './reports/dashboard-panels.js';

// ダッシュボード: what needs the viewer's action, one panel per kind of work. A panel appears when
// the policies give the viewer that kind of work; its rows come from the same list use cases (the
// rules run in SQL). Features still being built (inspections due, reports received, findings past
// deadline, certificates missing) add their panel to PANELS when their pages exist.

type Panel = (ctx: UseCaseContext, p: PageCtx, viewer: Viewer) => Promise<Child | null>;
const SHOWN = 8;

function PanelBox({ id, title, all, children }: { id: string; title: string; all?: Child; children: Child }) {
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
      {all}
    </section>
  );
}

/** "すべて表示", when there is more to see than the panel shows. */
function ShowAll({ p, href, when }: { p: PageCtx; href: string; when: boolean }) {
  return when ? (
    <p>
      <a href={href}>{p.t.common.showAll}</a>
    </p>
  ) : null;
}

const approvalQueue: Panel = async (ctx, p, v) => {
  const company = v.actor.organisationKind === 'company';
  if (!v.ability.can('sign', 'Approval') && !(company && v.ability.can('update', 'Approval'))) return null;
  const page = await listApprovalQueue(ctx, { limit: SHOWN });
  return (
    <PanelBox
      id="panel-queue"
      title={company ? p.t.dashboard.queueCompany : p.t.dashboard.queue}
      all={<ShowAll p={p} href="/approvals" when={page.items.length > 0} />}
    >
      {page.items.length === 0 ? (
        <p>{p.t.dashboard.nothing}</p>
      ) : (
        <ul>
          {page.items.map((a) => (
            <li>
              <a href={`/approvals/${a.id}`}>{a.application.title}</a>{' '}
              <Badge status={a.status} label={p.t.status.approval[a.status]} />
            </li>
          ))}
        </ul>
      )}
    </PanelBox>
  );
};

const pendingLists: Panel = async (ctx, p, v) => {
  if (!v.ability.can('update', 'HandlerList')) return null;
  const page = await listPendingHandlerLists(ctx, { limit: SHOWN });
  return (
    <PanelBox id="panel-lists" title={p.t.dashboard.pendingLists}>
      {page.items.length === 0 ? (
        <p>{p.t.dashboard.nothing}</p>
      ) : (
        <ul>
          {page.items.map((s) => (
            <li>
              <a href={`/contracts/${s.contractId}#handler-lists`}>{s.contractTitle}</a>（
              {p.t.dashboard.submittedBy(s.organisationName)} <TimeText at={s.submittedAt} />）
            </li>
          ))}
        </ul>
      )}
    </PanelBox>
  );
};

const unassignedItems: Panel = async (ctx, p, v) => {
  if (!v.ability.can('update', 'CouncilReportItem')) return null;
  const page = await listReportItems(ctx, { unassigned: true, limit: SHOWN });
  return (
    <PanelBox
      id="panel-council"
      title={p.t.dashboard.unassignedItems}
      all={<ShowAll p={p} href="/council" when={page.items.length > 0} />}
    >
      {page.items.length === 0 ? (
        <p>{p.t.dashboard.nothing}</p>
      ) : (
        <ul>
          {page.items.map((i) => (
            <li>
              <a href={`/council/items/${i.id}`}>{i.title}</a>
            </li>
          ))}
        </ul>
      )}
    </PanelBox>
  );
};

const meetings: Panel = async (ctx, p, v) => {
  if (!v.ability.can('read', 'CouncilReportItem') || v.ability.can('update', 'CouncilReportItem'))
    return null;
  const [list, unassigned] = await Promise.all([
    listMeetings(ctx),
    listReportItems(ctx, { unassigned: true, limit: 50 }),
  ]);
  return (
    <PanelBox id="panel-meetings" title={p.t.dashboard.meetings}>
      <ul>
        {list.slice(0, SHOWN).map((m) => (
          <li>
            <a href={`/council?meeting=${m.id}`}>{m.title}</a> <DateText p={p} date={m.heldOn} />
          </li>
        ))}
        <li>
          <a href="/council">{p.t.dashboard.unassignedCount(unassigned.items.length)}</a>
        </li>
      </ul>
    </PanelBox>
  );
};

const contracts: Panel = async (ctx, p, v) => {
  if (!v.ability.can('read', 'Contract')) return null;
  const company = v.actor.organisationKind === 'company';
  const page = await listContracts(ctx, { limit: SHOWN });
  return (
    <PanelBox
      id="panel-contracts"
      title={company ? p.t.dashboard.engagements : p.t.dashboard.contracts}
      all={<ShowAll p={p} href="/contracts" when={Boolean(page.nextCursor)} />}
    >
      {page.items.length === 0 ? (
        <p>{p.t.common.empty}</p>
      ) : (
        <ul>
          {page.items.map((k) => (
            <li>
              <a href={`/contracts/${k.id}`}>{k.title}</a>{' '}
              <Badge status={k.status} label={p.t.status.contract[k.status]} />
            </li>
          ))}
        </ul>
      )}
    </PanelBox>
  );
};

/** A company's corporate number (法人番号), by which a contractor names it as its sub-contractor. */
const companyId: Panel = async (ctx, p, v) => {
  if (v.actor.organisationKind !== 'company') return null;
  const company = await getOrganisation(ctx, v.actor.organisationId);
  return (
    <PanelBox id="panel-company" title={p.t.dashboard.companyId}>
      <p>
        {company.corporateNumber ? <code>{company.corporateNumber}</code> : p.t.dashboard.noCorporateNumber}
      </p>
      <p class="hint">{p.t.dashboard.companyIdHint}</p>
    </PanelBox>
  );
};

const myApplications: Panel = async (ctx, p, v) => {
  if (v.actor.organisationKind !== 'company' || !v.ability.can('read', 'Approval')) return null;
  const page = await listApprovals(ctx, { kind: 'subdelegation', limit: SHOWN });
  if (!page.items.length) return null;
  return (
    <PanelBox
      id="panel-applications"
      title={p.t.approvals.kinds.subdelegation!}
      all={<ShowAll p={p} href="/approvals?view=all" when />}
    >
      <ul>
        {page.items.map((a) => (
          <li>
            <a href={`/approvals/${a.id}`}>{a.application.title}</a>{' '}
            <Badge status={a.status} label={p.t.status.approval[a.status]} />
          </li>
        ))}
      </ul>
    </PanelBox>
  );
};

/** 指名停止: contracts and sub-contracts under way whose company is suspended within their period. */
const suspendedEngagements: Panel = async (ctx, p, v) => {
  if (v.actor.organisationKind === 'company' || !v.ability.can('read', 'Suspension')) return null;
  const rows = await listSuspendedEngagements(ctx, SHOWN);
  if (!rows.length) return null;
  const t = p.t.suspensions;
  return (
    <PanelBox id="panel-suspended" title={t.panel} all={<ShowAll p={p} href="/suspensions" when />}>
      <ul>
        {rows.map((r) => (
          <li>
            <a href={`/contracts/${r.contractId}`}>{r.title}</a>
            {r.depth > 1 ? `（${t.subcontract}）` : ''}{' '}
            <Badge
              status="revoked"
              label={t.panelRow(r.companyName, r.suspendedFrom, r.suspendedTo ?? t.open)}
            />
          </li>
        ))}
      </ul>
    </PanelBox>
  );
};

/** In order of urgency: decisions first, then lists to read. */
export const PANELS: Panel[] = [
  approvalQueue,
  priorApprovalQueuePanel,
  reportsReceivedPanel,
  reportsToAnswerPanel,
  openIncidentsPanel,
  suspendedEngagements,
  pendingLists,
  missingCertificatesPanel,
  findingsPastDuePanel,
  inspectionsDuePanel,
  unassignedItems,
  meetings,
  contracts,
  myApplications,
  companyId,
];
