import type { Context } from 'hono';
import type { CoverageStatus } from '../../../../forms/controls-crosswalk/index.js';
import { STATUS_NAMES } from '../../../../forms/controls-crosswalk/index.js';
import { contractWorkflow } from '../../../domain/contracts/contract.workflow.js';
import { wardCoverage } from '../../../domain/controls/coverage.js';
import type { CsvCell } from '../../../domain/shared/csv.js';
import { csvInstant } from '../../../domain/shared/csv-values.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { TableWrap } from '../components/common.js';
import { csvResponse } from '../components/csv-export.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';
import { CoverageBadge, evidenceText } from './coverage-parts.js';

const COUNTED: CoverageStatus[] = ['met', 'partial', 'none', 'not_applicable'];

/** /controls: per control, how many of the municipality's contracts have evidence; per contract, a line of results. */
export async function wardCoveragePage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = p.t.controls;
  const coverage = await wardCoverage(useCaseContext(c));
  const { crosswalk } = coverage;
  const headings = [t.columns.met, t.columns.partial, t.columns.none, t.columns.notApplicable];
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <p>{t.intro}</p>
      <p>
        {t.crosswalkVersion(crosswalk.version)} ・ <a href="/controls/export.csv">{t.csv}</a>
      </p>
      <h2 id="summary">{t.summary}</h2>
      <TableWrap p={p} label={t.summary}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.columns.control}</th>
              {headings.map((h) => (
                <th scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {crosswalk.controls.map((control) => {
              const row = coverage.totals.get(control.id);
              return (
                <tr data-control={control.id}>
                  <th scope="row">
                    {control.id} {p.msg(control.name)}
                  </th>
                  {COUNTED.map((s) => (
                    <td data-status={s}>{row?.[s] ?? 0}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      <h2 id="per-contract">{t.perContract}</h2>
      {coverage.contracts.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul class="coverage-list">
          {coverage.contracts.map((k) => {
            const counts = Object.fromEntries(
              COUNTED.map((s) => [s, k.results.filter((r) => r.status === s).length]),
            ) as Record<CoverageStatus, number>;
            return (
              <li data-contract={k.contractId}>
                <a href={`/contracts/${k.contractId}/controls`}>{k.title}</a>
                {k.contractNumber && ` ${k.contractNumber}`}{' '}
                {COUNTED.filter((s) => counts[s] > 0).map((s) => (
                  <>
                    <CoverageBadge p={p} status={s} /> {counts[s]}{' '}
                  </>
                ))}
              </li>
            );
          })}
        </ul>
      )}
    </Layout>,
  );
}

/** The same, one row per contract and control: Japanese headings, Japan time, UTF-8 with BOM. */
export async function wardCoverageCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const ctx = useCaseContext(c);
  const coverage = await wardCoverage(ctx);
  const at = csvInstant(ctx.now());
  const lines: CsvCell[][] = [p.t.controls.csvHeadings];
  for (const k of coverage.contracts)
    for (const r of k.results)
      lines.push([
        k.contractNumber ?? '',
        k.title,
        contractWorkflow.stateNames[k.status]?.ja ?? k.status,
        r.control.id,
        r.control.name.ja,
        `${r.control.source.title}（${r.control.source.edition}）`,
        r.control.source.section,
        STATUS_NAMES[r.status].ja,
        evidenceText({ msg: (m) => m.ja }, coverage.crosswalk, r),
        coverage.crosswalk.version,
        at,
      ]);
  return csvResponse(c, p, lines, false, { ascii: 'control-coverage.csv', ja: '統制項目の充足状況.csv' });
}
