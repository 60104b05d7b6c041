import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breachRulesOf, breachRulesOn, YES_NO_QUESTIONS } from './index.js';
import { addCalendarDays, type BreachAnswers, judgeBreach } from './judge.js';
import { BREACH_RULES_2024_04 as RULES } from './v2024-04.js';

// Property tests over the reporting criteria (issue 18): each criterion alone, combinations, the
// 100 and 1,000 boundaries for a municipality and a business, My Number's own criteria, and the
// 30/60-day deadlines counted in calendar days across month and year ends.

const NOTHING: BreachAnswers = {
  learnedOn: '2026-11-20',
  personsAffected: 1,
  myNumberPersonsAffected: null,
  sensitive: false,
  ordinanceSensitive: false,
  financialDamage: false,
  unlawfulPurpose: false,
  myNumber: false,
  myNumberSystem: false,
  publiclyViewable: false,
  encrypted: false,
};

const day = fc
  .date({ min: new Date('2022-04-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const answers = fc.record({
  learnedOn: day,
  personsAffected: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
  myNumberPersonsAffected: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
  sensitive: fc.boolean(),
  ordinanceSensitive: fc.boolean(),
  financialDamage: fc.boolean(),
  unlawfulPurpose: fc.boolean(),
  myNumber: fc.boolean(),
  myNumberSystem: fc.boolean(),
  publiclyViewable: fc.boolean(),
  encrypted: fc.boolean(),
});

const keys = (j: ReturnType<typeof judgeBreach>['municipality']) => j.matched.map((m) => m.key);
const daysBetween = (a: string, b: string) =>
  (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

describe('each criterion alone', () => {
  it('nothing met: no report, no notice, no due dates', () => {
    const j = judgeBreach(RULES, NOTHING, '2026-11-20');
    expect(j.municipality.required).toBe(false);
    expect(j.contractor.required).toBe(false);
    expect(j.preliminary).toBeNull();
    expect(j.final).toBeNull();
    expect(j.noticeToPersons.required).toBe(false);
  });

  it.each([
    ['sensitive', ['public-body.sensitive'], ['business.sensitive']],
    ['ordinanceSensitive', ['public-body.ordinance-sensitive'], []],
    ['financialDamage', ['public-body.financial-damage'], ['business.financial-damage']],
    ['unlawfulPurpose', ['public-body.unlawful-purpose'], ['business.unlawful-purpose']],
  ] as const)('%s alone, one person: the municipality %j, the business %j', (question, muni, business) => {
    const j = judgeBreach(RULES, { ...NOTHING, [question]: true }, null);
    expect(keys(j.municipality)).toEqual(muni);
    expect(keys(j.contractor)).toEqual(business);
    expect(j.municipality.required).toBe(true);
    expect(j.noticeToPersons.required).toBe(true);
    // each cites its article
    for (const m of j.municipality.matched) expect(m.source.article).toMatch(/第43条第\d号/);
  });

  it('My Number questions count only where 特定個人情報 is involved', () => {
    for (const q of ['myNumberSystem', 'publiclyViewable'] as const) {
      expect(judgeBreach(RULES, { ...NOTHING, [q]: true }, null).municipality.required).toBe(false);
      const j = judgeBreach(RULES, { ...NOTHING, myNumber: true, [q]: true }, null);
      expect(j.municipality.matched.map((m) => m.regime)).toEqual(['my-number']);
      expect(j.contractor.matched.map((m) => m.regime)).toEqual(['my-number']);
      expect(j.municipality.matched[0]!.source.article).toContain('番号法第29条の4');
    }
    const unlawful = judgeBreach(RULES, { ...NOTHING, myNumber: true, unlawfulPurpose: true }, null);
    expect(keys(unlawful.municipality)).toEqual([
      'public-body.unlawful-purpose',
      'my-number.unlawful-purpose',
    ]);
  });

  it('strong encryption leaves nothing to report, whatever else holds', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const j = judgeBreach(RULES, { ...a, encrypted: true }, null);
        expect(j.municipality.required || j.contractor.required).toBe(false);
        expect(j.excludedByEncryption).not.toBeNull();
      }),
    );
  });
});

describe('the counts', () => {
  it('100 people is not more than 100; 101 is — for the municipality', () => {
    expect(judgeBreach(RULES, { ...NOTHING, personsAffected: 100 }, null).municipality.required).toBe(false);
    expect(keys(judgeBreach(RULES, { ...NOTHING, personsAffected: 101 }, null).municipality)).toEqual([
      'public-body.more-than-100',
    ]);
  });

  it('1,000 people is not more than 1,000; 1,001 is — for a business', () => {
    expect(judgeBreach(RULES, { ...NOTHING, personsAffected: 1000 }, null).contractor.required).toBe(false);
    expect(keys(judgeBreach(RULES, { ...NOTHING, personsAffected: 1001 }, null).contractor)).toEqual([
      'business.more-than-1000',
    ]);
  });

  it('for any count alone: the municipality reports above 100, the business above 1,000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        const j = judgeBreach(RULES, { ...NOTHING, personsAffected: n }, null);
        expect(j.municipality.required).toBe(n > 100);
        expect(j.contractor.required).toBe(n > 1000);
      }),
    );
  });

  it('My Number: more than 100 people’s 特定個人情報, counted on its own', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        const j = judgeBreach(RULES, { ...NOTHING, myNumber: true, myNumberPersonsAffected: n }, null);
        expect(j.municipality.required).toBe(n > 100);
        expect(j.contractor.required).toBe(n > 100);
      }),
    );
  });

  it('an unknown count meets no count criterion', () => {
    const j = judgeBreach(RULES, { ...NOTHING, personsAffected: null, myNumber: true }, null);
    expect(j.municipality.required).toBe(false);
  });
});

