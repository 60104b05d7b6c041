import type { Child } from 'hono/jsx';
import type { PageCtx } from '../page-context.js';
import { fields, SelectField, TextField } from './form.js';
import { listHref, type SortState } from './sortable.js';

// The controls above a list: its text filter (and a state to choose, when it has states), the
// current order kept as hidden fields so that filtering does not lose it, and the CSV link with
// the same filters and order. A GET form: the list's address says what is shown.

/** The words a list is filtered by (?q=, or another name), trimmed and at most 100 characters. */
export function wordsQuery(url: URL, name = 'q'): string | undefined {
  return (url.searchParams.get(name) ?? '').trim().slice(0, 100) || undefined;
}

/** The value of ?name= when it is one of `allowed`. */
export function oneOf<V extends string>(url: URL, name: string, allowed: readonly V[]): V | undefined {
  const value = url.searchParams.get(name);
  return allowed.find((v) => v === value);
}

/** Every cursor of the page (its lists may page on their own): a CSV holds all rows from the first. */
function cursorsDropped(url: URL): Record<string, undefined> {
  return Object.fromEntries(
    [...url.searchParams.keys()].filter((k) => k.endsWith('cursor')).map((k) => [k, undefined]),
  );
}

export function ListFilters({
  p,
  action,
  sort,
  q,
  qLabel,
  qName = 'q',
  status,
  keep = {},
  csv,
  children,
}: {
  p: PageCtx;
  /** The list's path (the form's target, and "clear" goes back to it). */
  action: string;
  sort: SortState<string> | undefined;
  q: string | undefined;
  qLabel: string;
  /** The words' query name, when the page uses `q` for something else. */
  qName?: string;
  status?: { value: string | undefined; label: string; options: Array<{ value: string; label: string }> };
  /** Other query values the list keeps (a view, a year). */
  keep?: Record<string, string>;
  /** The CSV's path: it gets this page's query (filters and order), without the cursor. */
  csv?: string;
  children?: Child;
}) {
  const f = fields({ [qName]: q ?? '', status: status?.value ?? '' });
  const clear = `${action}${Object.keys(keep).length ? `?${new URLSearchParams(keep)}` : ''}`;
  return (
    <>
      <form method="get" action={action} class="filters" aria-label={p.t.common.filter}>
        {Object.entries(keep).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        {sort && <input type="hidden" name="sort" value={sort.key} />}
        {sort && <input type="hidden" name="dir" value={sort.dir} />}
        <TextField p={p} f={f} name={qName} label={qLabel} type="search" />
        {status && (
          <SelectField
            p={p}
            f={f}
            name="status"
            label={status.label}
            blank={p.t.common.all}
            options={status.options}
            short
          />
        )}
        {children}
        <div class="field">
          <button type="submit">{p.t.common.applyFilter}</button> <a href={clear}>{p.t.common.clearFilter}</a>
        </div>
      </form>
      {csv && (
        <p class="actions">
          <a href={listHref(p.url, cursorsDropped(p.url), csv)} download>
            {p.t.common.exportCsv}
          </a>
        </p>
      )}
    </>
  );
}
