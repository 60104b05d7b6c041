import type { suspensionsJa } from './suspensions-ja.js';

// English strings of the suspension pages and dashboard panel, key for key with suspensions-ja.ts.

export const suspensionsEn: typeof suspensionsJa = {
  nav: 'Suspensions',
  title: 'Suspension list (指名停止)',
  intro:
    'A suspended company cannot be applied for as a sub-contractor for a period touching any day of its suspension. To end a suspension early, record the day and the reason.',
  listHeading: 'Registered suspensions',
  filterQ: 'Company, corporate number or reason',
  empty: 'No company is on the suspension list.',
  columns: {
    company: 'Company',
    period: 'Suspended from',
    periodEnd: 'Until',
    reason: 'Reason',
    state: 'State',
    lift: 'Lift',
  },
  open: '(no end)',
  states: {
    scheduled: 'Scheduled',
    inForce: 'In force',
    ended: 'Ended',
    lifted: (on: string) => `Lifted from ${on}`,
  },
  liftedReason: (r: string) => `Why lifted: ${r}`,
  liftedState: 'Lifted',
  liftedOn: 'Lifted from',
  liftedOnHint: 'From this day the suspension is no longer in force.',
  liftReason: 'Why it is lifted',
  liftButton: 'Lift the suspension',
  confirmLift: 'Lift this suspension?',
  add: {
    title: 'Add a suspension',
    intro:
      'Record a company that has been suspended. No sub-contract touching any day of the suspension can then be applied for or approved.',
    searchLabel: 'Company name or corporate number',
    searchHint: 'Search the registered companies by part of the name or by corporate number.',
    searchButton: 'Search',
    found: (n: number, q: string) => `${n} compan${n === 1 ? 'y' : 'ies'} match "${q}"`,
    none: (q: string) => `No company matches "${q}".`,
    clear: 'Clear the search',
    company: 'Company',
    companyHint: 'Narrow the list with the search above.',
    chooseCompany: 'Choose a company',
    from: 'Suspended from',
    to: 'Suspended until',
    toHint: 'Leave empty when the suspension has no end yet.',
    reason: 'Reason (grounds and measure)',
    submit: 'Add the suspension',
    required: {
      companyId: 'Choose a company',
      suspendedFrom: 'Enter the first day',
      suspendedTo: 'Enter the last day as a date',
      reason: 'Enter the reason',
    },
  },
  panel: 'Contracts with a suspended company',
  panelRow: (company: string, from: string, to: string) => `${company} (suspended ${from} to ${to})`,
  subcontract: 'Sub-contract',
};