describe('combinations', () => {
  it('required exactly when some criterion of its regimes is met; the business never where the municipality is not', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const j = judgeBreach(RULES, a, null);
        const mn = a.myNumber && !a.encrypted;
        const expectedMuni =
          !a.encrypted &&
          (a.sensitive ||
            a.ordinanceSensitive ||
            a.financialDamage ||
            a.unlawfulPurpose ||
            (a.personsAffected ?? 0) > 100 ||
            (mn && (a.myNumberSystem || a.publiclyViewable || (a.myNumberPersonsAffected ?? 0) > 100)));
        expect(j.municipality.required).toBe(expectedMuni);
        if (j.contractor.required) expect(j.municipality.required).toBe(true);
        expect(j.noticeToPersons.required).toBe(j.municipality.required);
        expect(j.preliminary !== null).toBe(j.municipality.required);
      }),
    );
  });

  it('the contractor that told the municipality is relieved (第26条第1項ただし書); one that did not must report', () => {
    fc.assert(
      fc.property(answers, fc.option(day, { nil: null }), (a, notified) => {
        const j = judgeBreach(RULES, a, notified);
        expect(j.contractor.mustReport).toBe(j.contractor.required && notified === null);
        if (j.contractor.relievedBy)
          expect(j.contractor.relievedBy[0]!.article).toContain('第26条第1項ただし書');
      }),
    );
  });
});

describe('deadlines in calendar days from 覚知日', () => {
  it('確報 on day 30, or day 60 with an unlawful purpose; 速報 on day 3 — across month and year ends', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const j = judgeBreach(RULES, a, null);
        if (!j.final || !j.preliminary) return;
        const longer = j.municipality.matched.some((m) => m.longerFinalPeriod);
        expect(longer).toBe(a.unlawfulPurpose);
        expect(daysBetween(a.learnedOn, j.final.dueOn)).toBe(longer ? 59 : 29);
        expect(daysBetween(a.learnedOn, j.preliminary.dueOn)).toBe(2);
        expect(j.preliminary.dueOn < j.final.dueOn).toBe(true);
      }),
    );
  });

  it.each([
    ['2026-01-31', false, '2026-03-01', '2026-02-02'],
    ['2028-01-31', false, '2028-02-29', '2028-02-02'],
    ['2026-12-15', false, '2027-01-13', '2026-12-17'],
    ['2026-12-31', true, '2027-02-28', '2027-01-02'],
    ['2027-12-31', true, '2028-02-28', '2028-01-02'],
    ['2026-02-27', false, '2026-03-28', '2026-03-01'],
  ])('learned %s (unlawful purpose: %s): 確報 by %s, 速報 by %s', (learnedOn, unlawful, final, prelim) => {
    const j = judgeBreach(RULES, { ...NOTHING, learnedOn, sensitive: true, unlawfulPurpose: unlawful }, null);
    expect(j.final!.dueOn).toBe(final);
    expect(j.final!.days).toBe(unlawful ? 60 : 30);
    expect(j.preliminary!.dueOn).toBe(prelim);
  });

  it('addCalendarDays agrees with counting day by day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (d, n) => {
        let x = d;
        for (let i = 0; i < n; i++) x = addCalendarDays(x, 1);
        expect(addCalendarDays(d, n)).toBe(x);
      }),
      { numRuns: 30 },
    );
  });
});

describe('the rule set as data', () => {
  it('cites a law and an article for every criterion, deadline and relief', () => {
    const sources = [
      ...RULES.criteria.map((c) => c.source),
      RULES.preliminary.source,
      RULES.final.source,
      RULES.finalLonger.source,
      ...RULES.contractorRelief,
      ...Object.values(RULES.noticeToPersons),
    ];
    for (const s of sources) {
      expect(s.law).toMatch(/法|規則/);
      expect(s.article).toMatch(/第\d+条/);
      expect(s.text.length).toBeGreaterThan(10);
    }
    expect(RULES.references.length).toBeGreaterThan(0);
  });

  it('is found by version and by day in force', () => {
    expect(breachRulesOf('2024-04')).toBe(RULES);
    expect(breachRulesOn('2026-12-09')).toBe(RULES);
    expect(breachRulesOf('1999-01')).toBeUndefined();
  });

  it('every yes/no question is asked by some criterion or the encryption exclusion', () => {
    const asked = new Set(RULES.criteria.flatMap((c) => ('yes' in c.when ? [c.when.yes] : [])));
    for (const q of YES_NO_QUESTIONS) {
      expect(asked.has(q) || q === 'encrypted' || q === 'myNumber').toBe(true);
    }
  });
});
