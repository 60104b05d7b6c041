import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { MONITORING_AREAS } from '../../../../forms/monitoring-report/monitoring-report.form.js';
import { getMonitoringReport } from '../../../domain/monitoring/read-monitoring.js';
import { fiscalYearLabel } from '../../../domain/shared/wareki.js';
import { contractTitles } from '../../../domain/worklists/contract-titles.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { DateText, Details, TableWrap, TimeText } from '../components/common.js';
import { can } from '../guard.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';
import { RatingTable } from './form.page.js';

/** One monitoring report: its ratings item by item, the financial sheet, comments, and its PDF. */
export async function monitoringDetailPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = p.t.monitoring;
  const ctx = useCaseContext(c);
  const r = await getMonitoringReport(ctx, c.req.param('id')!);
  const [titles, orgs] = await Promise.all([
    contractTitles(ctx, [r.contractId]),
    organisationNames(ctx, [r.organisationId]),
  ]);
  const rows: Array<[string, Child]> = [
    [
      t.fields.contract,
      titles.has(r.contractId) ? <a href={`/contracts/${r.contractId}`}>{titles.get(r.contractId)}</a> : '—',
    ],
    [t.fields.organisation, orgs.get(r.organisationId) ?? '—'],
    [t.fields.hearingOn, <DateText p={p} date={r.hearingOn} />],
    [t.fields.fiscalYear, p.lang === 'ja' ? fiscalYearLabel(r.fiscalYear) : `FY${r.fiscalYear}`],
    [t.fields.financialGrade, r.financialGrade ?? '—'],
    [t.fields.updatedAt, <TimeText at={r.updatedAt} />],
  ];
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t.detail}</h2>
        <Details rows={rows} />
        <p class="actions">
          <a href={`/monitoring/${r.id}/pdf`}>{t.pdf}</a>
          {can(c, 'update', 'MonitoringReport', r) && (
            <a class="button" href={`/monitoring/${r.id}/edit`}>
              {t.editLink}
            </a>
          )}
        </p>
      </section>
      <section aria-labelledby="ratings-title">
        <h2 id="ratings-title">{t.ratings}</h2>
        {MONITORING_AREAS.map((area) => (
          <TableWrap p={p} label={p.lang === 'ja' ? area.heading : area.headingEn}>
            <table class="cards">
              <caption>{p.lang === 'ja' ? area.heading : area.headingEn}</caption>
              <tbody>
                {area.items.map((item) => (
                  <tr>
                    <th scope="row">{p.lang === 'ja' ? item.text : item.textEn}</th>
                    <td data-label={t.ratings}>{r.ratings[item.key] ?? t.notRated}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ))}
      </section>
      {r.financials && (
        <section aria-labelledby="financial-title">
          <h2 id="financial-title">{t.financial.title}</h2>
          <Details
            rows={[
              [t.financial.unit, t.financial.units[r.financials.unit] ?? r.financials.unit],
              [t.financial.statementsOf, r.financials.statementsOf ?? '—'],
              ...(
                ['currentAssets', 'currentLiabilities', 'fixedAssets', 'equity', 'totalCapital'] as const
              ).map(
                (k) => [t.financial[k], r.financials!.figures[k].toLocaleString('ja-JP')] as [string, Child],
              ),
            ]}
          />
          <RatingTable p={p} rating={r.financials.rating} caption={t.financial.grade} />
        </section>
      )}
      <section aria-labelledby="comments-title">
        <h2 id="comments-title">{t.comments}</h2>
        <Details
          rows={[
            ...MONITORING_AREAS.map(
              (a) =>
                [p.lang === 'ja' ? a.commentHeading : a.headingEn, r.comments[a.key] ?? '—'] as [
                  string,
                  Child,
                ],
            ),
            [t.fields.overall, r.overall ?? '—'],
            [t.fields.improvements, r.improvements ?? '—'],
          ]}
        />
      </section>
    </Layout>,
  );
}
