import type { Control, Crosswalk, EvidenceRuleId } from './crosswalk.js';

// The evaluator: from the counts the domain reads in SQL (per rule: does it apply, how many
// records are needed, how many are there), the status of each rule and each control. Pure, so
// its properties are tested on every combination of counts.

export type CoverageStatus = 'met' | 'partial' | 'none' | 'not_applicable';

/** One rule's figures for one contract (its whole chain): `have` of `need` records are evidence. */
export interface RuleFact {
  applies: boolean;
  need: number;
  have: number;
}

export type RuleFacts = Record<EvidenceRuleId, RuleFact>;

export interface RuleResult extends RuleFact {
  rule: EvidenceRuleId;
  status: CoverageStatus;
}

export interface ControlResult {
  control: Control;
  status: CoverageStatus;
  rules: RuleResult[];
}

export const STATUS_NAMES: Record<CoverageStatus, { ja: string; en: string }> = {
  met: { ja: '証跡あり', en: 'evidence' },
  partial: { ja: '一部', en: 'partial evidence' },
  none: { ja: '証跡なし', en: 'no evidence' },
  not_applicable: { ja: '対象外', en: 'not applicable' },
};

/** A rule with nothing needed is met when it applies (no finding open past its date is evidence). */
export function ruleStatus(fact: RuleFact): CoverageStatus {
  if (!fact.applies) return 'not_applicable';
  const have = Math.max(0, Math.min(fact.have, fact.need));
  if (have >= fact.need) return 'met';
  return have > 0 ? 'partial' : 'none';
}

/** A control is met when every rule that applies is met, none when none of them has any evidence. */
export function combine(statuses: readonly CoverageStatus[]): CoverageStatus {
  const applicable = statuses.filter((s) => s !== 'not_applicable');
  if (!applicable.length) return 'not_applicable';
  if (applicable.every((s) => s === 'met')) return 'met';
  if (applicable.every((s) => s === 'none')) return 'none';
  return 'partial';
}

/** Every control of the crosswalk with its status and the rules behind it. */
export function evaluateControls(crosswalk: Crosswalk, facts: RuleFacts): ControlResult[] {
  return crosswalk.controls.map((control) => {
    const rules = control.evidence.map((rule) => {
      const fact = facts[rule];
      return { rule, ...fact, status: ruleStatus(fact) };
    });
    return { control, status: combine(rules.map((r) => r.status)), rules };
  });
}

/** How many contracts stand in each status, per control (the ward's page and its CSV). */
export function tally(results: readonly ControlResult[][]): Map<string, Record<CoverageStatus, number>> {
  const counts = new Map<string, Record<CoverageStatus, number>>();
  for (const contract of results)
    for (const r of contract) {
      const row = counts.get(r.control.id) ?? { met: 0, partial: 0, none: 0, not_applicable: 0 };
      row[r.status] += 1;
      counts.set(r.control.id, row);
    }
  return counts;
}
