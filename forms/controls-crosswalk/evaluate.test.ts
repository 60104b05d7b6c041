import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CoverageStatus,
  CURRENT_CROSSWALK,
  combine,
  evaluateControls,
  type RuleFact,
  type RuleFacts,
  ruleIds,
  ruleStatus,
  tally,
} from './index.js';

// The evaluator's properties over every kind of figure: more evidence never lowers a result, a
// control is met only when every rule that applies is, a rule that does not apply never decides.

const fact = fc.record({
  applies: fc.boolean(),
  need: fc.integer({ min: 0, max: 20 }),
  have: fc.integer({ min: 0, max: 25 }),
});
const ids = ruleIds(CURRENT_CROSSWALK);
const facts = fc
  .tuple(...ids.map(() => fact))
  .map((list) => Object.fromEntries(ids.map((id, i) => [id, list[i]])) as RuleFacts);
const RANK: Record<CoverageStatus, number> = { none: 0, partial: 1, met: 2, not_applicable: -1 };

describe('a rule', () => {
  it('is met with all it needs, none with nothing, partial between', () => {
    expect(ruleStatus({ applies: true, need: 3, have: 3 })).toBe('met');
    expect(ruleStatus({ applies: true, need: 3, have: 1 })).toBe('partial');
    expect(ruleStatus({ applies: true, need: 3, have: 0 })).toBe('none');
    expect(ruleStatus({ applies: false, need: 3, have: 3 })).toBe('not_applicable');
    // nothing needed (no finding open past its day): met
    expect(ruleStatus({ applies: true, need: 0, have: 0 })).toBe('met');
  });

  it('never goes down when evidence is added', () => {
    fc.assert(
      fc.property(fact, fc.integer({ min: 1, max: 10 }), (f: RuleFact, more) => {
        const before = ruleStatus(f);
        const after = ruleStatus({ ...f, have: f.have + more });
        if (!f.applies) return after === 'not_applicable';
        return RANK[after] >= RANK[before];
      }),
    );
  });

  it('is not applicable exactly when it does not apply', () => {
    fc.assert(fc.property(fact, (f) => (ruleStatus(f) === 'not_applicable') === !f.applies));
  });
});

describe('a control', () => {
  it('is met only when every applicable rule is met, none only when none has evidence', () => {
    fc.assert(
      fc.property(facts, (all) => {
        for (const result of evaluateControls(CURRENT_CROSSWALK, all)) {
          const applicable = result.rules.filter((r) => r.status !== 'not_applicable');
          if (result.status === 'met')
            expect(applicable.length > 0 && applicable.every((r) => r.status === 'met')).toBe(true);
          if (result.status === 'none') expect(applicable.every((r) => r.status === 'none')).toBe(true);
          if (result.status === 'not_applicable') expect(applicable).toEqual([]);
          if (result.status === 'partial') {
            expect(applicable.some((r) => r.status !== 'met')).toBe(true);
            expect(applicable.some((r) => r.status !== 'none')).toBe(true);
          }
          expect(result.rules.map((r) => r.rule)).toEqual([...result.control.evidence]);
        }
      }),
    );
  });

  it('does not change when a rule that does not apply changes its figures', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...ids), fc.nat(30), fc.nat(30), (all, id, need, have) => {
        const changed = { ...all, [id]: { ...all[id], need, have } };
        if (all[id].applies) return true;
        const a = evaluateControls(CURRENT_CROSSWALK, all).map((r) => r.status);
        const b = evaluateControls(CURRENT_CROSSWALK, changed).map((r) => r.status);
        return JSON.stringify(a) === JSON.stringify(b);
      }),
    );
  });

  it('never goes down when a rule gains evidence', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...ids), fc.integer({ min: 1, max: 10 }), (all, id, more) => {
        const richer = { ...all, [id]: { ...all[id], have: all[id].have + more } };
        const before = evaluateControls(CURRENT_CROSSWALK, all);
        const after = evaluateControls(CURRENT_CROSSWALK, richer);
        return before.every((r, i) => RANK[after[i]!.status] >= RANK[r.status]);
      }),
    );
  });

  it('combines in any order to the same result', () => {
    const status = fc.constantFrom<CoverageStatus>('met', 'partial', 'none', 'not_applicable');
    fc.assert(
      fc.property(
        fc.array(status, { maxLength: 6 }),
        (list) => combine(list) === combine([...list].reverse()),
      ),
    );
  });
});

describe('the totals', () => {
  it('count every contract once per control', () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 5 }), (contracts) => {
        const results = contracts.map((f) => evaluateControls(CURRENT_CROSSWALK, f));
        const totals = tally(results);
        if (!contracts.length) return totals.size === 0;
        return CURRENT_CROSSWALK.controls.every((c) => {
          const row = totals.get(c.id)!;
          return row.met + row.partial + row.none + row.not_applicable === contracts.length;
        });
      }),
    );
  });
});
