import type { Context } from 'hono';
import { Hono } from 'hono';
import { STANDING_RULES } from '../../../../forms/company-standing/standing-rules.js';
import {
  type CompanyStanding,
  getCompanyStanding,
  listCompanyStandings,
  STANDING_SORT_KEYS,
} from '../../../domain/standing/company-standing.js';
import type { AppEnv } from '../../app-env.js';
import { useCaseContext } from '../../middleware/authenticate.js';
import { TableWrap } from '../components/common.js';
import { allRows, csvResponse } from '../components/csv-export.js';
import { listHref, SortableHeading, sortFromQuery } from '../components/sortable.js';
import { signedIn } from '../guard.js';
import { UUID_PARAM } from '../ids.js';
import { Layout } from '../layout.js';
import { type PageCtx, pageCtx } from '../page-context.js';
import { sendPage } from '../render.js';

// 事業者のリスク区分: every company the municipality knows, worst first, sortable in SQL, and one
// company's standing with the reason for every point. The same use cases as
// /api/v1/companies/standing; the rule set is forms/company-standing.

/** The tier's tone in its badge; the words say the tier too. */
const TIER_TONES = { A: 'ok', B: 'warn', C: 'bad' } as const;

const tr = (p: PageCtx, text: { ja: string; en: string }) => (p.lang === 'ja' ? text.ja : text.en);

function valueText(p: PageCtx, value: CompanyStanding['factors'][number]['value']): string {
  const t = p.t.companies;
  if (value === null) return t.none;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  return String(value);
}

/** The factors that added points, as one line ("期限を過ぎた指摘事項 1（+3）、…"). */
function reasonsOf(p: PageCtx, s: CompanyStanding): string {
  const scoring = s.factors.filter((f) => f.points > 0);
  if (!scoring.length) return p.t.companies.noReasons;
  return scoring
    .map((f) => `${tr(p, f.label)} ${valueText(p, f.value)}（+${f.points}）`)
    .join(p.lang === 'ja' ? '、' : ', ');
}

function listQuery(c: Context<AppEnv>, p: PageCtx) {
  return {
    sort: sortFromQuery(p.url, STANDING_SORT_KEYS),
    q: (c.req.query('q') ?? '').trim().slice(0, 100) || undefined,
  };
}

