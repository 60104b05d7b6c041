import type { Context } from 'hono';
import type { OperationalReport } from '../../../domain/operational-reports/operational-report.repository.js';
import {
  listOperationalReports,
  OPERATIONAL_REPORT_SORT_KEYS,
  type OperationalReportSortKey,
} from '../../../domain/operational-reports/operational-reports.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, DateText, Period } from '../components/common.js';
import { ChoiceGroup, fields, SelectField } from '../components/form.js';
import { ListBody, listCsv } from '../components/list-body.js';
import {
  type ContractAndCompany,
  contractAndCompanyColumns,
  contractAndCompanyNames,
  dueColumns,
  periodCsvColumns,
} from '../components/list-columns.js';
import { oneOf, wordsQuery } from '../components/list-filters.js';
import type { ListColumn } from '../components/list-table.js';
import { sortFromQuery } from '../components/sortable.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';

const KINDS = ['daily', 'monthly', 'yearly', 'adhoc'] as const;
const STATUSES = ['issued', 'returned', 'submitted', 'received', 'signed_off', 'accepted'] as const;
const PAGE_SIZE = 20;

type Row = OperationalReport & { overdue: boolean };

/** What a report covers, in words: 令和 dates, or the ad-hoc report's kind. */
export function periodOf(p: PageCtx, r: OperationalReport) {
  if (r.kind === 'adhoc') return <span>{p.t.operations.reports.adhocKinds[r.adhocKind ?? ''] ?? '—'}</span>;
  if (r.periodFrom === r.periodTo) return <DateText p={p} date={r.periodFrom} />;
  return <Period p={p} from={r.periodFrom} to={r.periodTo} />;
}

/** The list's filters and order as the page and its CSV read them from the address. */
function listQuery(c: Context<AppEnv>) {
  const url = new URL(c.req.url);
  return {
    kind: oneOf(url, 'kind', KINDS),
    status: oneOf(url, 'status', STATUSES),
    overdue: url.searchParams.getAll('only').includes('overdue'),
    q: wordsQuery(url),
    sort: sortFromQuery(url, OPERATIONAL_REPORT_SORT_KEYS),
  };
}

/** A report's columns, on the page and in the CSV (the period as two dates Excel reads). */
function reportColumns(p: PageCtx, names: ContractAndCompany): ListColumn<Row, OperationalReportSortKey>[] {
  const t = p.t.operations.reports;
  return [
    {
      label: t.fields.kind,
      sort: 'kind',
      cell: (r) => <a href={`/operational-reports/${r.id}`}>{t.kinds[r.kind]}</a>,
      csv: (r) => t.kinds[r.kind] ?? r.kind,
    },
    {
      label: t.fields.adhocKind,
      csv: (r) => (r.adhocKind ? (t.adhocKinds[r.adhocKind] ?? r.adhocKind) : ''),
    },
    { label: t.fields.period, sort: 'periodFrom', cell: (r) => periodOf(p, r) },
    ...periodCsvColumns<Row>(p, t.fields.period),
    ...contractAndCompanyColumns<Row>(names, t.fields),
    ...dueColumns<Row, OperationalReportSortKey>(p, { dueOn: t.fields.dueOn, overdue: t.overdue }, 'dueOn'),
    {
      label: t.fields.status,
      sort: 'status',
      cell: (r) => <Badge status={r.status} label={t.status[r.status]} />,
      csv: (r) => t.status[r.status] ?? r.status,
    },
  ];
}

/** 業務報告の一覧: the reports the viewer may read (the rules run in SQL), latest due first or by a column. */
export async function operationalReportListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const t = p.t.operations.reports;
  const query = listQuery(c);
  const page = await listOperationalReports(ctx, {
    ...query,
    cursor: c.req.query('cursor') || undefined,
    limit: PAGE_SIZE,
  });
  const f = fields({ kind: query.kind ?? '', only: query.overdue ? ['overdue'] : [] });
  const mayFile = ctx.actor.organisationKind === 'company' && ctx.ability.can('create', 'OperationalReport');
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <p>{t.intro}</p>
      <p>
        {mayFile && <a href="/operational-reports/new">{t.fileAdhoc}</a>}
        {mayFile && '　'}
        <a href="/regular-meetings">{p.t.operations.meetings.title}</a>
        {'　'}
        <a href="/improvement-recommendations">{p.t.operations.recommendations.title}</a>
      </p>
      <ListBody
        filters={{
          p,
          action: '/operational-reports',
          q: query.q,
          qLabel: t.filterQ,
          status: {
            value: query.status,
            label: t.filterStatus,
            options: STATUSES.map((s) => ({ value: s, label: t.status[s]! })),
          },
          csv: '/operational-reports/export.csv',
        }}
        label={t.list}
        empty={t.none}
        page={page}
        columns={reportColumns(p, await contractAndCompanyNames(ctx, page.items))}
        sort={query.sort}
      >
        <SelectField
          p={p}
          f={f}
          name="kind"
          label={t.filterKind}
          blank={p.t.common.all}
          options={KINDS.map((k) => ({ value: k, label: t.kinds[k]! }))}
          short
        />
        <ChoiceGroup
          p={p}
          f={f}
          name="only"
          legend={p.t.common.filter}
          options={[{ value: 'overdue', label: t.onlyOverdue }]}
        />
      </ListBody>
    </Layout>,
  );
}

/** The list's rows, with its filters and order, as CSV for Excel. */
export async function operationalReportListCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const query = listQuery(c);
  return listCsv(
    c,
    p,
    (cursor) => listOperationalReports(ctx, { ...query, cursor, limit: 200 }),
    async (rows) => reportColumns(p, await contractAndCompanyNames(ctx, rows)),
    { ascii: 'operational-reports.csv', ja: '業務報告一覧.csv' },
  );
}
