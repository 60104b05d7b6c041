import { describe, expect, it } from 'vitest';
import { evaluateStanding, STANDING_RULES, type StandingFacts, tierOf } from './standing-rules.js';

const clean: StandingFacts = {
  openFindings: 0,
  overdueFindings: 0,
  incidentsLastYear: 0,
  lateReports: 0,
  contradictingReports: 0,
  monitoringCRatings: 0,
  financialGrade: null,
  chainDepth: 0,
  subcontractors: 0,
  sensitiveData: false,
  certificationGaps: 0,
};

describe('the standing rule set', () => {
  it('gives a clean record tier A with no points', () => {
    const s = evaluateStanding(clean);
    expect(s).toMatchObject({ tier: 'A', score: 0, rulesVersion: STANDING_RULES.version });
    expect(s.factors.every((f) => f.points === 0)).toBe(true);
  });

  it('takes the highest threshold reached, not the sum of steps', () => {
    const at = (n: number) =>
      evaluateStanding({ ...clean, overdueFindings: n }).factors.find((f) => f.fact === 'overdueFindings')!
        .points;
    expect([0, 1, 2, 3, 10].map(at)).toEqual([0, 3, 3, 5, 5]);
  });

  it('makes an overdue finding on top of special-care data a tier B, and a bad year a tier C, saying why', () => {
    expect(
      evaluateStanding({ ...clean, overdueFindings: 1, openFindings: 1, sensitiveData: true }).tier,
    ).toBe('B');
    const bad = evaluateStanding({
      ...clean,
      overdueFindings: 1,
      openFindings: 1,
      incidentsLastYear: 1,
      financialGrade: 'C',
    });
    expect(bad).toMatchObject({ tier: 'C', score: 8 });
    expect(bad.factors.slice(0, 3).map((f) => f.fact)).toEqual([
      'overdueFindings',
      'incidentsLastYear',
      'financialGrade',
    ]);
    expect(bad.factors[0]!.why.ja).toContain('期限');
  });

  it('grades the finances by the monitoring report', () => {
    const points = (g: StandingFacts['financialGrade']) =>
      evaluateStanding({ ...clean, financialGrade: g }).factors.find((f) => f.fact === 'financialGrade')!
        .points;
    expect([null, 'S', 'A', 'B', 'C'].map((g) => points(g as StandingFacts['financialGrade']))).toEqual([
      0, 0, 0, 1, 2,
    ]);
  });

  it('covers every score with exactly one tier, in order', () => {
    const tiers = Array.from({ length: 30 }, (_, score) => tierOf(score).tier);
    expect(tiers.slice(0, 3)).toEqual(['A', 'A', 'A']);
    expect(tiers.slice(3, 6)).toEqual(['B', 'B', 'B']);
    expect(new Set(tiers.slice(6))).toEqual(new Set(['C']));
  });
});
