import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import type { Incident } from '../../../domain/incidents/incident.repository.js';
import {
  INCIDENT_SORT_KEYS,
  type IncidentSortKey,
  listIncidents,
} from '../../../domain/incidents/read-incidents.js';
import { csvInstant } from '../../../domain/shared/csv-values.js';
import { contractTitles } from '../../../domain/worklists/contract-titles.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, Pager, TableWrap, TimeText } from '../components/common.js';
import { allRows, csvResponse } from '../components/csv-export.js';
import { fields, SelectField, TextField } from '../components/form.js';
import { listHref, SortableHeading, type SortState, sortFromQuery } from '../components/sortable.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';

const STATUSES = ['reported', 'in_progress', 'responded', 'closed'] as const;
const PAGE_SIZE = 20;

/** The list's filters as the page and its CSV read them from the address. */
function listQuery(c: Context<AppEnv>) {
  const status = STATUSES.find((s) => s === c.req.query('status'));
  const q = (c.req.query('q') ?? '').trim().slice(0, 100) || undefined;
  return { status, q, sort: sortFromQuery(new URL(c.req.url), INCIDENT_SORT_KEYS) };
}

async function namesOf(c: Context<AppEnv>, items: Incident[]) {
  const ctx = useCaseContext(c);
  const [titles, orgs] = await Promise.all([
    contractTitles(
      ctx,
      items.map((i) => i.contractId),
    ),
    organisationNames(
      ctx,
      items.map((i) => i.reportingOrgId),
    ),
  ]);
  return { titles, orgs };
}

function IncidentTable({
  p,
  items,
  names,
  sort,
}: {
  p: PageCtx;
  items: Incident[];
  names: Awaited<ReturnType<typeof namesOf>>;
  sort: SortState<IncidentSortKey> | undefined;
}) {
  const t = p.t.reports.incidents;
  if (!items.length) return <p>{p.t.common.empty}</p>;
  const heading = (label: string, column?: IncidentSortKey) =>
    column ? (
      <SortableHeading p={p} label={label} column={column} sort={sort} />
    ) : (
      <th scope="col">{label}</th>
    );
  return (
    <TableWrap p={p} label={t.list}>
      <table class="cards">
        <thead>
          <tr>
            {heading(t.fields.contractId)}
            {heading(t.fields.information)}
            {heading(t.fields.reportingOrg)}
            {heading(t.fields.discoveredAt, 'discoveredAt')}
            {heading(t.fields.reportedAt, 'reportedAt')}
            {heading(p.t.reports.columns.status, 'status')}
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr>
              <td data-label={t.fields.contractId}>
                <a href={`/incidents/${i.id}`}>{names.titles.get(i.contractId) ?? '—'}</a>
              </td>
              <td data-label={t.fields.information}>
                {i.information.length > 60 ? `${i.information.slice(0, 60)}…` : i.information}
              </td>
              <td data-label={t.fields.reportingOrg}>{names.orgs.get(i.reportingOrgId) ?? '—'}</td>
              <td data-label={t.fields.discoveredAt}>
                <TimeText at={i.discoveredAt} />
              </td>
              <td data-label={t.fields.reportedAt}>
                <TimeText at={i.reportedAt} />
              </td>
              <td data-label={p.t.reports.columns.status}>
                <Badge status={i.status} label={t.status[i.status]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** 事故報告の一覧: those the viewer may read (the rules run in SQL), newest first or by a column. */
export async function incidentListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const t = p.t.reports.incidents;
  const { status, q, sort } = listQuery(c);
  const page = await listIncidents(ctx, {
    status,
    q,
    sort,
    cursor: c.req.query('cursor') || undefined,
    limit: PAGE_SIZE,
  });
  const names = await namesOf(c, page.items);
  const mayReport = viewer.ability.can(
    'create',
    asSubject('Incident', { reportingOrgId: viewer.actor.organisationId }),
  );
  const f = fields({ status: status ?? '', q: q ?? '' });
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      {mayReport && (
        <p class="actions">
          <a class="button" href="/incidents/new">
            {t.report}
          </a>
        </p>
      )}
      <form method="get" action="/incidents" class="filters" aria-label={p.t.common.filter}>
        {sort && <input type="hidden" name="sort" value={sort.key} />}
        {sort && <input type="hidden" name="dir" value={sort.dir} />}
        <TextField p={p} f={f} name="q" label={t.filterQ} type="search" />
        <SelectField
          p={p}
          f={f}
          name="status"
          label={t.filterStatus}
          blank={p.t.common.all}
          options={STATUSES.map((s) => ({ value: s, label: t.status[s]! }))}
          short
        />
        <div class="field">
          <button type="submit">{p.t.common.applyFilter}</button>{' '}
          <a href="/incidents">{p.t.common.clearFilter}</a>
        </div>
      </form>
      <p class="actions">
        <a href={listHref(p.url, {}, '/incidents/export.csv')} download>
          {p.t.common.exportCsv}
        </a>
      </p>
      <IncidentTable p={p} items={page.items} names={names} sort={sort} />
      <Pager p={p} nextCursor={page.nextCursor} />
    </Layout>,
  );
}

/** The same rows as CSV for Excel (UTF-8 with BOM), times in Japan time. */
export async function incidentListCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const query = listQuery(c);
  const { rows, capped } = await allRows((cursor) => listIncidents(ctx, { ...query, cursor, limit: 200 }));
  const names = await namesOf(c, rows);
  const t = p.t.reports.incidents;
  return csvResponse(
    c,
    p,
    [
      [
        t.fields.contractId,
        t.fields.information,
        t.fields.location,
        t.fields.reportingOrg,
        t.fields.discoveredAt,
        t.fields.reportedAt,
        p.t.reports.columns.status,
      ],
      ...rows.map((i) => [
        names.titles.get(i.contractId) ?? '',
        i.information,
        i.location,
        names.orgs.get(i.reportingOrgId) ?? '',
        csvInstant(i.discoveredAt),
        csvInstant(i.reportedAt),
        t.status[i.status] ?? i.status,
      ]),
    ],
    capped,
    { ascii: 'incidents.csv', ja: '事故報告一覧.csv' },
  );
}
