import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Page } from '../../../domain/shared/pagination.js';
import type { AppEnv } from '../../app-env.js';
import type { PageCtx } from '../page-context.js';
import { Pager } from './common.js';
import { allRows, csvResponse } from './csv-export.js';
import { ListFilters } from './list-filters.js';
import { csvLines, type ListColumn, ListTable } from './list-table.js';
import type { SortState } from './sortable.js';

// The body every sortable list page shares — its filters with the CSV link, the rows (or what the
// list says when there are none) and the pager — and its CSV, so that a list page says only what
// is its own: its query, its columns and its words.

type Filters = Parameters<typeof ListFilters>[0];

export function ListBody<T, K extends string>({
  filters,
  label,
  empty,
  page,
  columns,
  sort,
  children,
}: {
  filters: Omit<Filters, 'children' | 'sort'>;
  label: string;
  /** What the list says when it has no rows (its own words, or 該当するものはありません). */
  empty?: string;
  page: Page<T>;
  columns: ListColumn<T, K>[];
  sort: SortState<K> | undefined;
  /** Filters of the list's own (a period, flags), inside the filter form. */
  children?: Child;
}) {
  const p: PageCtx = filters.p;
  return (
    <>
      <ListFilters {...filters} sort={sort}>
        {children}
      </ListFilters>
      {page.items.length === 0 && empty ? (
        <p>{empty}</p>
      ) : (
        <ListTable p={p} label={label} items={page.items} columns={columns} sort={{ current: sort }} />
      )}
      <Pager p={p} nextCursor={page.nextCursor} />
    </>
  );
}

/** Every row of the list (its use case, page by page) as the CSV of its columns. */
export async function listCsv<T>(
  c: Context<AppEnv>,
  p: PageCtx,
  read: (cursor: string | undefined) => Promise<Page<T>>,
  columnsFor: (rows: T[]) => Promise<ListColumn<T, string>[]> | ListColumn<T, string>[],
  name: { ascii: string; ja: string },
) {
  const { rows, capped } = await allRows(read);
  return csvResponse(c, p, csvLines(await columnsFor(rows), rows), capped, name);
}
