// The shape of one generated ward (issue 9: "per ward about 2,000 contracts, a third handling
// personal information, 3,000 sub-contracts over two levels, 40 data items per contract, 15
// handlers per organisation, yearly inspections with 40 items each, six-monthly reports for three
// years, audit entries for all of it"), and the sign-in addresses of its people.

/** Every generated user signs in with this password (hashed once per generation run). */
export const BENCH_PASSWORD = 'bench-password-2026';

export const SCALE = {
  /** 課 of each ward. */
  departments: 12,
  /** Companies of one ward only: w<n>-contractor-1 … */
  localCompanies: 60,
  /** Companies working for every ward: national-1 … (created once, linked to each ward). */
  nationalCompanies: 8,
  /** Every fourth contract goes to a national company, the others to the ward's own companies. */
  nationalShareEvery: 4,
  handlersPerOrganisation: 15,
  /** Contracts with the ward (depth 1); every third handles personal information. */
  contracts: 2000,
  personalInfoEvery: 3,
  /** 再委託 (depth 2) under contracts handling personal information; … */
  subcontracts: 2000,
  /** … of which this many await the ward's sign-off (the write benchmarks sign them). */
  pendingSubdelegations: 700,
  /** 再々委託 (depth 3) under approved sub-contracts. */
  subSubcontracts: 1000,
  /** 情報項目 in each register (a sub-contract's register takes a part of its parent's). */
  dataItems: 40,
  subcontractDataItems: 12,
  /** Fiscal years the contracts start in (one cohort each); contracts run for three years. */
  fiscalYears: [2023, 2024, 2025, 2026] as const,
  contractYears: 3,
  /** The fiscal year of "now": earlier cohorts' inspections are signed off, this year's are open. */
  currentFiscalYear: 2026,
  /** Half-years whose compliance reports exist (three years); 2026H1 is left for the scheduler. */
  reportPeriods: ['2023H1', '2023H2', '2024H1', '2024H2', '2025H1', '2025H2'] as const,
} as const;

/** A ward staff member's address: officer, chief, manager, inspector, council. */
export function wardEmail(n: number, local: string): string {
  return `${local}@ward${n}.bench.example.jp`;
}

/** A company user's address: key is national-k or w<n>-contractor-<k>; local is manager or staff. */
export function companyEmail(key: string, local: string): string {
  return `${local}@${key}.bench.example.jp`;
}

export const wardName = (n: number) => `ベンチ第${n}区`;
export const nationalKey = (k: number) => `national-${k}`;
export const localKey = (n: number, k: number) => `w${n}-contractor-${k}`;

/** The ward's roles and the local part of each user's address. */
export const WARD_USERS = [
  ['officer', 'ward_officer', '個人情報保護担当'],
  ['chief', 'ward_chief', '係長'],
  ['manager', 'ward_manager', '課長'],
  ['inspector', 'inspector', '監督員'],
  ['council', 'council_reviewer', '審議会委員'],
] as const;
