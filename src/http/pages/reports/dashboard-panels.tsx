import type { Child } from 'hono/jsx';
import { listIncidents } from '../../../domain/incidents/read-incidents.js';
import { listReports } from '../../../domain/reports/read-reports.js';
import type { UseCaseContext } from '../../../domain/shared/context.js';
import { contractTitles } from '../../../domain/worklists/contract-titles.js';
import { Badge, DateText } from '../components/common.js';
import type { PageCtx, Viewer } from '../page-context.js';

// The dashboard's panels for compliance reports and incidents (added to PANELS in
// ../dashboard-panels.tsx). Rows come from the list use cases, whose rules run in SQL.

const SHOWN = 8;

function Panel({
  p,
  id,
  title,
  href,
  children,
}: {
  p: PageCtx;
  id: string;
  title: string;
  href: string;
  children: Child;
}) {
  return (
    <section class="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
      <p>
        <a href={href}>{p.t.common.showAll}</a>
      </p>
    </section>
  );
}

async function reportsIn(ctx: UseCaseContext, statuses: string[]) {
  const pages = await Promise.all(statuses.map((status) => listReports(ctx, { status, limit: SHOWN })));
  return pages.flatMap((pg) => pg.items).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** 受付・決裁待ちの遵守状況報告書 (the ward's signers). */
export async function reportsReceivedPanel(ctx: UseCaseContext, p: PageCtx, v: Viewer) {
  if (!v.ability.can('sign', 'ComplianceReport')) return null;
  const items = (await reportsIn(ctx, ['submitted', 'received'])).slice(0, SHOWN);
  const titles = await contractTitles(
    ctx,
    items.map((r) => r.contractId),
  );
  return (
    <ReportPanel
      p={p}
      id="panel-reports-received"
      title={p.t.reports.dashboard.reportsReceived}
      items={items}
      titles={titles}
      href="/compliance-reports?status=submitted"
    />
  );
}

/** 回答が必要な遵守状況報告書 (a company's manager: its own, not its sub-contractors'). */
export async function reportsToAnswerPanel(ctx: UseCaseContext, p: PageCtx, v: Viewer) {
  if (v.actor.organisationKind !== 'company' || !v.ability.can('update', 'ComplianceReport')) return null;
  const items = (await reportsIn(ctx, ['issued', 'draft', 'returned']))
    .filter((r) => r.organisationId === v.actor.organisationId)
    .slice(0, SHOWN);
  const titles = await contractTitles(
    ctx,
    items.map((r) => r.contractId),
  );
  return (
    <ReportPanel
      p={p}
      id="panel-reports-to-answer"
      title={p.t.reports.dashboard.reportsToAnswer}
      items={items}
      titles={titles}
      href="/compliance-reports"
    />
  );
}

function ReportPanel({
  p,
  id,
  title,
  items,
  titles,
  href,
}: {
  p: PageCtx;
  id: string;
  title: string;
  items: Awaited<ReturnType<typeof reportsIn>>;
  titles: Map<string, string>;
  href: string;
}) {
  return (
    <Panel p={p} id={id} title={title} href={href}>
      {items.length === 0 ? (
        <p>{p.t.dashboard.nothing}</p>
      ) : (
        <ul>
          {items.map((r) => (
            <li>
              <a href={`/compliance-reports/${r.id}`}>{titles.get(r.contractId) ?? r.period}</a>{' '}
              <Badge status={r.status} label={p.t.reports.status[r.status]} />{' '}
              {r.overdue ? (
                <Badge status="returned" label={p.t.reports.overdue} />
              ) : (
                <span>
                  （{p.t.reports.dashboard.due('')}
                  <DateText p={p} date={r.dueOn} />）
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

/** 対応中の事故報告 (the ward's signers and the companies in the chain). */
export async function openIncidentsPanel(ctx: UseCaseContext, p: PageCtx, v: Viewer) {
  if (!v.ability.can('read', 'Incident') || v.actor.roles.includes('inspector')) return null;
  const pages = await Promise.all(
    ['reported', 'in_progress', 'responded'].map((status) => listIncidents(ctx, { status, limit: SHOWN })),
  );
  const items = pages
    .flatMap((pg) => pg.items)
    .sort((a, b) => b.reportedAt.getTime() - a.reportedAt.getTime())
    .slice(0, SHOWN);
  if (!items.length && v.actor.organisationKind === 'company') return null;
  const titles = await contractTitles(
    ctx,
    items.map((i) => i.contractId),
  );
  const t = p.t.reports.incidents;
  return (
    <Panel p={p} id="panel-incidents" title={p.t.reports.dashboard.openIncidents} href="/incidents">
      {items.length === 0 ? (
        <p>{p.t.dashboard.nothing}</p>
      ) : (
        <ul>
          {items.map((i) => (
            <li>
              <a href={`/incidents/${i.id}`}>{titles.get(i.contractId) ?? i.information}</a>{' '}
              <Badge status={i.status} label={t.status[i.status]} />
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
