import type {
  BreachRules,
  Condition,
  CountQuestion,
  Criterion,
  Party,
  Regime,
  Source,
  YesNoQuestion,
} from './rules.js';

// The judgment (漏えい等報告の要否): pure, from a rule set and the incident's answers. Whether the
// municipality must report to the Commission and notify the people affected, whether the
// contractor would have to as a business and whether it is relieved, which criteria were met, and
// the due days of 速報 and 確報 counted in Japanese calendar days from 覚知日.

/** The questions that decide it (the incident's answers). */
export interface BreachAnswers extends Record<YesNoQuestion, boolean>, Record<CountQuestion, number | null> {
  /** 覚知日: the Japanese calendar day the municipality learned of it (YYYY-MM-DD). */
  learnedOn: string;
}

export interface MatchedCriterion {
  key: string;
  regime: Regime;
  label: { ja: string; en: string };
  source: Source;
  longerFinalPeriod: boolean;
}

export interface PartyJudgment {
  party: Party;
  /** Criteria met: a report is required where one is. */
  matched: MatchedCriterion[];
  required: boolean;
}

export interface BreachJudgment {
  rulesVersion: string;
  /** 高度な暗号化等: nothing is reportable. */
  excludedByEncryption: Source[] | null;
  municipality: PartyJudgment;
  contractor: PartyJudgment & {
    /** 第26条第1項ただし書 (and 番号法 第29条の4第1項ただし書): relieved by telling the municipality. */
    relievedBy: Source[] | null;
    /** It must report itself: required and not relieved. */
    mustReport: boolean;
  };
  /** The municipality's reports, when required. */
  preliminary: { dueOn: string; days: number; source: Source; practice: string } | null;
  final: { dueOn: string; days: number; source: Source } | null;
  noticeToPersons: { required: boolean; sources: Array<Source & { exceptions: string[] }> };
}

/** Adds days to a calendar date (YYYY-MM-DD), across month and year ends. */
export function addCalendarDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function holds(when: Condition, answers: BreachAnswers): boolean {
  if ('yes' in when) return answers[when.yes] === true;
  const count = answers[when.count];
  return count !== null && count > when.moreThan;
}

/** My Number rules apply only where the leak involves 特定個人情報. */
function applies(criterion: Criterion, answers: BreachAnswers): boolean {
  return criterion.regime !== 'my-number' || answers.myNumber;
}

const toMatched = (c: Criterion): MatchedCriterion => ({
  key: c.key,
  regime: c.regime,
  label: c.label,
  source: c.source,
  longerFinalPeriod: c.longerFinalPeriod,
});

function judgeParty(rules: BreachRules, party: Party, answers: BreachAnswers): PartyJudgment {
  const regimes = rules.regimesOf[party];
  const matched = answers.encrypted
    ? []
    : rules.criteria
        .filter((c) => regimes.includes(c.regime) && applies(c, answers) && holds(c.when, answers))
        .map(toMatched);
  return { party, matched, required: matched.length > 0 };
}

/**
 * 漏えい等報告の判定. `contractorNotifiedOn` is the day the contractor told the municipality (its
 * incident report): with it, the contractor's own report is not required.
 */
export function judgeBreach(
  rules: BreachRules,
  answers: BreachAnswers,
  contractorNotifiedOn: string | null,
): BreachJudgment {
  const municipality = judgeParty(rules, 'municipality', answers);
  const contractor = judgeParty(rules, 'contractor', answers);
  const relievedBy = contractor.required && contractorNotifiedOn ? rules.contractorRelief : null;
  const longer = municipality.matched.some((m) => m.longerFinalPeriod);
  const finalRule = longer ? rules.finalLonger : rules.final;
  // 覚知日 is day 1: "within n days" ends on 覚知日 + n − 1
  const due = (days: number) => addCalendarDays(answers.learnedOn, days - 1);
  const regimes = new Set(municipality.matched.map((m) => m.regime));
  return {
    rulesVersion: rules.version,
    excludedByEncryption: answers.encrypted ? rules.encryptionExcludes : null,
    municipality,
    contractor: { ...contractor, relievedBy, mustReport: contractor.required && !relievedBy },
    preliminary: municipality.required
      ? {
          dueOn: due(rules.preliminary.days),
          days: rules.preliminary.days,
          source: rules.preliminary.source,
          practice: rules.preliminary.practice,
        }
      : null,
    final: municipality.required
      ? { dueOn: due(finalRule.days), days: finalRule.days, source: finalRule.source }
      : null,
    noticeToPersons: {
      required: municipality.required,
      sources: [...regimes].map((r) => rules.noticeToPersons[r]),
    },
  };
}