async function showList(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = p.t.companies;
  const ctx = useCaseContext(c);
  const query = listQuery(c, p);
  const { items, rulesVersion } = await listCompanyStandings(ctx, query);
  const sort = query.sort;
  return sendPage(
    c,
    <Layout p={p} title={t.title}>
      <p>{t.intro}</p>
      <p class="hint">
        {t.rules(rulesVersion)} · <a href="#tiers">{t.tiersTitle}</a>
      </p>
      <form method="get" action="/companies" class="company-search">
        <div class="field">
          <label for="f-q">{t.search}</label>
          <input id="f-q" name="q" type="search" value={query.q ?? ''} maxlength={100} />
        </div>
        {sort && <input type="hidden" name="sort" value={sort.key} />}
        {sort && <input type="hidden" name="dir" value={sort.dir} />}
        <div class="actions">
          <button type="submit" class="secondary">
            {t.searchButton}
          </button>
          {query.q && <a href={listHref(p.url, { q: undefined })}>{t.clear}</a>}
        </div>
      </form>
      <p>
        <a href={listHref(p.url, {}, '/companies/export.csv')} download>
          {p.t.common.exportCsv}
        </a>
      </p>
      {items.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <TableWrap p={p} label={t.title}>
          <table class="cards">
            <thead>
              <tr>
                <SortableHeading p={p} label={t.columns.name} column="name" sort={sort} />
                <SortableHeading p={p} label={t.columns.tier} column="tier" sort={sort} />
                <th scope="col">{t.columns.score}</th>
                <SortableHeading p={p} label={t.columns.findings} column="findings" sort={sort} />
                <SortableHeading p={p} label={t.columns.incidents} column="incidents" sort={sort} />
                <th scope="col">{t.columns.reasons}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr>
                  <td data-label={t.columns.name}>
                    <a href={`/companies/${s.companyId}`}>{s.name}</a>
                  </td>
                  <td data-label={t.columns.tier}>
                    <span class={`badge ${TIER_TONES[s.tier]}`}>{t.tier(s.tier)}</span>
                  </td>
                  <td data-label={t.columns.score}>{s.score}</td>
                  <td data-label={t.columns.findings}>
                    {s.facts.overdueFindings} / {s.facts.openFindings}
                  </td>
                  <td data-label={t.columns.incidents}>{s.facts.incidentsLastYear}</td>
                  <td data-label={t.columns.reasons}>{reasonsOf(p, s)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <TierRules p={p} />
    </Layout>,
  );
}

function TierRules({ p }: { p: PageCtx }) {
  const t = p.t.companies;
  let previous = -1;
  return (
    <section aria-labelledby="tiers">
      <h2 id="tiers">{t.tiersTitle}</h2>
      <ul>
        {STANDING_RULES.tiers.map((tier) => {
          const line = t.tierRule(tier.tier, tier.maxScore, previous);
          previous = tier.maxScore ?? previous;
          return (
            <li>
              {line}：{tr(p, tier.meaning)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

async function showCompany(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = p.t.companies;
  const s = await getCompanyStanding(useCaseContext(c), c.req.param('id')!);
  return sendPage(
    c,
    <Layout p={p} title={t.detailTitle(s.name)}>
      <p>
        <span class={`badge ${TIER_TONES[s.tier]}`}>{t.tier(s.tier)}</span>{' '}
        {t.scoreLine(s.score, s.tier, tr(p, s.tierMeaning))}
      </p>
      <p class="hint">
        {t.rules(s.rulesVersion)} · {t.asOf(s.asOf)}
        {s.corporateNumber ? ` · 法人番号 ${s.corporateNumber}` : ''}
      </p>
      <h2>{t.factorsTitle}</h2>
      <TableWrap p={p} label={t.factorsTitle}>
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">{t.factorColumns.factor}</th>
              <th scope="col">{t.factorColumns.value}</th>
              <th scope="col">{t.factorColumns.points}</th>
              <th scope="col">{t.factorColumns.why}</th>
            </tr>
          </thead>
          <tbody>
            {s.factors.map((f) => (
              <tr class={f.points > 0 ? 'scoring' : undefined}>
                <th scope="row" data-label={t.factorColumns.factor}>
                  {tr(p, f.label)}
                </th>
                <td data-label={t.factorColumns.value}>{valueText(p, f.value)}</td>
                <td data-label={t.factorColumns.points}>{f.points > 0 ? `+${f.points}` : '0'}</td>
                <td data-label={t.factorColumns.why}>{tr(p, f.why)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <TierRules p={p} />
      <p>
        <a href="/companies">{t.back}</a>
      </p>
    </Layout>,
  );
}

/** The same rows as the page for Excel (UTF-8 with BOM), in the page's order. */
async function companiesCsv(c: Context<AppEnv>) {
  const p = pageCtx(c);
  const t = p.t.companies;
  const query = listQuery(c, p);
  const { rows, capped } = await allRows(async () => ({
    items: (await listCompanyStandings(useCaseContext(c), query)).items,
    nextCursor: null,
  }));
  return csvResponse(
    c,
    p,
    [
      [
        t.columns.name,
        '法人番号',
        t.columns.tier,
        t.columns.score,
        t.columns.findings,
        t.columns.incidents,
        t.columns.reasons,
      ],
      ...rows.map((s) => [
        s.name,
        s.corporateNumber ?? '',
        s.tier,
        s.score,
        `${s.facts.overdueFindings} / ${s.facts.openFindings}`,
        s.facts.incidentsLastYear,
        reasonsOf(p, s),
      ]),
    ],
    capped,
    { ascii: 'company-standing.csv', ja: '事業者のリスク区分.csv' },
  );
}

/** 事業者のリスク区分: the list (and its CSV) and one company's standing. */
export function companyPages() {
  const app = new Hono<AppEnv>();
  app.get('/companies', signedIn, showList);
  app.get('/companies/export.csv', signedIn, companiesCsv);
  app.get(`/companies/:id${UUID_PARAM}`, signedIn, showCompany);
  return app;
}
