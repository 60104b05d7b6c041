import type { Context } from 'hono';
import { asSubject } from '../../../../policies/app-ability.js';
import { listIncidents } from '../../../domain/incidents/read-incidents.js';
import { contractTitles } from '../../../domain/worklists/contract-titles.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, Pager, TableWrap, TimeText } from '../components/common.js';
import { fields, SelectField } from '../components/form.js';
import { Layout } from '../layout.js';
import { pageCtx, viewerOf } from '../page-context.js';
import { sendPage } from '../render.js';

const STATUSES = ['reported', 'in_progress', 'responded', 'closed'] as const;
const PAGE_SIZE = 20;

/** 事故報告の一覧: those the viewer may read (the rules run in SQL), newest first, 20 a page. */
export async function incidentListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const viewer = viewerOf(p);
  const ctx = useCaseContext(c);
  const t = p.t.reports.incidents;
  const status = STATUSES.find((s) => s === c.req.query('status'));
  const page = await listIncidents(ctx, {
    status,
    cursor: c.req.query('cursor') || undefined,
    limit: PAGE_SIZE,
  });
  const [titles, orgs] = await Promise.all([
    contractTitles(
      ctx,
      page.items.map((i) => i.contractId),
    ),
    organisationNames(
      ctx,
      page.items.map((i) => i.reportingOrgId),
    ),
  ]);
  const mayReport = viewer.ability.can(
    'create',
    asSubject('Incident', { reportingOrgId: viewer.actor.organisationId }),
  );
  const f = fields({ status: status ?? '' });
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
      {page.items.length === 0 ? (
        <p>{p.t.common.empty}</p>
      ) : (
        <TableWrap p={p} label={t.list}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.fields.contractId}</th>
                <th scope="col">{t.fields.information}</th>
                <th scope="col">{t.fields.reportingOrg}</th>
                <th scope="col">{t.fields.reportedAt}</th>
                <th scope="col">{p.t.reports.columns.status}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((i) => (
                <tr>
                  <td>
                    <a href={`/incidents/${i.id}`}>{titles.get(i.contractId) ?? '—'}</a>
                  </td>
                  <td>{i.information.length > 60 ? `${i.information.slice(0, 60)}…` : i.information}</td>
                  <td>{orgs.get(i.reportingOrgId) ?? '—'}</td>
                  <td>
                    <TimeText at={i.reportedAt} />
                  </td>
                  <td>
                    <Badge status={i.status} label={t.status[i.status]} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pager p={p} nextCursor={page.nextCursor} />
    </Layout>,
  );
}
