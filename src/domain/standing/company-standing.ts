import { type Kysely, sql } from 'kysely';
import {
  evaluateStanding,
  STANDING_RULES,
  type Standing,
  type StandingFacts,
} from '../../../forms/company-standing/standing-rules.js';
import { accessibleBy, type FieldMap } from '../../../policies/rules-to-sql.js';
import type { Database } from '../../db/database.js';
import { CERTIFICATION_KINDS } from '../certifications/certification.repository.js';
import { REQUIRED_KIND } from '../certifications/certification-standing.js';
import type { UseCaseContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { toJapanDate } from '../shared/japan-date.js';
import { likePattern } from '../shared/sorted-list.js';
import { scoreSql, tierRankSql } from './standing-sql.js';

// A company's standing with one municipality (リスク区分), from that municipality's own records of
// it: its findings, incidents, compliance reports, monitoring, sub-contracting chain, the data its
// contracts hold and its certifications. Decision: the standing is the municipality's supervisory
// view, so its signers and inspectors read it (CASL subject CompanyStanding, in SQL); a company does not read the
// tier a municipality gives it, and a national company's standing in one ward never counts what
// it did for another.

const standingFields: FieldMap = { wardId: 'wc.ward_id' };

export const STANDING_SORT_KEYS = ['tier', 'name', 'findings', 'incidents'] as const;
export type StandingSortKey = (typeof STANDING_SORT_KEYS)[number];

export interface CompanyStanding extends Standing {
  companyId: string;
  wardId: string;
  name: string;
  corporateNumber: string | null;
  facts: StandingFacts;
  /** The day (Japan time) the facts were read for. */
  asOf: string;
}

/** The most companies one municipality's list shows (a municipality knows tens, not thousands). */
const LIMIT = 500;

interface FactsRow {
  company_id: string;
  ward_id: string;
  name: string;
  corporate_number: string | null;
  open_findings: number;
  overdue_findings: number;
  incidents_last_year: number;
  late_reports: number;
  contradicting_reports: number;
  monitoring_c_ratings: number;
  financial_grade: 'S' | 'A' | 'B' | 'C' | null;
  chain_depth: number;
  subcontractors: number;
  sensitive_data: boolean;
  certification_gaps: number;
  score: number;
}

/**
 * The facts of every company the actor's municipality knows, each read from that municipality's
 * rows only; `companyId` narrows to one, `q` to names or 法人番号 containing it.
 */
function factsQuery(
  ctx: Pick<UseCaseContext, 'ability' | 'now'>,
  db: Kysely<Database>,
  filter: { companyId?: string; q?: string; wardId?: string; departmentId?: string | null },
) {
  const now = ctx.now();
  const today = toJapanDate(now);
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const twoYearsAgo = toJapanDate(new Date(now.getTime() - 2 * 365 * 86_400_000));
  return (
    db
      .selectFrom('ward_companies as wc')
      .innerJoin('organisations as o', 'o.id', 'wc.company_id')
      .where('o.kind', '=', 'company')
      // the rules in SQL; a summary already authorised for its ward names the ward instead
      .$if(!filter.wardId, (q) =>
        q.where((eb) => accessibleBy(eb, ctx.ability, 'read', 'CompanyStanding', standingFields)),
      )
      .$if(!!filter.wardId, (q) => q.where('wc.ward_id', '=', filter.wardId!))
      // a department's summary counts the companies working on its contracts
      .$if(!!filter.departmentId, (q) =>
        q.where(
          sql<boolean>`exists (select 1 from contracts dc where dc.ward_id = wc.ward_id
          and dc.contractor_org_id = o.id and dc.department_id = ${filter.departmentId})`,
        ),
      )
      .$if(!!filter.companyId, (q) => q.where('o.id', '=', filter.companyId!))
      .$if(!!filter.q, (q) =>
        q.where((eb) =>
          eb.or([
            eb('o.name', 'like', likePattern(filter.q!)),
            eb('o.corporate_number', 'like', likePattern(filter.q!)),
          ]),
        ),
      )
      .select([
        'o.id as company_id',
        'wc.ward_id as ward_id',
        'o.name as name',
        'o.corporate_number as corporate_number',
        sql<number>`(select count(*)::int from inspection_findings f
        where f.ward_id = wc.ward_id and f.organisation_id = o.id
          and f.status in ('open', 'reported', 'carried'))`.as('open_findings'),
        sql<number>`(select count(*)::int from inspection_findings f
        where f.ward_id = wc.ward_id and f.organisation_id = o.id
          and f.status in ('open', 'carried') and f.due_on < ${today}::date)`.as('overdue_findings'),
        sql<number>`(select count(*)::int from incidents i
        join contracts c on c.ward_id = i.ward_id and c.id = i.contract_id
        where i.ward_id = wc.ward_id and (c.contractor_org_id = o.id or i.reporting_org_id = o.id)
          and i.discovered_at >= ${yearAgo})`.as('incidents_last_year'),
        sql<number>`(select count(*)::int from compliance_reports r
        where r.ward_id = wc.ward_id and r.organisation_id = o.id and r.due_on >= ${twoYearsAgo}::date
          and ((r.submitted_at is null and r.status in ('issued', 'draft') and r.due_on < ${today}::date)
            or (r.submitted_at at time zone 'Asia/Tokyo')::date > r.due_on))`.as('late_reports'),
        sql<number>`(select count(*)::int from compliance_reports r
        where r.ward_id = wc.ward_id and r.organisation_id = o.id and r.due_on >= ${twoYearsAgo}::date
          and jsonb_array_length(r.discrepancies) > 0)`.as('contradicting_reports'),
        sql<number>`(select count(*)::int from jsonb_each_text((select m.ratings from monitoring_reports m
          where m.ward_id = wc.ward_id and m.organisation_id = o.id
          order by m.hearing_on desc, m.created_at desc limit 1)) e
        where e.value = 'C')`.as('monitoring_c_ratings'),
        sql<'S' | 'A' | 'B' | 'C' | null>`(select m.financial_grade from monitoring_reports m
        where m.ward_id = wc.ward_id and m.organisation_id = o.id
        order by m.hearing_on desc, m.created_at desc limit 1)`.as('financial_grade'),
        // levels below it: a contract's chain lists the companies above its contractor, so the
        // company's place in that list says how far down the contract sits from it
        sql<number>`(select coalesce(max(c.depth - array_position(c.chain_org_ids, o.id) + 1), 0)::int
        from contracts c where c.ward_id = wc.ward_id and o.id = any(c.chain_org_ids)
          and c.status <> 'closed')`.as('chain_depth'),
        sql<number>`(select count(distinct c.contractor_org_id)::int from contracts c
        where c.ward_id = wc.ward_id and o.id = any(c.chain_org_ids) and c.status <> 'closed')`.as(
          'subcontractors',
        ),
        sql<boolean>`exists (select 1 from contracts c
        join register_revisions rr on rr.ward_id = c.ward_id and rr.contract_id = c.id
          and rr.revision = c.register_revision
        where c.ward_id = wc.ward_id and c.contractor_org_id = o.id
          and c.status in ('approved', 'active', 'ending')
          and jsonb_path_exists(rr.document,
            '$.subjectGroups[*].items[*] ? (@.specialCategory != null || @.myNumber == true)'))`.as(
          'sensitive_data',
        ),
        // the contract flags' rule (certification-standing.ts): a kind whose latest certificate has
        // expired, or that a live contract requires and the company has not recorded
        sql<number>`(select count(*)::int from (values ${sql.join(
          CERTIFICATION_KINDS.map(
            (kind) =>
              sql`(${kind}, ${Object.entries(REQUIRED_KIND).find(([, k]) => k === kind)?.[0] ?? null}::text)`,
          ),
        )}) k(kind, required)
        where (select max(cc.valid_until) from company_certifications cc
            where cc.organisation_id = o.id and cc.kind = k.kind and cc.withdrawn_at is null) < ${today}::date
          or (k.required is not null
            and not exists (select 1 from company_certifications cc
              where cc.organisation_id = o.id and cc.kind = k.kind and cc.withdrawn_at is null)
            and exists (select 1 from contracts c where c.ward_id = wc.ward_id and c.contractor_org_id = o.id
              and c.status in ('approved', 'active', 'ending') and k.required = any(c.required_certifications))))`.as(
          'certification_gaps',
        ),
      ])
  );
}

function toStanding(row: FactsRow, asOf: string): CompanyStanding {
  const facts: StandingFacts = {
    openFindings: row.open_findings,
    overdueFindings: row.overdue_findings,
    incidentsLastYear: row.incidents_last_year,
    lateReports: row.late_reports,
    contradictingReports: row.contradicting_reports,
    monitoringCRatings: row.monitoring_c_ratings,
    financialGrade: row.financial_grade,
    chainDepth: row.chain_depth,
    subcontractors: row.subcontractors,
    sensitiveData: row.sensitive_data,
    certificationGaps: row.certification_gaps,
  };
  const standing = evaluateStanding(facts);
  // the page and the list must agree: the SQL score comes from the same rules
  if (standing.score !== Number(row.score))
    throw new Error(`standing: SQL score ${row.score} differs from the rules' ${standing.score}`);
  return {
    ...standing,
    companyId: row.company_id,
    wardId: row.ward_id,
    name: row.name,
    corporateNumber: row.corporate_number,
    facts,
    asOf,
  };
}

/** The facts with the score the rules give them, as one query to finish (order, limit, run). */
function scoredFacts(
  ctx: Pick<UseCaseContext, 'ability' | 'now' | 'db'>,
  filter: Parameters<typeof factsQuery>[2],
) {
  return ctx.db
    .selectFrom(factsQuery(ctx, ctx.db, filter).as('facts'))
    .selectAll('facts')
    .select(scoreSql().as('score'));
}

/** The standing of every company the actor's municipality knows, sorted in SQL. */
export async function listCompanyStandings(
  ctx: UseCaseContext,
  options: { sort?: { key: StandingSortKey; dir: 'asc' | 'desc' }; q?: string } = {},
): Promise<{ items: CompanyStanding[]; rulesVersion: string }> {
  // ORDER BY may name the output column alone, not inside an expression: the rank recomputes it
  const rank = tierRankSql(scoreSql());
  const sort = options.sort ?? { key: 'tier', dir: 'desc' };
  const dir = sort.dir === 'asc' ? sql`asc` : sql`desc`;
  const order =
    sort.key === 'tier'
      ? sql`${rank} ${dir}, score ${dir}, name asc`
      : sort.key === 'findings'
        ? sql`overdue_findings ${dir}, open_findings ${dir}, name asc`
        : sort.key === 'incidents'
          ? sql`incidents_last_year ${dir}, name asc`
          : sql`name ${dir}`;
  const rows = await scoredFacts(ctx, { q: options.q })
    .orderBy(sql`${order}, company_id`)
    .limit(LIMIT)
    .execute();
  const asOf = toJapanDate(ctx.now());
  return {
    items: (rows as unknown as FactsRow[]).map((r) => toStanding(r, asOf)),
    rulesVersion: STANDING_RULES.version,
  };
}

/** One company's standing, or 404 when the actor's municipality does not know the company. */
export async function getCompanyStanding(ctx: UseCaseContext, companyId: string): Promise<CompanyStanding> {
  const row = await scoredFacts(ctx, { companyId }).executeTakeFirst();
  if (!row) throw notFound('Company', '事業者');
  return toStanding(row as unknown as FactsRow, toJapanDate(ctx.now()));
}

/**
 * How many of a ward's companies stand in each tier today, for the council summary (which has
 * already checked that its reader may read the ward's summary; it names no company).
 */
export async function tierCountsOfWard(
  ctx: Pick<UseCaseContext, 'ability' | 'now' | 'db'>,
  wardId: string,
  departmentId: string | null = null,
): Promise<Record<'A' | 'B' | 'C', number>> {
  const rows = await scoredFacts(ctx, { wardId, departmentId }).execute();
  const counts = { A: 0, B: 0, C: 0 };
  const asOf = toJapanDate(ctx.now());
  for (const row of rows) counts[toStanding(row as unknown as FactsRow, asOf).tier] += 1;
  return counts;
}
