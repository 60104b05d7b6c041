import type { Context } from 'hono';
import { listErasures } from '../../../domain/erasure/read-erasures.js';
import { listPackages } from '../../../domain/handover/read-packages.js';
import { ForbiddenError } from '../../../domain/shared/errors.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, Pager, TableWrap, TimeText } from '../components/common.js';
import { fields, SelectField } from '../components/form.js';
import { Layout } from '../layout.js';
import { pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';
import { contractTitles, optionsOf, PACKAGE_STATES } from './shared.js';

const PAGE_SIZE = 20;

/**
 * 受渡データと消去の記録の一覧: the packages and erasure records the viewer may read (the list use
 * cases put the rules in SQL), newest first, each list paged on its own.
 */
export async function handoverListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const t = p.t.handover;
  if (!viewer.ability.can('read', 'HandoverPackage') && !viewer.ability.can('read', 'ErasureRecord'))
    throw new ForbiddenError({ en: 'Not permitted', ja: 'この画面を表示する権限がありません' });
  const status = p.url.searchParams.get('status') ?? '';
  const validStatus = (PACKAGE_STATES as readonly string[]).includes(status) ? status : undefined;
  const packages = viewer.ability.can('read', 'HandoverPackage')
    ? await listPackages(ctx, {
        status: validStatus,
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
  const f = fields({ status });
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
        <form method="get" action="/handover" class="filters">
          <SelectField
            p={p}
            f={f}
            name="status"
            label={t.filterStatus}
            options={optionsOf(t.packageStatus, PACKAGE_STATES)}
            blank={p.t.common.all}
            short
          />
          <button type="submit" class="secondary">
            {p.t.common.applyFilter}
          </button>
        </form>
        {packages.items.length === 0 ? (
          <p>{p.t.common.empty}</p>
        ) : (
          <TableWrap p={p} label={t.packages}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.columns.number}</th>
                  <th scope="col">{t.columns.title}</th>
                  <th scope="col">{t.columns.contract}</th>
                  <th scope="col">{t.columns.recipient}</th>
                  <th scope="col">{t.columns.preparedAt}</th>
                  <th scope="col">{t.columns.status}</th>
                </tr>
              </thead>
              <tbody>
                {packages.items.map((x) => (
                  <tr>
                    <td class="nowrap">{x.number}</td>
                    <td>
                      <a href={`/handover/${x.id}`}>{x.title}</a>
                    </td>
                    <td>{titles.get(x.contractId) ?? '—'}</td>
                    <td>{orgs.get(x.recipientOrgId) ?? '—'}</td>
                    <td>
                      <TimeText at={x.preparedAt} />
                    </td>
                    <td>
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
            <table>
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
                    <td>
                      <a href={`/handover/erasures/${r.id}`}>{titles.get(r.contractId) ?? r.id}</a>
                    </td>
                    <td>{orgs.get(r.organisationId) ?? '—'}</td>
                    <td>{t.scopes[r.scope]}</td>
                    <td>
                      <TimeText at={r.erasedAt} />
                    </td>
                    <td>
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
