import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import type { Finding } from '../../../domain/inspections/finding.repository.js';
import type { Inspection } from '../../../domain/inspections/inspection.repository.js';
import { japanToday } from '../../../domain/inspections/inspection-access.js';
import type { InspectionDue } from '../../../domain/inspections/list-inspection-due.js';
import { listDueForActor } from '../../../domain/inspections/read-inspection-due.js';
import {
  INSPECTION_SORT_KEYS,
  type InspectionSortKey,
  listFindings,
  listInspections,
} from '../../../domain/inspections/read-inspections.js';
import { csvDate, csvFiscalYear } from '../../../domain/shared/csv-values.js';
import { ForbiddenError } from '../../../domain/shared/errors.js';
import { fiscalYearOf } from '../../../domain/shared/wareki.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, DateText, Pager, TableWrap } from '../components/common.js';
import { allRows, csvResponse } from '../components/csv-export.js';
import { fields, SelectField, TextField } from '../components/form.js';
import { listHref, SortableHeading, type SortState, sortFromQuery } from '../components/sortable.js';
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

function InspectionTable({
  p,
  rows,
  names,
  sort,
}: {
  p: PageCtx;
  rows: Inspection[];
  names: Map<string, string>;
  sort: SortState<InspectionSortKey> | undefined;
}) {
  const t = p.t.inspections;
  if (!rows.length) return <p>{t.noInspections}</p>;
  const heading = (label: string, column?: InspectionSortKey) =>
    column ? (
      <SortableHeading p={p} label={label} column={column} sort={sort} />
    ) : (
      <th scope="col">{label}</th>
    );
  return (
    <TableWrap p={p} label={t.inspections}>
      <table class="cards">
        <thead>
          <tr>
            {heading(t.organisation)}
            {heading(t.template, 'template')}
            {heading(t.plannedOn, 'plannedOn')}
            {heading(t.place)}
            {heading(t.status, 'status')}
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr>
              <td data-label={t.organisation}>
                <a href={`/inspections/${i.id}`}>{names.get(i.organisationId) ?? i.organisationId}</a>
              </td>
              <td data-label={t.template}>{p.lang === 'ja' ? i.template.title : i.template.titleEn}</td>
              <td data-label={t.plannedOn}>
                <DateText p={p} date={i.plannedOn} />
              </td>
              <td data-label={t.place}>{i.place ?? '—'}</td>
              <td data-label={t.status}>
                <StateBadge p={p} status={i.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

const STATES = ['planned', 'in_progress', 'submitted', 'signed_off', 'cancelled'] as const;

/** The year's list filters as the page and its CSV read them from the address. */
function listQuery(c: Context<AppEnv>, today: string) {
  const asked = Number(c.req.query('fy'));
  const fy = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : fiscalYearOf(today);
  return {
    fiscalYear: fy,
    q: (c.req.query('q') ?? '').trim().slice(0, 100) || undefined,
    status: STATES.find((s) => s === c.req.query('status')),
    sort: sortFromQuery(new URL(c.req.url), INSPECTION_SORT_KEYS),
  };
}

function mayRead(c: Context<AppEnv>) {
  if (!c.get('auth').ability.can('read', 'Inspection')) {
    throw new ForbiddenError({
      en: 'On-site inspections are not shown to your role',
      ja: '実地検査はあなたの役割では閲覧できません',
    });
  }
}

/** The year's inspections with the list's filters and order as CSV for Excel (UTF-8 with BOM). */
export async function inspectionListCsv(c: Context<AppEnv>) {
  mayRead(c);
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const query = listQuery(c, japanToday(ctx.now()));
  const { rows, capped } = await allRows((cursor) => listInspections(ctx, { ...query, cursor, limit: 200 }));
  const names = await organisationNames(
    ctx,
    rows.map((i) => i.organisationId),
  );
  const t = p.t.inspections;
  return csvResponse(
    c,
    p,
    [
      [t.organisation, t.template, t.plannedOn, t.fiscalYear, t.place, t.status],
      ...rows.map((i) => [
        names.get(i.organisationId) ?? '',
        p.lang === 'ja' ? i.template.title : i.template.titleEn,
        csvDate(i.plannedOn),
        csvFiscalYear(i.fiscalYear, p.lang),
        i.place ?? '',
        t.states[i.status] ?? i.status,
      ]),
    ],
    capped,
    { ascii: 'inspections.csv', ja: '実地検査一覧.csv' },
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
  const query = listQuery(c, today);
  const fy = query.fiscalYear;
  const ward = viewer.actor.organisationKind === 'ward' && viewer.actor.wardId !== null;
  const company = viewer.actor.organisationKind === 'company';
  mayRead(c);

  const due = ward ? (await listDueForActor(ctx, { fiscalYear: fy })).items : [];
  const page = await listInspections(ctx, {
    ...query,
    limit: PAGE,
    ...(c.req.query('cursor') && { cursor: c.req.query('cursor') }),
  });
  const findings = company ? await listFindings(ctx, { limit: 50 }) : undefined;
  const names = await organisationNames(
    ctx,
    page.items.map((i) => i.organisationId),
  );
  const mayPlan = viewer.ability.can('create', 'Inspection');
  const f = fields({ q: query.q ?? '', status: query.status ?? '' });
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
        <form method="get" action="/inspections" class="filters" aria-label={p.t.common.filter}>
          <input type="hidden" name="fy" value={String(fy)} />
          {query.sort && <input type="hidden" name="sort" value={query.sort.key} />}
          {query.sort && <input type="hidden" name="dir" value={query.sort.dir} />}
          <TextField p={p} f={f} name="q" label={t.filterQ} type="search" />
          <SelectField
            p={p}
            f={f}
            name="status"
            label={t.status}
            blank={p.t.common.all}
            options={STATES.map((s) => ({ value: s, label: t.states[s] ?? s }))}
            short
          />
          <div class="field">
            <button type="submit">{p.t.common.applyFilter}</button>{' '}
            <a href={`/inspections?fy=${fy}`}>{p.t.common.clearFilter}</a>
          </div>
        </form>
        <p class="actions">
          <a href={listHref(p.url, {}, '/inspections/export.csv')} download>
            {p.t.common.exportCsv}
          </a>
        </p>
        <InspectionTable p={p} rows={page.items} names={names} sort={query.sort} />
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
