import type { Context } from 'hono';
import { latestCompletedPeriod } from '../../../domain/reports/periods.js';
import { listReports, REPORT_SORT_KEYS, type ReportSortKey } from '../../../domain/reports/read-reports.js';
import type { ComplianceReport } from '../../../domain/reports/report.repository.js';
import { toJapanDate } from '../../../domain/shared/japan-date.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge } from '../components/common.js';
import { ChoiceGroup, fields, SelectField } from '../components/form.js';
import { ListBody, listCsv } from '../components/list-body.js';
import { type ContractAndCompany, contractAndCompanyNames, dueColumns } from '../components/list-columns.js';
import { oneOf, wordsQuery } from '../components/list-filters.js';
import type { ListColumn } from '../components/list-table.js';
import { sortFromQuery } from '../components/sortable.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';
import { periodText } from './period-text.js';

const STATUSES = ['issued', 'draft', 'submitted', 'returned', 'received', 'signed_off'] as const;
const PAGE_SIZE = 20;

type Row = ComplianceReport & { overdue: boolean };

/** The last six periods up to the latest completed one: the choices of the period filter. */
function recentPeriods(today: string): string[] {
  let label = latestCompletedPeriod(today).label;
  const out: string[] = [];
  for (let i = 0; i < 6; i++) {
    out.push(label);
    const year = Number(label.slice(0, 4));
    label = label.endsWith('H2') ? `${year}H1` : `${year - 1}H2`;
  }
  return out;
}

/** The list's filters and order as the page and its CSV read them from the address. */
function listQuery(c: Context<AppEnv>) {
  const url = new URL(c.req.url);
  const period = url.searchParams.get('period') ?? '';
  const flags = url.searchParams.getAll('only');
  const query = {
    status: oneOf(url, 'status', STATUSES),
    period: /^\d{4}H[12]$/.test(period) ? period : undefined,
    overdue: flags.includes('overdue'),
    withDiscrepancies: flags.includes('discrepancies'),
    q: wordsQuery(url),
    sort: sortFromQuery(url, REPORT_SORT_KEYS),
  };
  return { query, flags };
}

/** A report's columns, on the page and in the CSV. */
function reportColumns(p: PageCtx, names: ContractAndCompany): ListColumn<Row, ReportSortKey>[] {
  const t = p.t.reports;
  return [
    {
      label: t.columns.contract,
      cell: (r) => <a href={`/compliance-reports/${r.id}`}>{names.titles.get(r.contractId) ?? r.period}</a>,
      csv: (r) => names.titles.get(r.contractId) ?? '',
    },
    {
      label: t.columns.organisation,
      cell: (r) => names.orgs.get(r.organisationId) ?? '—',
      csv: (r) => names.orgs.get(r.organisationId) ?? '',
    },
    {
      label: t.columns.period,
      sort: 'period',
      cell: (r) => periodText(p, r.period),
      csv: (r) => periodText(p, r.period),
    },
    ...dueColumns<Row, ReportSortKey>(p, { dueOn: t.columns.dueOn, overdue: t.overdue }, 'dueOn'),
    {
      label: t.columns.status,
      sort: 'status',
      cell: (r) => <Badge status={r.status} label={t.status[r.status]} />,
      csv: (r) => t.status[r.status] ?? r.status,
    },
    {
      label: t.columns.discrepancies,
      cell: (r) => t.discrepancyCount(r.discrepancies.length),
      csv: (r) => r.discrepancies.length,
    },
  ];
}

/**
 * 遵守状況報告書の一覧: the reports the viewer may read (the rules run in SQL) — a company's own
 * and those of its sub-contractors, a ward's received ones — by due date or a column, 20 a page.
 */
export async function reportListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const t = p.t.reports;
  const { query, flags } = listQuery(c);
  const page = await listReports(ctx, {
    ...query,
    cursor: c.req.query('cursor') || undefined,
    limit: PAGE_SIZE,
  });
  const f = fields({ period: query.period ?? '', only: flags });
  const periods = recentPeriods(toJapanDate(ctx.now()));
  const periodOptions = [...new Set([...(query.period ? [query.period] : []), ...periods])];
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <ListBody
        filters={{
          p,
          action: '/compliance-reports',
          q: query.q,
          qLabel: t.filterQ,
          status: {
            value: query.status,
            label: t.filterStatus,
            options: STATUSES.map((s) => ({ value: s, label: t.status[s]! })),
          },
          csv: '/compliance-reports/export.csv',
        }}
        label={t.list}
        page={page}
        columns={reportColumns(p, await contractAndCompanyNames(ctx, page.items))}
        sort={query.sort}
      >
        <SelectField
          p={p}
          f={f}
          name="period"
          label={t.filterPeriod}
          blank={p.t.common.all}
          options={periodOptions.map((x) => ({ value: x, label: periodText(p, x) }))}
          short
        />
        <ChoiceGroup
          p={p}
          f={f}
          name="only"
          legend={p.t.common.filter}
          options={[
            { value: 'overdue', label: t.filterOverdue },
            { value: 'discrepancies', label: t.filterDiscrepancies },
          ]}
        />
      </ListBody>
    </Layout>,
  );
}

/** The list's rows, with its filters and order, as CSV for Excel (dates as Excel reads them). */
export async function reportListCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const { query } = listQuery(c);
  return listCsv(
    c,
    p,
    (cursor) => listReports(ctx, { ...query, cursor, limit: 200 }),
    async (rows) => reportColumns(p, await contractAndCompanyNames(ctx, rows)),
    { ascii: 'compliance-reports.csv', ja: '遵守状況報告書一覧.csv' },
  );
}
