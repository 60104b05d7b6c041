import type { Child } from 'hono/jsx';
import type { CsvCell } from '../../../domain/shared/csv.js';
import type { PageCtx } from '../page-context.js';
import { TableWrap } from './common.js';
import { SortableHeading, type SortState } from './sortable.js';

// A list page's table and its CSV from one set of column definitions, so that the two never
// disagree: a column with `sort` has a heading that sorts the list in SQL (the list's use case
// knows the key), one with `cell` shows on the page (as a labelled card line on a phone: the
// table's `cards` class and each cell's data-label), one with `csv` goes into the export.

export interface ListColumn<T, K extends string = string> {
  label: string;
  /** The list's sort key for this column (its use case orders by it in SQL). */
  sort?: K;
  /** The cell on the page; a column without it is in the CSV only (long text, for instance). */
  cell?: (row: T) => Child;
  /** The cell in the CSV (times through csv-values.ts); a column without it is on the page only. */
  csv?: (row: T) => CsvCell;
  nowrap?: boolean;
}

/** The rows as a table, or cards on a phone; the empty list says so. */
export function ListTable<T, K extends string>({
  p,
  label,
  items,
  columns,
  sort,
  rowId,
}: {
  p: PageCtx;
  label: string;
  items: T[];
  columns: ListColumn<T, K>[];
  /** The current order; without it (a list inside another page) no heading sorts. */
  sort?: { current: SortState<K> | undefined };
  /** A row's id, for links to it (a refused form in the row). */
  rowId?: (row: T) => string;
}) {
  if (!items.length) return <p>{p.t.common.empty}</p>;
  const shown = columns.filter((col) => col.cell);
  return (
    <TableWrap p={p} label={label}>
      <table class="cards">
        <caption class="sr-only">{label}</caption>
        <thead>
          <tr>
            {shown.map((col) =>
              sort && col.sort ? (
                <SortableHeading p={p} label={col.label} column={col.sort} sort={sort.current} />
              ) : (
                <th scope="col">{col.label}</th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((row) => (
            <tr id={rowId?.(row)}>
              {shown.map((col) => (
                <td class={col.nowrap ? 'nowrap' : undefined} data-label={col.label}>
                  {col.cell!(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The CSV lines of the rows: the headings, then one line a row, of the columns that have `csv`. */
export function csvLines<T>(columns: ListColumn<T, string>[], rows: T[]): CsvCell[][] {
  const kept = columns.filter((col) => col.csv);
  return [kept.map((col) => col.label), ...rows.map((row) => kept.map((col) => col.csv!(row)))];
}

/** The headings of a period's two CSV columns: 契約期間（自）, 契約期間（至） / … (from), … (to). */
export function rangeLabels(p: PageCtx, label: string): [string, string] {
  return p.lang === 'ja' ? [`${label}（自）`, `${label}（至）`] : [`${label} (from)`, `${label} (to)`];
}
