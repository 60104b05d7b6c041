import type { Context } from 'hono';
import type { MonitoringReport } from '../../../domain/monitoring/monitoring.repository.js';
import {
  listMonitoringReports,
  MONITORING_SORT_KEYS,
  type MonitoringSortKey,
} from '../../../domain/monitoring/read-monitoring.js';
import { csvDate, csvFiscalYear, csvInstant } from '../../../domain/shared/csv-values.js';
import { ForbiddenError } from '../../../domain/shared/errors.js';
import { fiscalYearLabel } from '../../../domain/shared/wareki.js';
import { contractTitles } from '../../../domain/worklists/contract-titles.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { DateText, Pager, TableWrap, TimeText } from '../components/common.js';
import { allRows, csvResponse } from '../components/csv-export.js';
import { fields, TextField } from '../components/form.js';
import { listHref, SortableHeading, type SortState, sortFromQuery } from '../components/sortable.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';

const PAGE_SIZE = 20;

/** The list's filters as the page and its CSV read them from the address. */
function listQuery(c: Context<AppEnv>) {
  const url = new URL(c.req.url);
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const asked = Number(c.req.query('fy'));
  const fiscalYear = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : undefined;
  const sort = sortFromQuery(url, MONITORING_SORT_KEYS);
  return { q: q || undefined, fiscalYear, sort };
}

function mayRead(c: Context<AppEnv>) {
  if (!c.get('auth').ability.can('read', 'MonitoringReport'))
    throw new ForbiddenError({
      en: 'Monitoring reports are not shown to your role',
      ja: 'モニタリング報告書はあなたの役割では閲覧できません',
    });
}

async function namesOf(c: Context<AppEnv>, items: MonitoringReport[]) {
  const ctx = useCaseContext(c);
  const [titles, orgs] = await Promise.all([
    contractTitles(
      ctx,
      items.map((r) => r.contractId),
    ),
    organisationNames(
      ctx,
      items.map((r) => r.organisationId),
    ),
  ]);
  return { titles, orgs };
}

const fyWords = (p: PageCtx, fy: number) => (p.lang === 'ja' ? fiscalYearLabel(fy) : `FY${fy}`);

function ReportTable({
  p,
  items,
  names,
  sort,
}: {
  p: PageCtx;
  items: MonitoringReport[];
  names: Awaited<ReturnType<typeof namesOf>>;
  sort: SortState<MonitoringSortKey> | undefined;
}) {
  const t = p.t.monitoring;
  if (!items.length) return <p>{t.none}</p>;
  const heading = (label: string, column?: MonitoringSortKey) =>
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
            {heading(t.fields.contract)}
            {heading(t.fields.organisation)}
            {heading(t.fields.hearingOn, 'hearingOn')}
            {heading(t.fields.fiscalYear, 'fiscalYear')}
            {heading(t.fields.financialGrade, 'financialGrade')}
            {heading(t.fields.updatedAt, 'updatedAt')}
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr>
              <td data-label={t.fields.contract}>
                <a href={`/monitoring/${r.id}`}>{names.titles.get(r.contractId) ?? '—'}</a>
              </td>
              <td data-label={t.fields.organisation}>{names.orgs.get(r.organisationId) ?? '—'}</td>
              <td data-label={t.fields.hearingOn}>
                <DateText p={p} date={r.hearingOn} />
              </td>
              <td data-label={t.fields.fiscalYear}>{fyWords(p, r.fiscalYear)}</td>
              <td data-label={t.fields.financialGrade}>{r.financialGrade ?? '—'}</td>
              <td data-label={t.fields.updatedAt}>
                <TimeText at={r.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** モニタリング報告書の一覧: the reports the viewer may read (rules in SQL), newest first or by a column. */
export async function monitoringListPage(c: Context<AppEnv>) {
  mayRead(c);
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const t = p.t.monitoring;
  const query = listQuery(c);
  const page = await listMonitoringReports(useCaseContext(c), {
    ...query,
    cursor: c.req.query('cursor') || undefined,
    limit: PAGE_SIZE,
  });
  const names = await namesOf(c, page.items);
  const f = fields({ q: query.q ?? '', fy: query.fiscalYear ? String(query.fiscalYear) : '' });
  const mayCreate = viewer.ability.can('create', 'MonitoringReport');
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      {mayCreate && (
        <p class="actions">
          <a class="button" href="/monitoring/new">
            {t.create}
          </a>
        </p>
      )}
      <form method="get" action="/monitoring" class="filters" aria-label={p.t.common.filter}>
        {query.sort && <input type="hidden" name="sort" value={query.sort.key} />}
        {query.sort && <input type="hidden" name="dir" value={query.sort.dir} />}
        <TextField p={p} f={f} name="q" label={t.filterQ} type="search" />
        <TextField p={p} f={f} name="fy" label={t.filterFy} type="number" inputmode="numeric" short />
        <div class="field">
          <button type="submit">{p.t.common.applyFilter}</button>{' '}
          <a href="/monitoring">{p.t.common.clearFilter}</a>
        </div>
      </form>
      <p class="actions">
        <a href={listHref(p.url, {}, '/monitoring/export.csv')} download>
          {p.t.common.exportCsv}
        </a>
      </p>
      <ReportTable p={p} items={page.items} names={names} sort={query.sort} />
      <Pager p={p} nextCursor={page.nextCursor} />
    </Layout>,
  );
}

/** The same rows as CSV for Excel (UTF-8 with BOM), dates as on the page, 年度 in 令和. */
export async function monitoringListCsv(c: Context<AppEnv>) {
  mayRead(c);
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const query = listQuery(c);
  const { rows, capped } = await allRows((cursor) =>
    listMonitoringReports(ctx, { ...query, cursor, limit: 200 }),
  );
  const names = await namesOf(c, rows);
  const t = p.t.monitoring;
  return csvResponse(
    c,
    p,
    [
      [
        t.fields.contract,
        t.fields.organisation,
        t.fields.hearingOn,
        t.fields.fiscalYear,
        t.fields.financialGrade,
        t.fields.overall,
        t.fields.updatedAt,
      ],
      ...rows.map((r) => [
        names.titles.get(r.contractId) ?? '',
        names.orgs.get(r.organisationId) ?? '',
        csvDate(r.hearingOn),
        csvFiscalYear(r.fiscalYear, p.lang),
        r.financialGrade ?? '',
        r.overall ?? '',
        csvInstant(r.updatedAt),
      ]),
    ],
    capped,
    { ascii: 'monitoring-reports.csv', ja: 'モニタリング報告書一覧.csv' },
  );
}
