import type { companiesJa } from './companies-ja.js';

// English strings of the company standing pages, key for key with companies-ja.ts.

export const companiesEn: typeof companiesJa = {
  nav: 'Companies',
  title: "Companies' standing (リスク区分)",
  intro:
    "The standing is computed from this {self}'s records (findings, incidents, compliance reports, monitoring, sub-contracting, the data handled, certifications). Nobody types it in; it changes when the records do.",
  rules: (version: string) => `Rule set of ${version}`,
  asOf: (day: string) => `as of ${day}`,
  empty: 'No company is registered with this {self}.',
  search: 'Filter by name or corporate number',
  searchButton: 'Filter',
  clear: 'Clear the filter',
  columns: {
    name: 'Company',
    tier: 'Tier',
    score: 'Score',
    findings: 'Findings (overdue / open)',
    incidents: 'Incidents, last year',
    reasons: 'Main reasons',
  },
  tier: (tier: string) => `Tier ${tier}`,
  noReasons: 'Nothing on record adds points',
  detailTitle: (name: string) => `Standing of ${name}`,
  factorsTitle: 'Why (each factor of the rule set)',
  factorColumns: { factor: 'Factor', value: 'On record', points: 'Points', why: 'Why it counts' },
  yes: 'yes',
  no: 'no',
  none: '—',
  scoreLine: (score: number, tier: string, meaning: string) => `${score} points: tier ${tier} (${meaning})`,
  tiersTitle: 'How the tier is decided',
  tierRule: (tier: string, max: number | undefined, previous: number) =>
    max === undefined
      ? `Tier ${tier}: ${previous + 1} points or more`
      : `Tier ${tier}: ${previous === -1 ? 0 : previous + 1}–${max} points`,
  back: 'Back to the companies',
};
