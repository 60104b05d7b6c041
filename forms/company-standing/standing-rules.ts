// A company's standing with a municipality (リスク区分 A/B/C), computed from the records, never typed.
// The rule set is data: each factor names the fact it reads, the points it adds at each threshold
// and the sentence a user reads beside it. A new rule set is a new version here (old versions stay,
// so an explanation can always name the rules that produced it). The SQL that sorts lists by tier
// is generated from the same data (src/domain/standing/standing-sql.ts), so page and list agree.

/** The facts the records give for one company in one municipality (see company-standing.ts). */
export interface StandingFacts {
  /** 指摘事項 not yet closed (open, awaiting the ward's check, or carried over). */
  openFindings: number;
  /** Open 指摘事項 whose improvement was due before today and is not reported. */
  overdueFindings: number;
  /** 事故報告 about its contracts discovered in the last 365 days. */
  incidentsLastYear: number;
  /** 遵守状況報告 (別紙5) submitted after their due day or still unsubmitted past it, last two years. */
  lateReports: number;
  /** 遵守状況報告 whose answers contradict the records (discrepancies), last two years. */
  contradictingReports: number;
  /** C ratings in its latest モニタリング報告書 (seed 000, S/A/B/C). */
  monitoringCRatings: number;
  /** The financial grade of its latest モニタリング報告書 (S/A/B/C), or null. */
  financialGrade: 'S' | 'A' | 'B' | 'C' | null;
  /** How deep its sub-contracting goes below it (0: it sub-contracts nothing). */
  chainDepth: number;
  /** Distinct companies working below it in the municipality's contracts. */
  subcontractors: number;
  /** Whether a live contract's register holds 要配慮個人情報 or 特定個人情報. */
  sensitiveData: boolean;
  /** Certifications a contract requires that it lacks or that have expired (0 when none required). */
  certificationGaps: number;
}

export type NumericFact = Exclude<keyof StandingFacts, 'financialGrade' | 'sensitiveData'>;

interface Text {
  ja: string;
  en: string;
}

/** Points for a count: the highest threshold reached wins. */
interface CountFactor {
  fact: NumericFact;
  label: Text;
  steps: Array<{ atLeast: number; points: number }>;
  why: Text;
}
interface FlagFactor {
  fact: 'sensitiveData';
  label: Text;
  points: number;
  why: Text;
}
interface GradeFactor {
  fact: 'financialGrade';
  label: Text;
  points: Partial<Record<'S' | 'A' | 'B' | 'C', number>>;
  why: Text;
}
export type Factor = CountFactor | FlagFactor | GradeFactor;

export interface StandingRules {
  version: string;
  factors: Factor[];
  /** Ascending: the first tier whose maxScore the score does not pass; the last has none. */
  tiers: Array<{ tier: 'A' | 'B' | 'C'; maxScore?: number; meaning: Text }>;
}

