import type { UseCaseContext } from '../../../domain/shared/context.js';
import { csvDate } from '../../../domain/shared/csv-values.js';
import { contractTitles } from '../../../domain/worklists/contract-titles.js';
import { organisationNames } from '../../../domain/worklists/names.js';
import type { PageCtx } from '../page-context.js';
import { Badge, DateText } from './common.js';
import { type ListColumn, rangeLabels } from './list-table.js';

// Columns that many lists share: the contract and the company a row belongs to (by name, where the
// viewer may read them), and a due date with its overdue mark.

export interface ContractAndCompany {
  titles: Map<string, string>;
  orgs: Map<string, string>;
}

/** The titles of the rows' contracts and the names of their companies that the viewer may read. */
export async function contractAndCompanyNames(
  ctx: UseCaseContext,
  rows: Array<{ contractId: string; organisationId: string }>,
): Promise<ContractAndCompany> {
  const [titles, orgs] = await Promise.all([
    contractTitles(
      ctx,
      rows.map((r) => r.contractId),
    ),
    organisationNames(
      ctx,
      rows.map((r) => r.organisationId),
    ),
  ]);
  return { titles, orgs };
}

/** 契約 and 受託者 (or whatever the list calls them): names on the page, '' in the CSV when unknown. */
export function contractAndCompanyColumns<T extends { contractId: string; organisationId: string }>(
  names: ContractAndCompany,
  labels: { contract: string; organisation: string },
): ListColumn<T, never>[] {
  return [
    {
      label: labels.contract,
      cell: (r) => names.titles.get(r.contractId) ?? '—',
      csv: (r) => names.titles.get(r.contractId) ?? '',
    },
    {
      label: labels.organisation,
      cell: (r) => names.orgs.get(r.organisationId) ?? '—',
      csv: (r) => names.orgs.get(r.organisationId) ?? '',
    },
  ];
}

/** The due date (令和 on the page, with the overdue mark), and in the CSV the date and a 期限超過 column. */
export function dueColumns<T extends { dueOn: string; overdue: boolean }, K extends string>(
  p: PageCtx,
  labels: { dueOn: string; overdue: string },
  sort?: K,
): ListColumn<T, K>[] {
  return [
    {
      label: labels.dueOn,
      sort,
      // one element: a phone's card gives each child of a cell a grid cell of its own
      cell: (r) => (
        <span>
          <DateText p={p} date={r.dueOn} /> {r.overdue && <Badge status="returned" label={labels.overdue} />}
        </span>
      ),
      csv: (r) => csvDate(r.dueOn),
    },
    { label: labels.overdue, csv: (r) => (r.overdue ? labels.overdue : '') },
  ];
}

/** A period in the CSV as two dates Excel reads (対象期間（自）, 対象期間（至）); not on the page. */
export function periodCsvColumns<T extends { periodFrom: string; periodTo: string }>(
  p: PageCtx,
  label: string,
): ListColumn<T, never>[] {
  const [from, to] = rangeLabels(p, label);
  return [
    { label: from, csv: (r) => csvDate(r.periodFrom) },
    { label: to, csv: (r) => csvDate(r.periodTo) },
  ];
}
