import { nankokuMyNumberCard } from './nankoku-my-number-card.js';
import { shinjukuContractor } from './shinjuku-contractor.js';
import { shinjukuSubcontractor } from './shinjuku-subcontractor.js';
import type { ProvisionDuty, ProvisionTemplate } from './special-provisions.js';
import { toshimaAnnex7 } from './toshima-annex7.js';

// The templates a ward may choose from, every version of each: a contract made under version 1
// keeps reading version 1 after a version 2 is added here.

export const PROVISION_TEMPLATES: readonly ProvisionTemplate[] = [
  toshimaAnnex7,
  shinjukuContractor,
  shinjukuSubcontractor,
  nankokuMyNumberCard,
];

/** Every template id, for validating a choice. */
export const PROVISION_TEMPLATE_IDS = [...new Set(PROVISION_TEMPLATES.map((t) => t.id))] as [
  string,
  ...string[],
];

/** The template a ward uses when it has chosen none: the first one of the seeds. */
export const DEFAULT_PROVISION_TEMPLATE = toshimaAnnex7.id;

/** One version of a template, or its newest when no version is given. */
export function findProvisionTemplate(id: string, version?: number): ProvisionTemplate | undefined {
  const versions = PROVISION_TEMPLATES.filter((t) => t.id === id);
  if (version !== undefined) return versions.find((t) => t.version === version);
  return versions.sort((a, b) => b.version - a.version)[0];
}

/** The newest version of every template, for choosing. */
export function latestProvisionTemplates(): ProvisionTemplate[] {
  const ids = [...new Set(PROVISION_TEMPLATES.map((t) => t.id))];
  return ids.map((id) => findProvisionTemplate(id)!);
}

/** 「第○条」: the article of the template that imposes a duty, if it names one. */
export function articleFor(template: ProvisionTemplate | undefined, duty: ProvisionDuty): string | undefined {
  return template?.duties[duty];
}
