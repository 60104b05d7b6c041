import type { BreachRules } from './rules.js';
import { BREACH_RULES_2024_04 } from './v2024-04.js';

export type { BreachAnswers, BreachJudgment, MatchedCriterion } from './judge.js';
export { addCalendarDays, judgeBreach } from './judge.js';
export type { BreachRules, CountQuestion, Source, YesNoQuestion } from './rules.js';

/** Every version of the rules, newest last: an incident keeps the version it was judged under. */
export const BREACH_RULE_VERSIONS: readonly BreachRules[] = [BREACH_RULES_2024_04];

/** The rules in force on a day (YYYY-MM-DD); the oldest before any. */
export function breachRulesOn(day: string): BreachRules {
  const inForce = BREACH_RULE_VERSIONS.filter((r) => r.inForceFrom <= day);
  return inForce[inForce.length - 1] ?? BREACH_RULE_VERSIONS[0]!;
}

/** The rules of a version, as an incident recorded it. */
export function breachRulesOf(version: string): BreachRules | undefined {
  return BREACH_RULE_VERSIONS.find((r) => r.version === version);
}

export const YES_NO_QUESTIONS = [
  'sensitive',
  'ordinanceSensitive',
  'financialDamage',
  'unlawfulPurpose',
  'myNumber',
  'myNumberSystem',
  'publiclyViewable',
  'encrypted',
] as const;

/** The questions in the words of the form, in its order (pages, PDF and CSV share them). */
export const QUESTION_LABELS: Record<
  (typeof YES_NO_QUESTIONS)[number] | 'personsAffected' | 'myNumberPersonsAffected' | 'learnedOn',
  { ja: string; en: string }
> = {
  learnedOn: { ja: '覚知日（事態を知った日）', en: 'Day learned of it (覚知日)' },
  personsAffected: {
    ja: '漏えい等が発生し、又は発生したおそれがある個人情報に係る本人の数',
    en: 'Number of people whose information leaked or may have leaked',
  },
  sensitive: {
    ja: '要配慮個人情報が含まれる',
    en: 'Special-care personal information (要配慮個人情報) is involved',
  },
  ordinanceSensitive: {
    ja: '条例要配慮個人情報が含まれる',
    en: 'Special-care information under the ordinance (条例要配慮個人情報) is involved',
  },
  financialDamage: {
    ja: '不正に利用されることにより財産的被害が生じるおそれがある',
    en: 'Misuse may cause financial damage (財産的被害)',
  },
  unlawfulPurpose: {
    ja: '不正の目的をもって行われたおそれがある（不正アクセス、持出し等）',
    en: 'It may have been done for an unlawful purpose (不正の目的)',
  },
  myNumber: {
    ja: '特定個人情報（個人番号を含む）が含まれる',
    en: 'My Number data (特定個人情報) is involved',
  },
  myNumberPersonsAffected: {
    ja: '特定個人情報に係る本人の数',
    en: 'Number of people whose My Number data is involved',
  },
  myNumberSystem: {
    ja: '情報提供ネットワークシステム又は個人番号利用事務の情報システムで管理される特定個人情報である',
    en: 'Held in the information-provision network or a My Number system',
  },
  publiclyViewable: {
    ja: '電磁的方法により不特定多数の者が閲覧できる状態となった',
    en: 'Became viewable by an unspecified number of people (公開)',
  },
  encrypted: {
    ja: '高度な暗号化その他の必要な措置が講じられていた',
    en: 'Protected by strong encryption or equivalent measures',
  },
};
