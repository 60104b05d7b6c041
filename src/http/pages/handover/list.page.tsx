import type { Context } from 'hono';
import { listErasures } from '../../../domain/erasure/read-erasures.js';
import type { HandoverPackage } from '../../../domain/handover/package.repository.js';
import {
  listPackages,
  PACKAGE_SORT_KEYS,
  type PackageSortKey,
} from '../../../domain/handover/read-packages.js';
import { ForbiddenError } from '../../../domain/shared/errors.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, Pager, TableWrap, TimeText } from '../components/common.js';
import { allRows, csvResponse, japanTime } from '../components/csv-export.js';
import { fields, SelectField, TextField } from '../components/form.js';
import { listHref, SortableHeading, sortFromQuery } from '../components/sortable.js';
import { Layout } from '../layout.js';
import { pageCtx, type Viewer, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';
import { contractTitles, optionsOf, PACKAGE_STATES } from './shared.js';

const PAGE_SIZE = 20;

/** The packages' filters as the page and its CSV read them from the address. */
function packageQuery(url: URL) {
  const status = url.searchParams.get('status') ?? '';
  return {
    status: (PACKAGE_STATES as readonly string[]).includes(status) ? status : undefined,
    q: (url.searchParams.get('q') ?? '').trim().slice(0, 100) || undefined,
    sort: sortFromQuery(url, PACKAGE_SORT_KEYS),
  };
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
  const f = fields({ status: query.status ?? '', q: query.q ?? '' });
  const heading = (label: string, column?: PackageSortKey) =>
    column ? (
      <SortableHeading p={p} label={label} column={column} sort={sort} />
    ) : (
      <th scope="col">{label}</th>
    );
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
        <form method="get" action="/handover" class="filters" aria-label={p.t.common.filter}>
          {sort && <input type="hidden" name="sort" value={sort.key} />}
          {sort && <input type="hidden" name="dir" value={sort.dir} />}
          <TextField p={p} f={f} name="q" label={t.filterQ} type="search" />
          <SelectField
            p={p}
            f={f}
            name="status"
            label={t.filterStatus}
            options={optionsOf(t.packageStatus, PACKAGE_STATES)}
            blank={p.t.common.all}
            short
          />
          <div class="field">
            <button type="submit" class="secondary">
              {p.t.common.applyFilter}
            </button>{' '}
            <a href="/handover">{p.t.common.clearFilter}</a>
          </div>
        </form>
        {viewer.ability.can('read', 'HandoverPackage') && (
          <p class="actions">
            <a href={listHref(p.url, { ecursor: undefined }, '/handover/export.csv')} download>
              {p.t.common.exportCsv}
            </a>
          </p>
        )}
        {packages.items.length === 0 ? (
          <p>{p.t.common.empty}</p>
        ) : (
          <TableWrap p={p} label={t.packages}>
            <table class="cards">
              <thead>
                <tr>
                  {heading(t.columns.number, 'number')}
                  {heading(t.columns.title, 'title')}
                  {heading(t.columns.contract)}
                  {heading(t.columns.recipient)}
                  {heading(t.columns.preparedAt, 'preparedAt')}
                  {heading(t.columns.status, 'status')}
                </tr>
              </thead>
              <tbody>
                {packages.items.map((x) => (
                  <tr>
                    <td class="nowrap" data-label={t.columns.number}>
                      {x.number}
                    </td>
                    <td data-label={t.columns.title}>
                      <a href={`/handover/${x.id}`}>{x.title}</a>
                    </td>
                    <td data-label={t.columns.contract}>{titles.get(x.contractId) ?? '—'}</td>
                    <td data-label={t.columns.recipient}>{orgs.get(x.recipientOrgId) ?? '—'}</td>
                    <td data-label={t.columns.preparedAt}>
                      <TimeText at={x.preparedAt} />
                    </td>
                    <td data-label={t.columns.status}>
                      <Badge status={x.status} label={t.packageStatus[x.status]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <Pager p={p} nextCursor={packages.nextCursor} />
      </section>
      <section aria-labelledby="erasures">
        <h2 id="erasures">{t.erasures}</h2>
        {erasures.items.length === 0 ? (
          <p>{p.t.common.empty}</p>
        ) : (
          <TableWrap p={p} label={t.erasures}>
            <table class="cards">
              <thead>
                <tr>
                  <th scope="col">{t.columns.contract}</th>
                  <th scope="col">{t.columns.organisation}</th>
                  <th scope="col">{t.columns.scope}</th>
                  <th scope="col">{t.columns.erasedAt}</th>
                  <th scope="col">{t.columns.status}</th>
                </tr>
              </thead>
              <tbody>
                {erasures.items.map((r) => (
                  <tr>
                    <td data-label={t.columns.contract}>
                      <a href={`/handover/erasures/${r.id}`}>{titles.get(r.contractId) ?? r.id}</a>
                    </td>
                    <td data-label={t.columns.organisation}>{orgs.get(r.organisationId) ?? '—'}</td>
                    <td data-label={t.columns.scope}>{t.scopes[r.scope]}</td>
                    <td data-label={t.columns.erasedAt}>
                      <TimeText at={r.erasedAt} />
                    </td>
                    <td data-label={t.columns.status}>
                      <Badge
                        status={r.status === 'certified' ? 'approved' : 'submitted'}
                        label={t.erasureStatus[r.status]}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
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
  const t = p.t.handover;
  return csvResponse(
    c,
    p,
    [
      [
        t.columns.number,
        t.columns.title,
        t.columns.contract,
        t.columns.recipient,
        t.columns.preparedAt,
        t.columns.status,
      ],
      ...rows.map((x: HandoverPackage) => [
        x.number,
        x.title,
        titles.get(x.contractId) ?? '',
        orgs.get(x.recipientOrgId) ?? '',
        japanTime(x.preparedAt),
        t.packageStatus[x.status] ?? x.status,
      ]),
    ],
    capped,
    { ascii: 'handover-packages.csv', ja: '受渡データ一覧.csv' },
  );
}
