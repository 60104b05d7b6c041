import type { Context } from 'hono';
import { STATUS_NAMES } from '../../../../forms/controls-crosswalk/index.js';
import { contractCoverage } from '../../../domain/controls/coverage.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { TableWrap } from '../components/common.js';
import { Layout } from '../layout.js';
import { pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';
import { CoverageBadge, SourceText } from './coverage-parts.js';

/** 統制項目の充足状況 of one contract (with its sub-contracts): each control, its source and its evidence. */
export async function contractCoveragePage(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = p.t.controls;
  const coverage = await contractCoverage(useCaseContext(c), c.req.param('id')!);
  const { crosswalk } = coverage;
  return sendPage(
    c,
    <Layout p={p} title={t.contractTitle(coverage.title)}>
      <p>
        <a href={`/contracts/${coverage.contractId}`}>{t.backToContract}</a> ・{' '}
        <a href={`/contracts/${coverage.contractId}/review`}>{t.reviewLink}</a>
      </p>
      <p>{t.intro}</p>
      <p>{t.crosswalkVersion(crosswalk.version)}</p>
      <TableWrap p={p} label={t.title}>
        <table class="coverage">
          <thead>
            <tr>
              <th scope="col">{t.columns.control}</th>
              <th scope="col">{t.columns.status}</th>
              <th scope="col">{t.columns.evidence}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.results.map((r) => (
              <tr id={`control-${r.control.id}`} data-control={r.control.id} data-status={r.status}>
                <th scope="row">
                  <strong>
                    {r.control.id} {p.msg(r.control.name)}
                  </strong>
                  <p>{p.msg(r.control.description)}</p>
                  <p class="hint">
                    <SourceText p={p} result={r} />
                  </p>
                </th>
                <td>
                  <CoverageBadge p={p} status={r.status} />
                </td>
                <td>
                  <ul>
                    {r.rules.map((rule) => (
                      <li data-rule={rule.rule} data-status={rule.status}>
                        {p.msg(crosswalk.rules[rule.rule].label)}：
                        {rule.status === 'not_applicable'
                          ? `${p.msg(STATUS_NAMES.not_applicable)}（${t.appliesWhen(p.msg(crosswalk.rules[rule.rule].appliesWhen))}）`
                          : `${t.figure(rule.have, rule.need)} `}
                        {rule.status !== 'not_applicable' && <CoverageBadge p={p} status={rule.status} />}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Layout>,
  );
}
