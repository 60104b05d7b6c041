import type { Crosswalk } from './crosswalk.js';
import { CROSSWALK_2026_12 } from './v2026-12.js';

export type { Control, ControlSource, Crosswalk, EvidenceRule, EvidenceRuleId } from './crosswalk.js';
export * from './evaluate.js';

/** Every version of the crosswalk, newest last. */
export const CROSSWALK_VERSIONS: readonly Crosswalk[] = [CROSSWALK_2026_12];

/** The crosswalk coverage is computed against. */
export const CURRENT_CROSSWALK: Crosswalk = CROSSWALK_VERSIONS[CROSSWALK_VERSIONS.length - 1]!;

/** The ids of every evidence rule of a crosswalk. */
export const ruleIds = (crosswalk: Crosswalk) => Object.keys(crosswalk.rules) as (keyof Crosswalk['rules'])[];
