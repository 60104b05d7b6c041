import type { Context } from 'hono';
import type { AccessLogReview } from '../../../domain/my-number/access-log-review.repository.js';
import {
  ACCESS_LOG_REVIEW_SORT_KEYS,
  type AccessLogReviewSortKey,
  listAccessLogReviews,
} from '../../../domain/my-number/access-log-reviews.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, Period } from '../components/common.js';
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

const STATUSES = ['issued', 'returned', 'recorded', 'confirmed'] as const;
const PAGE_SIZE = 20;

type Row = AccessLogReview & { overdue: boolean };

/** The list's filters and order as the page and its CSV read them from the address. */
function listQuery(c: Context<AppEnv>) {
  const url = new URL(c.req.url);
  return {
    status: oneOf(url, 'status', STATUSES),
    q: wordsQuery(url),
    sort: sortFromQuery(url, ACCESS_LOG_REVIEW_SORT_KEYS),
  };
}

/** A review's columns, on the page and in the CSV (the period as two dates Excel reads). */
function reviewColumns(p: PageCtx, names: ContractAndCompany): ListColumn<Row, AccessLogReviewSortKey>[] {
  const t = p.t.accessLogReviews;
  const anomalies = (r: Row) =>
    r.anomaliesFound === null ? '' : t.anomalies[r.anomaliesFound ? 'yes' : 'no'];
  return [
    {
      label: t.fields.period,
      sort: 'period',
      cell: (r) => (
        <a href={`/access-log-reviews/${r.id}`}>
          <Period p={p} from={r.periodFrom} to={r.periodTo} />
        </a>
      ),
    },
    ...periodCsvColumns<Row>(p, t.fields.period),
    ...contractAndCompanyColumns<Row>(names, t.fields),
    ...dueColumns<Row, AccessLogReviewSortKey>(p, { dueOn: t.fields.dueOn, overdue: t.overdue }, 'dueOn'),
    {
      label: t.fields.status,
      sort: 'status',
      cell: (r) => (
        <span>
          <Badge status={r.status} label={t.status[r.status] ?? r.status} />
          {r.anomaliesFound && (
            <Badge status="rejected" label={`${t.fields.anomaliesFound}：${t.anomalies.yes}`} />
          )}
        </span>
      ),
      csv: (r) => t.status[r.status] ?? r.status,
    },
    { label: t.fields.anomaliesFound, csv: anomalies },
  ];
}

/** アクセスログの確認の一覧: newest due first or by a column, filtered; the rules in SQL. */
export async function accessLogReviewListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const t = p.t.accessLogReviews;
  const query = listQuery(c);
  const page = await listAccessLogReviews(ctx, {
    ...query,
    cursor: c.req.query('cursor') || undefined,
    limit: PAGE_SIZE,
  });
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <p>{p.msg({ ja: t.intro, en: t.intro })}</p>
      <ListBody
        filters={{
          p,
          action: '/access-log-reviews',
          q: query.q,
          qLabel: t.filterQ,
          status: {
            value: query.status,
            label: t.filterStatus,
            options: STATUSES.map((s) => ({ value: s, label: t.status[s] ?? s })),
          },
          csv: '/access-log-reviews/export.csv',
        }}
        label={t.list}
        empty={t.none}
        page={page}
        columns={reviewColumns(p, await contractAndCompanyNames(ctx, page.items))}
        sort={query.sort}
      />
    </Layout>,
  );
}

/** The list's rows, with its filters and order, as CSV for Excel. */
export async function accessLogReviewListCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const query = listQuery(c);
  return listCsv(
    c,
    p,
    (cursor) => listAccessLogReviews(ctx, { ...query, cursor, limit: 200 }),
    async (rows) => reviewColumns(p, await contractAndCompanyNames(ctx, rows)),
    { ascii: 'access-log-reviews.csv', ja: 'アクセスログの確認一覧.csv' },
  );
}
