// 漏えい等報告 (breach reports to the Personal Information Protection Commission, 個人情報保護委員会):
// the shape of a versioned rule set. The rules themselves are data (v2024-04.ts), each criterion
// with the article it comes from, so that a municipality can follow the Commission when it amends
// its rules by adding a version here, not by changing code.

/** Which body of rules a criterion belongs to. */
export type Regime =
  /** 個人情報保護法 第68条・施行規則 第43条: 行政機関等, including 地方公共団体の機関 */
  | 'public-body'
  /** 個人情報保護法 第26条・施行規則 第7条: 個人情報取扱事業者 (the contractor, as a business) */
  | 'business'
  /** 番号法 第29条の4 and its rules: 特定個人情報 (My Number), for both */
  | 'my-number';

/** Who would have to report: the municipality (委託元) or the contractor (委託先, a business). */
export type Party = 'municipality' | 'contractor';

/** The yes/no questions the incident answers. */
export type YesNoQuestion =
  | 'sensitive'
  | 'ordinanceSensitive'
  | 'financialDamage'
  | 'unlawfulPurpose'
  | 'myNumber'
  | 'myNumberSystem'
  | 'publiclyViewable'
  | 'encrypted';

/** The counts the incident answers. */
export type CountQuestion = 'personsAffected' | 'myNumberPersonsAffected';

/** Where a rule comes from: the law, the article (条・項・号) and what it says, in short. */
export interface Source {
  law: string;
  article: string;
  /** The provision in short, in the law's own terms. */
  text: string;
}

export type Condition = { yes: YesNoQuestion } | { count: CountQuestion; moreThan: number };

export interface Criterion {
  key: string;
  regime: Regime;
  when: Condition;
  /** 確報 within the longer period (60 days: 不正の目的). */
  longerFinalPeriod: boolean;
  label: { ja: string; en: string };
  source: Source;
}

export interface Deadline {
  /** The due day is 覚知日 + days − 1: 覚知日 counts as day 1 (see `dayOne`). */
  days: number;
  label: { ja: string; en: string };
  source: Source;
}

export interface BreachRules {
  /** `2024-04`: the version of the Commission's rules these encode (施行規則 as in force from 令和6年4月1日). */
  version: string;
  /** From when these rules are in force. */
  inForceFrom: string;
  /** Which regimes each party answers to. */
  regimesOf: Record<Party, Regime[]>;
  criteria: Criterion[];
  /**
   * 高度な暗号化その他の個人の権利利益を保護するために必要な措置: information so protected is no
   * reportable breach under any criterion.
   */
  encryptionExcludes: Source[];
  /** 速報: 「速やかに」; the number of days this product counts as its due day. */
  preliminary: Deadline & { practice: string };
  /** 確報: 30 days; `longer` (60 days) where an unlawful purpose is among the criteria met. */
  final: Deadline;
  finalLonger: Deadline;
  /** How the days are counted from 覚知日, and why. */
  dayOne: string;
  /** 本人通知 per regime, and when it may be left out. */
  noticeToPersons: Record<Regime, Source & { exceptions: string[] }>;
  /** 委託先が委託元に通知したとき: the contractor's own report is not required. */
  contractorRelief: Source[];
  /** What was read to write these rules, and what could not be checked. */
  references: Array<{ what: string; where: string; checked: string }>;
}
