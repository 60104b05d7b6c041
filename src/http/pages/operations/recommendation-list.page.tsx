import type { Context } from 'hono';
import type { ImprovementRecommendation } from '../../../domain/operational-reports/recommendation.repository.js';
import {
  listRecommendations,
  RECOMMENDATION_SORT_KEYS,
  type RecommendationSortKey,
} from '../../../domain/operational-reports/recommendations.js';
import { csvInstant } from '../../../domain/shared/csv-values.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, TimeText } from '../components/common.js';
import { ListBody, listCsv } from '../components/list-body.js';
import {
  type ContractAndCompany,
  contractAndCompanyColumns,
  contractAndCompanyNames,
  dueColumns,
} from '../components/list-columns.js';
import { oneOf, wordsQuery } from '../components/list-filters.js';
import type { ListColumn } from '../components/list-table.js';
import { sortFromQuery } from '../components/sortable.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';

const STATUSES = ['recommended', 'sent_back', 'answered', 'closed'] as const;

type Row = ImprovementRecommendation & { overdue: boolean };

/** The list's filters and order as the page and its CSV read them from the address. */
function listQuery(c: Context<AppEnv>) {
  const url = new URL(c.req.url);
  return {
    status: oneOf(url, 'status', STATUSES),
    q: wordsQuery(url),
    sort: sortFromQuery(url, RECOMMENDATION_SORT_KEYS),
  };
}

/** A recommendation's columns, on the page and in the CSV. */
function recommendationColumns(
  p: PageCtx,
  names: ContractAndCompany,
): ListColumn<Row, RecommendationSortKey>[] {
  const t = p.t.operations.recommendations;
  return [
    {
      label: t.fields.title,
      sort: 'title',
      cell: (r) => <a href={`/improvement-recommendations/${r.id}`}>{r.title}</a>,
      csv: (r) => r.title,
    },
    ...contractAndCompanyColumns<Row>(names, t.fields),
    {
      label: t.fields.recommendedAt,
      sort: 'recommendedAt',
      cell: (r) => <TimeText at={r.recommendedAt} />,
      csv: (r) => csvInstant(r.recommendedAt),
    },
    ...dueColumns<Row, RecommendationSortKey>(
      p,
      { dueOn: t.fields.dueOn, overdue: p.t.operations.reports.overdue },
      'dueOn',
    ),
    {
      label: t.fields.status,
      sort: 'status',
      cell: (r) => <Badge status={r.status} label={t.status[r.status]} />,
      csv: (r) => t.status[r.status] ?? r.status,
    },
  ];
}

/** 改善勧告の一覧: newest first or by a column, filtered; the rules in SQL. */
export async function recommendationListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const t = p.t.operations.recommendations;
  const query = listQuery(c);
  const page = await listRecommendations(ctx, {
    ...query,
    cursor: c.req.query('cursor') || undefined,
    limit: 20,
  });
  const mayRecommend =
    ctx.actor.organisationKind === 'ward' && ctx.ability.can('create', 'ImprovementRecommendation');
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <p>{t.intro}</p>
      {mayRecommend && (
        <p>
          <a href="/improvement-recommendations/new">{t.recommend}</a>
        </p>
      )}
      <ListBody
        filters={{
          p,
          action: '/improvement-recommendations',
          q: query.q,
          qLabel: t.filterQ,
          status: {
            value: query.status,
            label: t.filterStatus,
            options: STATUSES.map((s) => ({ value: s, label: t.status[s] ?? s })),
          },
          csv: '/improvement-recommendations/export.csv',
        }}
        label={t.list}
        empty={t.none}
        page={page}
        columns={recommendationColumns(p, await contractAndCompanyNames(ctx, page.items))}
        sort={query.sort}
      />
    </Layout>,
  );
}

/** The list's rows, with its filters and order, as CSV for Excel. */
export async function recommendationListCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const query = listQuery(c);
  return listCsv(
    c,
    p,
    (cursor) => listRecommendations(ctx, { ...query, cursor, limit: 200 }),
    async (rows) => recommendationColumns(p, await contractAndCompanyNames(ctx, rows)),
    { ascii: 'improvement-recommendations.csv', ja: '改善勧告一覧.csv' },
  );
}
