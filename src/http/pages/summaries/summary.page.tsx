import type { Context } from 'hono';
import { listDepartments } from '../../../domain/organisations/departments.js';
import { toJapanDate } from '../../../domain/shared/japan-date.js';
import { fiscalYearLabel, fiscalYearOf } from '../../../domain/shared/wareki.js';
import {
  buildSummary,
  type CouncilSummary,
  type SummaryFigure,
} from '../../../domain/summaries/build-summary.js';
import { summaryCsv } from '../../../domain/summaries/summary-csv.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { Period, TableWrap, TimeText } from '../components/common.js';
import { Csrf, fields, SelectField } from '../components/form.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which part of the summary a figure belongs to, by its key (figures come from several features). */
function sectionOf(key: string): string {
  if (key.startsWith('reports_')) return 'reports';
  if (key.startsWith('incidents')) return 'incidents';
  if (key.startsWith('inspections_') || key.startsWith('findings_')) return 'inspections';
  if (key.startsWith('erasure_') || key.startsWith('packages_')) return 'erasure';
  return 'contracts';
}

/** The query of a summary (年度・所管課): the current fiscal year unless another is asked. */
export function summaryQuery(c: Context<AppEnv>, source: Record<string, string | undefined>) {
  const current = fiscalYearOf(toJapanDate(useCaseContext(c).now()));
  const asked = Number(source.fiscalYear);
  const fiscalYear =
    Number.isInteger(asked) && asked >= current - 10 && asked <= current + 1 ? asked : current;
  const departmentId = UUID.test(source.departmentId ?? '') ? source.departmentId : undefined;
  return { fiscalYear, departmentId, current };
}

function FigureTables({ p, figures }: { p: PageCtx; figures: SummaryFigure[] }) {
  const t = p.t.reports.summaries;
  const order = ['contracts', 'reports', 'incidents', 'inspections', 'erasure'];
  return (
    <>
      {order.map((section) => {
        const rows = figures.filter((f) => sectionOf(f.key) === section);
        if (!rows.length) return null;
        return (
          <section aria-labelledby={`section-${section}`} id={section}>
            <h2 id={`section-${section}`}>{t.sections[section]}</h2>
            <table class="figures">
              <thead>
                <tr>
                  <th scope="col">{t.item}</th>
                  <th scope="col" class="num">
                    {t.count}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((f) => (
                  <tr>
                    <th scope="row">{p.lang === 'ja' ? f.label : f.labelEn}</th>
                    <td class="num">{f.value.toLocaleString('ja-JP')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}

function ContractsTable({ p, summary }: { p: PageCtx; summary: CouncilSummary }) {
  const t = p.t.reports.summaries;
  return (
    <section aria-labelledby="summary-contracts">
      <h2 id="summary-contracts">{t.contracts}</h2>
      {summary.contracts.length === 0 ? (
        <p>{p.t.common.empty}</p>
      ) : (
        <TableWrap p={p} label={t.contracts}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.contractColumns.title}</th>
                <th scope="col">{t.contractColumns.department}</th>
                <th scope="col">{t.contractColumns.contractor}</th>
                <th scope="col">{t.contractColumns.status}</th>
                <th scope="col">{t.contractColumns.period}</th>
                <th scope="col" class="num">
                  {t.contractColumns.subcontracts}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.contracts.map((k) => (
                <tr>
                  <td>{k.title}</td>
                  <td>{k.department}</td>
                  <td>{k.contractor}</td>
                  <td>{p.t.status.contract[k.status] ?? k.status}</td>
                  <td>
                    <Period p={p} from={k.periodFrom} to={k.periodTo} />
                  </td>
                  <td class="num">{k.subcontracts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

/**
 * 審議会向け集計: the figures of one fiscal year (and department), grouped by subject, the contracts
 * handling personal information, and the downloads. Nothing here changes a record.
 */
export async function summaryPage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const t = p.t.reports.summaries;
  const { fiscalYear, departmentId, current } = summaryQuery(c, c.req.query());
  const summary = await buildSummary(ctx, { fiscalYear, departmentId });
  const departments = await listDepartments(ctx, summary.wardId);
  const years = Array.from({ length: 6 }, (_, i) => current + 1 - i);
  const f = fields({ fiscalYear: String(fiscalYear), departmentId: departmentId ?? '' });
  const query = new URLSearchParams({
    fiscalYear: String(fiscalYear),
    ...(departmentId && { departmentId }),
  });
  const label = `${summary.wardName} ${p.lang === 'ja' ? summary.fiscalYearLabel : `FY${fiscalYear}`}${summary.department ? ` ${summary.department.name}` : ''}`;
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <p>{t.intro}</p>
      <form method="get" action="/summaries" class="filters" aria-label={p.t.common.filter}>
        <SelectField
          p={p}
          f={f}
          name="fiscalYear"
          label={t.fiscalYear}
          options={years.map((y) => ({
            value: String(y),
            label: p.lang === 'ja' ? fiscalYearLabel(y) : `FY${y}`,
          }))}
          short
        />
        <SelectField
          p={p}
          f={f}
          name="departmentId"
          label={t.department}
          blank={t.allDepartments}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
          short
        />
        <div class="field">
          <button type="submit">{t.show}</button>
        </div>
      </form>
      <p>
        <strong>{label}</strong> — {t.generatedAt}: <TimeText at={new Date(summary.generatedAt)} />
      </p>
      <FigureTables p={p} figures={summary.figures} />
      <ContractsTable p={p} summary={summary} />
      <section aria-labelledby="downloads">
        <h2 id="downloads">{t.downloads}</h2>
        <p>
          <a href={`/summaries/csv?${query}`} download>
            {t.csv}
          </a>
        </p>
        <form method="post" action="/summaries/pdf" class="inline">
          <Csrf p={p} />
          <input type="hidden" name="fiscalYear" value={String(fiscalYear)} />
          {departmentId && <input type="hidden" name="departmentId" value={departmentId} />}
          <p class="hint" id="pdf-hint">
            {t.pdfHint}
          </p>
          <button type="submit" class="secondary" aria-describedby="pdf-hint">
            {t.pdf}
          </button>
        </form>
      </section>
    </Layout>,
  );
}

/** The same summary as CSV (UTF-8 with BOM): 13 ms for 2,000 contracts, so sent at once. */
export async function summaryCsvDownload(c: Context<AppEnv>) {
  const { fiscalYear, departmentId } = summaryQuery(c, c.req.query());
  const summary = await buildSummary(useCaseContext(c), { fiscalYear, departmentId });
  return c.body(summaryCsv(summary), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="summary-${summary.fiscalYear}.csv"`,
    'cache-control': 'private, no-store',
  });
}
