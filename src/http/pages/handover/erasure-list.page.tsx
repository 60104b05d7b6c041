import type { Context } from 'hono';
import type { ErasureRecord } from '../../../domain/erasure/erasure.repository.js';
import {
  ERASURE_SORT_KEYS,
  type ErasureSortKey,
  listErasures,
} from '../../../domain/erasure/read-erasures.js';
import { csvInstant } from '../../../domain/shared/csv-values.js';
import { ForbiddenError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, TimeText } from '../components/common.js';
import { ListBody, listCsv } from '../components/list-body.js';
import { type ContractAndCompany, contractAndCompanyNames } from '../components/list-columns.js';
import { oneOf, wordsQuery } from '../components/list-filters.js';
import type { ListColumn } from '../components/list-table.js';
import { sortFromQuery } from '../components/sortable.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';

// 消去の記録の一覧: every erasure record the viewer may read (the rules in SQL), sorted by its
// columns, filtered by words and state, and exported as CSV; the handover page shows the newest.

const ERASURE_STATES = ['recorded', 'certified'] as const;

/** The list's filters and order as the page and its CSV read them from the address. */
function erasureQuery(url: URL) {
  return {
    q: wordsQuery(url),
    status: oneOf(url, 'status', ERASURE_STATES),
    sort: sortFromQuery(url, ERASURE_SORT_KEYS),
  };
}

/** An erasure record's columns, on the page and in the CSV. */
export function erasureColumns(
  p: PageCtx,
  names: ContractAndCompany,
): ListColumn<ErasureRecord, ErasureSortKey>[] {
  const t = p.t.handover;
  return [
    {
      label: t.columns.contract,
      cell: (r) => <a href={`/handover/erasures/${r.id}`}>{names.titles.get(r.contractId) ?? r.id}</a>,
      csv: (r) => names.titles.get(r.contractId) ?? '',
    },
    {
      label: t.columns.organisation,
      cell: (r) => names.orgs.get(r.organisationId) ?? '—',
      csv: (r) => names.orgs.get(r.organisationId) ?? '',
    },
    { label: t.columns.scope, sort: 'scope', cell: (r) => t.scopes[r.scope], csv: (r) => t.scopes[r.scope] },
    {
      label: t.columns.erasedAt,
      sort: 'erasedAt',
      cell: (r) => <TimeText at={r.erasedAt} />,
      csv: (r) => csvInstant(r.erasedAt),
    },
    { label: t.columns.recordedAt, sort: 'recordedAt', csv: (r) => csvInstant(r.recordedAt) },
    {
      label: t.columns.status,
      sort: 'status',
      cell: (r) => (
        <Badge
          status={r.status === 'certified' ? 'approved' : 'submitted'}
          label={t.erasureStatus[r.status]}
        />
      ),
      csv: (r) => t.erasureStatus[r.status] ?? r.status,
    },
  ];
}

function mayRead(p: PageCtx) {
  if (!viewerOf(p).ability.can('read', 'ErasureRecord'))
    throw new ForbiddenError({ en: 'Not permitted', ja: 'この画面を表示する権限がありません' });
}

/** 消去の記録の一覧 (/handover/erasures). */
export async function erasureListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  mayRead(p);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const query = erasureQuery(p.url);
  const page = await listErasures(ctx, { ...query, cursor: c.req.query('cursor') || undefined, limit: 20 });
  const t = p.t.handover;
  return sendPage(
    c,
    <Layout p={p} title={t.erasureList}>
      {viewer.actor.organisationKind === 'company' && viewer.ability.can('create', 'ErasureRecord') && (
        <p class="actions">
          <a class="button" href="/handover/erasures/new">
            {t.recordErasure}
          </a>
        </p>
      )}
      <ListBody
        filters={{
          p,
          action: '/handover/erasures',
          q: query.q,
          qLabel: t.erasureFilterQ,
          status: {
            value: query.status,
            label: t.filterStatus,
            options: ERASURE_STATES.map((s) => ({ value: s, label: t.erasureStatus[s] ?? s })),
          },
          csv: '/handover/erasures/export.csv',
        }}
        label={t.erasureList}
        page={page}
        columns={erasureColumns(p, await contractAndCompanyNames(ctx, page.items))}
        sort={query.sort}
      />
    </Layout>,
  );
}

/** The list's rows, with its filters and order, as CSV for Excel. */
export async function erasureListCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  mayRead(p);
  const ctx = useCaseContext(c);
  const query = erasureQuery(p.url);
  return listCsv(
    c,
    p,
    (cursor) => listErasures(ctx, { ...query, cursor, limit: 200 }),
    async (rows) => erasureColumns(p, await contractAndCompanyNames(ctx, rows)),
    { ascii: 'erasure-records.csv', ja: '消去の記録一覧.csv' },
  );
}
