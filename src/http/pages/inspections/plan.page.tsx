import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import type { Finding } from '../../../domain/inspections/finding.repository.js';
import type { Inspection } from '../../../domain/inspections/inspection.repository.js';
import { japanToday } from '../../../domain/inspections/inspection-access.js';
import type { InspectionDue } from '../../../domain/inspections/list-inspection-due.js';
import { listDueForActor } from '../../../domain/inspections/read-inspection-due.js';
import { listFindings, listInspections } from '../../../domain/inspections/read-inspections.js';
import { ForbiddenError } from '../../../domain/shared/errors.js';
import { fiscalYearOf } from '../../../domain/shared/wareki.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, DateText, Pager, TableWrap } from '../components/common.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';
import { FindingBadge, fyText, StateBadge } from './parts.js';

const PAGE = 20;

function DueTable({ p, rows }: { p: PageCtx; rows: InspectionDue[] }) {
  const t = p.t.inspections;
  if (!rows.length) return <p>{t.dueNone}</p>;
  return (
    <ul class="cards">
      {rows.map((r) => (
        <li class="card">
          <p class="card-title">
            {r.organisationName}（{t.depth(r.depth)}）
          </p>
          <p>
            {t.contract}: <a href={`/contracts/${r.contractId}`}>{r.contractTitle}</a>
          </p>
          <p>
            {t.dueBy}: <DateText p={p} date={r.dueBy} />{' '}
            <Badge status={r.status === 'overdue' ? 'rejected' : 'submitted'} label={t.dueStatus[r.status]} />
          </p>
          <p>
            {r.plannedInspectionId ? (
              <a href={`/inspections/${r.plannedInspectionId}`}>
                {t.openPlanned}（<DateText p={p} date={r.plannedOn} />）
              </a>
            ) : (
              <a href={`/inspections/new?contractId=${r.contractId}`}>{t.planThis}</a>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}

function InspectionList({ p, rows, names }: { p: PageCtx; rows: Inspection[]; names: Map<string, string> }) {
  const t = p.t.inspections;
  if (!rows.length) return <p>{t.noInspections}</p>;
  return (
    <ul class="cards">
      {rows.map((i) => (
        <li class="card">
          <p class="card-title">
            <a href={`/inspections/${i.id}`}>
              {names.get(i.organisationId) ?? i.organisationId} —{' '}
              {p.lang === 'ja' ? i.template.title : i.template.titleEn}
            </a>
          </p>
          <p>
            {t.plannedOn}: <DateText p={p} date={i.plannedOn} /> <StateBadge p={p} status={i.status} />
          </p>
        </li>
      ))}
    </ul>
  );
}

function FindingList({ p, rows, today }: { p: PageCtx; rows: Finding[]; today: string }) {
  const t = p.t.inspections;
  if (!rows.length) return <p>{t.noFindings}</p>;
  return (
    <TableWrap p={p} label={t.findings}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.finding}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.findingDue}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr>
              <td>
                <a href={`/inspections/${f.inspectionId}#finding-${f.id}`}>{t.itemLink(f.itemKey)}</a>
                <br />
                {f.observation}
              </td>
              <td>
                <FindingBadge p={p} finding={f} today={today} />
              </td>
              <td>
                <DateText p={p} date={f.dueOn} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * 実地検査計画: for the ward, who is due or overdue this fiscal year (the listing the scheduler
 * uses, through the viewer's rules) and the inspections of the year; for an inspected company, its
 * inspections and findings. Everything comes from the list use cases, whose rules run in SQL.
 */
export async function planPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const t = p.t.inspections;
  const today = japanToday(ctx.now());
  const asked = Number(c.req.query('fy'));
  const fy = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : fiscalYearOf(today);
  const ward = viewer.actor.organisationKind === 'ward' && viewer.actor.wardId !== null;
  const company = viewer.actor.organisationKind === 'company';
  if (!viewer.ability.can('read', 'Inspection')) {
    throw new ForbiddenError({
      en: 'On-site inspections are not shown to your role',
      ja: '実地検査はあなたの役割では閲覧できません',
    });
  }

  const due = ward ? (await listDueForActor(ctx, { fiscalYear: fy })).items : [];
  const page = await listInspections(ctx, {
    fiscalYear: fy,
    limit: PAGE,
    ...(c.req.query('cursor') && { cursor: c.req.query('cursor') }),
  });
  const findings = company ? await listFindings(ctx, { limit: 50 }) : undefined;
  const names = await organisationNames(
    ctx,
    page.items.map((i) => i.organisationId),
  );
  const mayPlan = viewer.ability.can('create', 'Inspection');
  const mayReadTemplates =
    ward && viewer.ability.can('read', asSubject('ChecklistTemplate', { wardId: viewer.actor.wardId }));

  return sendPage(
    c,
    <Layout p={p} title={t.planTitle(fyText(p, fy))}>
      {company && <p class="lead">{t.company.intro}</p>}
      <form method="get" action="/inspections" class="filters">
        <div class="field">
          <label for="f-fy">{t.fiscalYear}</label>
          <input type="number" id="f-fy" name="fy" value={String(fy)} min="2000" max="2100" class="short" />
        </div>
        <button type="submit" class="secondary">
          {t.show}
        </button>
      </form>
      {(mayPlan || mayReadTemplates) && (
        <p class="actions">
          {mayPlan && (
            <a class="button" href="/inspections/new">
              {t.planNew}
            </a>
          )}
          {mayReadTemplates && <a href="/inspections/templates">{t.templates.link}</a>}
        </p>
      )}
      {ward && (
        <section aria-labelledby="due-title">
          <h2 id="due-title">{t.due}</h2>
          <p class="hint">{t.dueHint}</p>
          <DueTable p={p} rows={due} />
        </section>
      )}
      <section aria-labelledby="inspections-title">
        <h2 id="inspections-title">{t.inspections}</h2>
        <InspectionList p={p} rows={page.items} names={names} />
        <Pager p={p} nextCursor={page.nextCursor} />
      </section>
      {findings && (
        <section aria-labelledby="findings-title">
          <h2 id="findings-title">{t.findings}</h2>
          <FindingList p={p} rows={findings.items} today={today} />
        </section>
      )}
    </Layout>,
  );
}
