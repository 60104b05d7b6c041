import type { Context } from 'hono';
import { listErasures } from '../../../domain/erasure/read-erasures.js';
import type { HandoverPackage } from '../../../domain/handover/package.repository.js';
import {
  listPackages,
  PACKAGE_SORT_KEYS,
  type PackageSortKey,
} from '../../../domain/handover/read-packages.js';
import { csvInstant } from '../../../domain/shared/csv-values.js';
import { ForbiddenError } from '../../../domain/shared/errors.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, Pager, TimeText } from '../components/common.js';
import { allRows, csvResponse } from '../components/csv-export.js';
import { ListFilters, wordsQuery } from '../components/list-filters.js';
import { csvLines, type ListColumn, ListTable } from '../components/list-table.js';
import { sortFromQuery } from '../components/sortable.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx, type Viewer, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';
import { erasureColumns } from './erasure-list.page.js';
import { contractTitles, optionsOf, PACKAGE_STATES } from './shared.js';

const PAGE_SIZE = 20;

/** The packages' filters as the page and its CSV read them from the address. */
function packageQuery(url: URL) {
  const status = url.searchParams.get('status') ?? '';
  return {
    status: (PACKAGE_STATES as readonly string[]).includes(status) ? status : undefined,
    q: wordsQuery(url),
    sort: sortFromQuery(url, PACKAGE_SORT_KEYS),
  };
}

/** A package's columns, on the page and in the CSV. */
function packageColumns(
  p: PageCtx,
  names: { titles: Map<string, string>; orgs: Map<string, string> },
): ListColumn<HandoverPackage, PackageSortKey>[] {
  const t = p.t.handover;
  return [
    { label: t.columns.number, sort: 'number', nowrap: true, cell: (x) => x.number, csv: (x) => x.number },
    {
      label: t.columns.title,
      sort: 'title',
      cell: (x) => <a href={`/handover/${x.id}`}>{x.title}</a>,
      csv: (x) => x.title,
    },
    {
      label: t.columns.contract,
      cell: (x) => names.titles.get(x.contractId) ?? '—',
      csv: (x) => names.titles.get(x.contractId) ?? '',
    },
    {
      label: t.columns.recipient,
      cell: (x) => names.orgs.get(x.recipientOrgId) ?? '—',
      csv: (x) => names.orgs.get(x.recipientOrgId) ?? '',
    },
    {
      label: t.columns.preparedAt,
      sort: 'preparedAt',
      cell: (x) => <TimeText at={x.preparedAt} />,
      csv: (x) => csvInstant(x.preparedAt),
    },
    {
      label: t.columns.status,
      sort: 'status',
      cell: (x) => <Badge status={x.status} label={t.packageStatus[x.status]} />,
      csv: (x) => t.packageStatus[x.status] ?? x.status,
    },
  ];
}

function mayReadSome(viewer: Viewer) {
  if (!viewer.ability.can('read', 'HandoverPackage') && !viewer.ability.can('read', 'ErasureRecord'))
    throw new ForbiddenError({ en: 'Not permitted', ja: 'この画面を表示する権限がありません' });
}

/**
 * 受渡データと消去の記録の一覧: the packages and erasure records the viewer may read (the list use
 * cases put the rules in SQL), newest first, each list paged on its own.
 */
export async function handoverListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const t = p.t.handover;
  mayReadSome(viewer);
  const query = packageQuery(p.url);
  const { sort } = query;
  const packages = viewer.ability.can('read', 'HandoverPackage')
    ? await listPackages(ctx, {
        ...query,
        cursor: p.url.searchParams.get('cursor') ?? undefined,
        limit: PAGE_SIZE,
      })
    : { items: [], nextCursor: null };
  const erasures = viewer.ability.can('read', 'ErasureRecord')
    ? await listErasures(ctx, { cursor: p.url.searchParams.get('ecursor') ?? undefined, limit: PAGE_SIZE })
    : { items: [], nextCursor: null };
  const titles = await contractTitles(ctx, [
    ...packages.items.map((x) => x.contractId),
    ...erasures.items.map((x) => x.contractId),
  ]);
  const orgs = await organisationNames(ctx, [
    ...packages.items.map((x) => x.recipientOrgId),
    ...erasures.items.map((x) => x.organisationId),
  ]);
  const company = viewer.actor.organisationKind === 'company';
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <p class="actions">
        {viewer.ability.can('create', 'HandoverPackage') && (
          <a class="button" href="/handover/new">
            {t.prepare}
          </a>
        )}
        {company && viewer.ability.can('create', 'ErasureRecord') && (
          <a class="button" href="/handover/erasures/new">
            {t.recordErasure}
          </a>
        )}
      </p>
      <section aria-labelledby="packages">
        <h2 id="packages">{t.packages}</h2>
        <ListFilters
          p={p}
          action="/handover"
          sort={sort}
          q={query.q}
          qLabel={t.filterQ}
          status={{
            value: query.status,
            label: t.filterStatus,
            options: optionsOf(t.packageStatus, PACKAGE_STATES),
          }}
          csv={viewer.ability.can('read', 'HandoverPackage') ? '/handover/export.csv' : undefined}
        />
        <ListTable
          p={p}
          label={t.packages}
          items={packages.items}
          columns={packageColumns(p, { titles, orgs })}
          sort={{ current: sort }}
        />
        <Pager p={p} nextCursor={packages.nextCursor} />
      </section>
      <section aria-labelledby="erasures">
        <h2 id="erasures">{t.erasures}</h2>
        {viewer.ability.can('read', 'ErasureRecord') && (
          <p class="actions">
            <a href="/handover/erasures">{t.allErasures}</a>
          </p>
        )}
        <ListTable
          p={p}
          label={t.erasures}
          items={erasures.items}
          columns={erasureColumns(p, { titles, orgs })}
        />
        <Pager p={p} nextCursor={erasures.nextCursor} param="ecursor" />
      </section>
    </Layout>,
  );
}

/** The packages of the list, with its filters and order, as CSV for Excel (UTF-8 with BOM). */
export async function handoverListCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  if (!viewer.ability.can('read', 'HandoverPackage'))
    throw new ForbiddenError({ en: 'Not permitted', ja: 'この画面を表示する権限がありません' });
  const ctx = useCaseContext(c);
  const query = packageQuery(p.url);
  const { rows, capped } = await allRows((cursor) => listPackages(ctx, { ...query, cursor, limit: 200 }));
  const [titles, orgs] = await Promise.all([
    contractTitles(
      ctx,
      rows.map((x) => x.contractId),
    ),
    organisationNames(
      ctx,
      rows.map((x) => x.recipientOrgId),
    ),
  ]);
  return csvResponse(c, p, csvLines(packageColumns(p, { titles, orgs }), rows), capped, {
    ascii: 'handover-packages.csv',
    ja: '受渡データ一覧.csv',
  });
}
