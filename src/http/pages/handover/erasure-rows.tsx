import type { Fields, Option } from '../components/form.js';
import { fieldId } from '../components/form.js';
import type { PageCtx } from '../page-context.js';

// Repeating rows of the erasure form (媒体, 機器, 紙, 立会者): a table whose cells are named
// `<table>.<row>.<column>`, so the pages' script can copy a row and renumber it ("行を追加").

export interface Column {
  name: string;
  label: string;
  /** A select instead of a text input. */
  options?: Option[];
}

/** How many rows a table shows: the rows typed (kept on a refusal) and one empty row more, at least `min`. */
export function rowCount(f: Fields, table: string, columns: Column[], min: number): number {
  let last = -1;
  for (let i = 0; i < 50; i++) if (columns.some((c) => f.value(`${table}.${i}.${c.name}`))) last = i;
  return Math.max(min, last + 2);
}

export function RowsTable({
  p,
  f,
  table,
  caption,
  columns,
  min = 2,
}: {
  p: PageCtx;
  f: Fields;
  table: string;
  caption: string;
  columns: Column[];
  min?: number;
}) {
  const rows = rowCount(f, table, columns, min);
  const errors = f.errors(table);
  return (
    <fieldset class="field">
      <legend>{caption}</legend>
      {errors.length > 0 && <p class="field-error">{errors.join(' / ')}</p>}
      <table id={`${table}-table`}>
        <thead>
          <tr>
            <th scope="col">#</th>
            {columns.map((c) => (
              <th scope="col">{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr>
              <th scope="row">{i + 1}</th>
              {columns.map((c) => {
                const name = `${table}.${i}.${c.name}`;
                const cellErrors = f.errors(name);
                const label = p.t.handover.rowLabel(c.label, i + 1);
                return (
                  <td>
                    <label class="sr-only" for={fieldId(name)}>
                      {label}
                    </label>
                    {cellErrors.length > 0 && (
                      <p class="field-error" id={`${fieldId(name)}-error`}>
                        {cellErrors.join(' / ')}
                      </p>
                    )}
                    {c.options ? (
                      <select
                        id={fieldId(name)}
                        name={name}
                        aria-invalid={cellErrors.length ? 'true' : undefined}
                        aria-describedby={cellErrors.length ? `${fieldId(name)}-error` : undefined}
                      >
                        <option value="">—</option>
                        {c.options.map((o) => (
                          <option value={o.value} selected={f.value(name) === o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input
                        type="text"
                        id={fieldId(name)}
                        name={name}
                        value={f.value(name)}
                        aria-invalid={cellErrors.length ? 'true' : undefined}
                        aria-describedby={cellErrors.length ? `${fieldId(name)}-error` : undefined}
                      />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="secondary" data-add-row={`${table}-table`}>
        {p.t.common.addRows}
      </button>
    </fieldset>
  );
}

/** The rows typed into a table, without the empty ones. */
export function rowsOf(
  values: Record<string, string | string[] | undefined>,
  table: string,
  columns: string[],
): Array<{ index: number; cells: Record<string, string> }> {
  const found = new Map<number, Record<string, string>>();
  for (const [key, raw] of Object.entries(values)) {
    const m = new RegExp(`^${table}\\.(\\d+)\\.(\\w+)$`).exec(key);
    if (!m || !columns.includes(m[2]!)) continue;
    const v = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? '';
    const index = Number(m[1]);
    if (index > 49) continue;
    const row = found.get(index) ?? {};
    row[m[2]!] = v;
    found.set(index, row);
  }
  return [...found.entries()]
    .filter(([, cells]) => Object.values(cells).some(Boolean))
    .sort(([a], [b]) => a - b)
    .map(([index, cells]) => ({ index, cells }));
}
