import { type RawBuilder, sql } from 'kysely';
import {
  type Factor,
  STANDING_RULES,
  type StandingFacts,
  type StandingRules,
} from '../../../forms/company-standing/standing-rules.js';

// The score and tier as SQL, generated from the rule set (forms/company-standing), so that a list
// sorts by tier in the database with exactly the arithmetic the page explains.

/** The column of the facts query that holds each fact. */
export const FACT_COLUMNS: Record<keyof StandingFacts, string> = {
  openFindings: 'open_findings',
  overdueFindings: 'overdue_findings',
  incidentsLastYear: 'incidents_last_year',
  lateReports: 'late_reports',
  contradictingReports: 'contradicting_reports',
  monitoringCRatings: 'monitoring_c_ratings',
  financialGrade: 'financial_grade',
  chainDepth: 'chain_depth',
  subcontractors: 'subcontractors',
  sensitiveData: 'sensitive_data',
  certificationGaps: 'certification_gaps',
};

function factorSql(factor: Factor): RawBuilder<number> {
  const column = sql.ref(`facts.${FACT_COLUMNS[factor.fact]}`);
  if (factor.fact === 'sensitiveData' && 'points' in factor && typeof factor.points === 'number')
    return sql<number>`(case when ${column} then ${sql.lit(factor.points)} else 0 end)`;
  if (factor.fact === 'financialGrade' && typeof factor.points === 'object') {
    const cases = Object.entries(factor.points).map(
      ([grade, points]) => sql`when ${sql.lit(grade)} then ${sql.lit(points)}`,
    );
    return cases.length
      ? sql<number>`(case ${column} ${sql.join(cases, sql` `)} else 0 end)`
      : sql<number>`0`;
  }
  if (!('steps' in factor)) throw new Error(`standing-sql: no SQL for factor ${factor.fact}`);
  const steps = factor.steps.map(
    (s) => sql`(case when ${column} >= ${sql.lit(s.atLeast)} then ${sql.lit(s.points)} else 0 end)`,
  );
  return sql<number>`greatest(0, ${sql.join(steps)})`;
}

/** The score: the sum of every factor's points. */
export function scoreSql(rules: StandingRules = STANDING_RULES): RawBuilder<number> {
  return sql<number>`(${sql.join(rules.factors.map(factorSql), sql` + `)})`;
}

/** The tier's rank (0 = A) from a score expression, for sorting. */
export function tierRankSql(score: RawBuilder<number>, rules: StandingRules = STANDING_RULES) {
  const cases = rules.tiers
    .map((t, i) =>
      t.maxScore === undefined ? undefined : sql`when ${score} <= ${sql.lit(t.maxScore)} then ${sql.lit(i)}`,
    )
    .filter((c) => c !== undefined);
  return sql<number>`(case ${sql.join(cases, sql` `)} else ${sql.lit(rules.tiers.length - 1)} end)`;
}
