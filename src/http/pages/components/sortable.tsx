import type { PageCtx } from '../page-context.js';

export interface SortState<K extends string> {
  key: K;
  dir: 'asc' | 'desc';
}

/** The sort a list page was asked for (?sort=key&dir=asc|desc), if it is one of its columns. */
export function sortFromQuery<K extends string>(url: URL, keys: readonly K[]): SortState<K> | undefined {
  const key = keys.find((k) => k === url.searchParams.get('sort'));
  if (!key) return undefined;
  return { key, dir: url.searchParams.get('dir') === 'desc' ? 'desc' : 'asc' };
}

/** This page's address with other query values; the cursor always dropped (a new order starts at page 1). */
export function listHref(url: URL, changes: Record<string, string | undefined>, path = url.pathname): string {
  const next = new URL(url);
  for (const name of ['cursor', 'notice']) next.searchParams.delete(name);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) next.searchParams.delete(name);
    else next.searchParams.set(name, value);
  }
  return `${path}${next.search}`;
}

/**
 * A column heading that sorts the list by it: a link (works without script), the current order
 * told to assistive technology with aria-sort, and a second click reversing it.
 */
export function SortableHeading<K extends string>({
  p,
  label,
  column,
  sort,
}: {
  p: PageCtx;
  label: string;
  column: K;
  sort: SortState<K> | undefined;
}) {
  const current = sort?.key === column ? sort.dir : undefined;
  const next = current === 'asc' ? 'desc' : 'asc';
  return (
    <th
      scope="col"
      aria-sort={current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : undefined}
    >
      <a
        href={listHref(p.url, { sort: column, dir: next })}
        aria-label={p.t.common.sortBy(label, next)}
        class="sort"
      >
        {label}
        {current && <span aria-hidden="true">{current === 'asc' ? ' ▲' : ' ▼'}</span>}
      </a>
    </th>
  );
}
