import type { Context } from 'hono';
import { latestCompletedPeriod } from '../../../domain/reports/periods.js';
import { listReports } from '../../../domain/reports/read-reports.js';
import { toJapanDate } from '../../../domain/shared/japan-date.js';
import { contractTitles } from '../../../domain/worklists/contract-titles.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Badge, DateText, Pager, TableWrap } from '../components/common.js';
import { ChoiceGroup, fields, SelectField } from '../components/form.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';
import { periodText } from './period-text.js';

const STATUSES = ['issued', 'draft', 'submitted', 'returned', 'received', 'signed_off'] as const;
const PAGE_SIZE = 20;

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

/**
 * 遵守状況報告書の一覧: the reports the viewer may read (the rules run in SQL) — a company's own
 * and those of its sub-contractors, a ward's received ones — by due date, 20 a page.
 */
export async function reportListPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const t = p.t.reports;
  const periods = recentPeriods(toJapanDate(ctx.now()));
  const status = STATUSES.find((s) => s === c.req.query('status'));
  const period = /^\d{4}H[12]$/.test(c.req.query('period') ?? '') ? c.req.query('period') : undefined;
  const flags = c.req.queries('only') ?? [];
  const overdue = flags.includes('overdue');
  const withDiscrepancies = flags.includes('discrepancies');
  const page = await listReports(ctx, {
    status,
    period,
    overdue,
    withDiscrepancies,
    cursor: c.req.query('cursor') || undefined,
    limit: PAGE_SIZE,
  });
  const [titles, orgs] = await Promise.all([
    contractTitles(
      ctx,
      page.items.map((r) => r.contractId),
    ),
    organisationNames(
      ctx,
      page.items.map((r) => r.organisationId),
    ),
  ]);
  const f = fields({ status: status ?? '', period: period ?? '', only: flags });
  const periodOptions = [...new Set([...(period ? [period] : []), ...periods])];
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <form method="get" action="/compliance-reports" class="filters" aria-label={p.t.common.filter}>
        <SelectField
          p={p}
          f={f}
          name="status"
          label={t.filterStatus}
          blank={p.t.common.all}
          options={STATUSES.map((s) => ({ value: s, label: t.status[s]! }))}
          short
        />
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
        <div class="field">
          <button type="submit">{p.t.common.applyFilter}</button>{' '}
          <a href="/compliance-reports">{p.t.common.clearFilter}</a>
        </div>
      </form>
      {page.items.length === 0 ? (
        <p>{p.t.common.empty}</p>
      ) : (
        <TableWrap p={p} label={t.list}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.columns.contract}</th>
                <th scope="col">{t.columns.organisation}</th>
                <th scope="col">{t.columns.period}</th>
                <th scope="col">{t.columns.dueOn}</th>
                <th scope="col">{t.columns.status}</th>
                <th scope="col">{t.columns.discrepancies}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((r) => (
                <tr>
                  <td>
                    <a href={`/compliance-reports/${r.id}`}>{titles.get(r.contractId) ?? r.period}</a>
                  </td>
                  <td>{orgs.get(r.organisationId) ?? '—'}</td>
                  <td>{periodText(p, r.period)}</td>
                  <td>
                    <DateText p={p} date={r.dueOn} />{' '}
                    {r.overdue && <Badge status="returned" label={t.overdue} />}
                  </td>
                  <td>
                    <Badge status={r.status} label={t.status[r.status]} />
                  </td>
                  <td>{t.discrepancyCount(r.discrepancies.length)}</td>
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