export const STANDING_RULES_V1: StandingRules = {
  version: '2026-12-08',
  factors: [
    {
      fact: 'overdueFindings',
      label: { ja: '期限を過ぎた指摘事項', en: 'Findings past their due day' },
      steps: [
        { atLeast: 1, points: 3 },
        { atLeast: 3, points: 5 },
      ],
      why: {
        ja: '実地検査の指摘に期限までに改善報告がないことは、監督に応じていないことを示すため',
        en: 'an improvement not reported by its due day means supervision is not being answered',
      },
    },
    {
      fact: 'openFindings',
      label: { ja: '未完了の指摘事項', en: 'Open findings' },
      steps: [
        { atLeast: 1, points: 1 },
        { atLeast: 5, points: 2 },
      ],
      why: { ja: '改善が終わっていない指摘の数', en: 'findings whose improvement is not yet closed' },
    },
    {
      fact: 'incidentsLastYear',
      label: { ja: '直近1年の事故報告', en: 'Incidents in the last year' },
      steps: [
        { atLeast: 1, points: 2 },
        { atLeast: 3, points: 4 },
      ],
      why: { ja: '漏えい等の事故が起きた委託先', en: 'leaks or losses happened in its work' },
    },
    {
      fact: 'lateReports',
      label: { ja: '遅れた遵守状況報告（別紙5）', en: 'Late compliance reports (別紙5)' },
      steps: [
        { atLeast: 1, points: 1 },
        { atLeast: 3, points: 2 },
      ],
      why: {
        ja: '期限までに報告がないもの（直近2年）',
        en: 'reports not in by their due day (last two years)',
      },
    },
    {
      fact: 'contradictingReports',
      label: { ja: '記録と矛盾する遵守状況報告', en: 'Compliance reports contradicting the records' },
      steps: [{ atLeast: 1, points: 2 }],
      why: {
        ja: '報告の回答が承認・名簿・受渡しの記録と食い違うもの（直近2年）',
        en: 'answers that disagree with the approvals, rosters or handovers on record (last two years)',
      },
    },
    {
      fact: 'monitoringCRatings',
      label: { ja: 'モニタリングのC評価', en: 'C ratings in monitoring' },
      steps: [
        { atLeast: 1, points: 1 },
        { atLeast: 3, points: 2 },
      ],
      why: {
        ja: '直近のモニタリング報告書でC（不十分）とされた項目',
        en: 'items rated C in the latest monitoring report',
      },
    },
    {
      fact: 'financialGrade',
      label: { ja: '財務状況の評価', en: 'Financial grade' },
      points: { B: 1, C: 2 },
      why: {
        ja: '直近のモニタリング報告書の財務チェックシートの評価',
        en: "the grade of the latest monitoring report's financial checksheet",
      },
    },
    {
      fact: 'chainDepth',
      label: { ja: '再委託の深さ', en: 'Depth of sub-contracting' },
      steps: [{ atLeast: 2, points: 1 }],
      why: {
        ja: '再々委託以下まで及ぶと、監督が届きにくくなるため',
        en: 'sub-contracting two or more levels down is harder to supervise',
      },
    },
    {
      fact: 'subcontractors',
      label: { ja: '再委託先の数', en: 'Companies working below it' },
      steps: [{ atLeast: 5, points: 1 }],
      why: { ja: '個人情報に触れる事業者が多いほど', en: 'more companies touch the personal data' },
    },
    {
      fact: 'sensitiveData',
      label: { ja: '要配慮個人情報・特定個人情報の取扱い', en: 'Handles special-care or My Number data' },
      points: 1,
      why: {
        ja: '取り扱う情報そのものの重さ（事業者の落ち度ではありません）',
        en: 'the weight of the data itself (not a fault of the company)',
      },
    },
    {
      fact: 'certificationGaps',
      label: { ja: '必要な認証の欠如・期限切れ', en: 'Required certifications missing or expired' },
      steps: [{ atLeast: 1, points: 2 }],
      why: {
        ja: '契約が求めるプライバシーマーク・ISMS等が確認できないため',
        en: 'a certification a contract requires (P-mark, ISMS, …) is not on record or has expired',
      },
    },
  ],
  tiers: [
    { tier: 'A', maxScore: 2, meaning: { ja: '通常の監督', en: 'routine supervision' } },
    { tier: 'B', maxScore: 5, meaning: { ja: '重点的に確認', en: 'closer checks' } },
    { tier: 'C', meaning: { ja: '優先して実地検査・改善指導', en: 'inspect and follow up first' } },
  ],
};

/** The rule set in force. */
export const STANDING_RULES = STANDING_RULES_V1;

export interface FactorResult {
  fact: Factor['fact'];
  label: Text;
  /** The fact as a user reads it (a count, yes/no, a grade). */
  value: number | boolean | string | null;
  points: number;
  why: Text;
}

export interface Standing {
  rulesVersion: string;
  tier: 'A' | 'B' | 'C';
  tierMeaning: Text;
  score: number;
  /** Every factor, those that added points first. */
  factors: FactorResult[];
}

export function pointsOf(factor: Factor, facts: StandingFacts): number {
  if (factor.fact === 'sensitiveData') return facts.sensitiveData ? (factor as FlagFactor).points : 0;
  if (factor.fact === 'financialGrade') {
    const grade = facts.financialGrade;
    return grade ? ((factor as GradeFactor).points[grade] ?? 0) : 0;
  }
  const value = facts[factor.fact];
  let points = 0;
  for (const step of (factor as CountFactor).steps)
    if (value >= step.atLeast) points = Math.max(points, step.points);
  return points;
}

export function tierOf(score: number, rules: StandingRules = STANDING_RULES) {
  return rules.tiers.find((t) => t.maxScore === undefined || score <= t.maxScore)!;
}

/** A company's standing from its facts, with the reason for every point. */
export function evaluateStanding(facts: StandingFacts, rules: StandingRules = STANDING_RULES): Standing {
  const factors = rules.factors.map(
    (factor): FactorResult => ({
      fact: factor.fact,
      label: factor.label,
      value: facts[factor.fact],
      points: pointsOf(factor, facts),
      why: factor.why,
    }),
  );
  const score = factors.reduce((sum, f) => sum + f.points, 0);
  const tier = tierOf(score, rules);
  return {
    rulesVersion: rules.version,
    tier: tier.tier,
    tierMeaning: tier.meaning,
    score,
    factors: [...factors].sort((a, b) => b.points - a.points),
  };
}
