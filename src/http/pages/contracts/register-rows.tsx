import type { Child } from 'hono/jsx';
import { DIRECTIONS, MEDIA_KINDS, SPECIAL_CATEGORIES } from '../../../domain/registers/register-document.js';
import { type Fields, fieldId } from '../components/form.js';
import type { PageCtx } from '../page-context.js';

// The rows of the register editor: every input labelled for screen readers with its row and column
// (the table's headings are visual), its error printed above it in the same cell.

/** One input in a row of the editor: labelled for screen readers with its row and column. */
function Cell({
  p,
  f,
  name,
  label,
  children,
}: {
  p: PageCtx;
  f: Fields;
  name: string;
  label: string;
  children: Child;
}) {
  const row = Number(name.split('.')[1]) + 1;
  return (
    <td>
      <label class="sr-only" for={fieldId(name)}>
        {`${p.t.common.row(row)} ${label}`}
      </label>
      {f.errors(name).map((e) => (
        <p class="field-error" id={`${fieldId(name)}-error`}>
          {e}
        </p>
      ))}
      {children}
    </td>
  );
}

const invalid = (f: Fields, name: string) =>
  f.errors(name).length
    ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${fieldId(name)}-error` }
    : {};

export function ItemRow({ p, f, n }: { p: PageCtx; f: Fields; n: number }) {
  const t = p.t.register;
  const name = (field: string) => `item.${n}.${field}`;
  const text = (field: string, label: string, list?: string) => (
    <Cell p={p} f={f} name={name(field)} label={label}>
      <input
        type="text"
        id={fieldId(name(field))}
        name={name(field)}
        value={f.value(name(field))}
        list={list}
        {...invalid(f, name(field))}
      />
    </Cell>
  );
  const select = (field: string, label: string, options: Array<[string, string]>) => (
    <Cell p={p} f={f} name={name(field)} label={label}>
      <select id={fieldId(name(field))} name={name(field)} {...invalid(f, name(field))}>
        {options.map(([value, text]) => (
          <option value={value} selected={f.value(name(field)) === value}>
            {text}
          </option>
        ))}
      </select>
    </Cell>
  );
  const check = (field: string, label: string) => (
    <Cell p={p} f={f} name={name(field)} label={label}>
      <input type="checkbox" id={fieldId(name(field))} name={name(field)} checked={f.checked(name(field))} />
    </Cell>
  );
  return (
    <tr>
      <th scope="row">{n + 1}</th>
      {text('group', t.group)}
      {text('name', t.item, 'catalogue')}
      {select(
        'direction',
        t.direction,
        DIRECTIONS.map((d) => [d, t.directions[d]!]),
      )}
      {check('pastYears', t.pastYears)}
      {select(
        'special',
        t.special,
        ['', ...SPECIAL_CATEGORIES].map((s) => [s, t.specials[s]!]),
      )}
      {check('myNumber', t.myNumber)}
      {text('approvalNote', t.approvalNote)}
    </tr>
  );
}

export function MediaRow({ p, f, n }: { p: PageCtx; f: Fields; n: number }) {
  const t = p.t.register;
  const kind = `media.${n}.kind`;
  const name = `media.${n}.name`;
  return (
    <tr>
      <th scope="row">{n + 1}</th>
      <Cell p={p} f={f} name={kind} label={t.mediaKind}>
        <select id={fieldId(kind)} name={kind}>
          {MEDIA_KINDS.map((k) => (
            <option value={k} selected={f.value(kind) === k}>
              {t.mediaKinds[k]}
            </option>
          ))}
        </select>
      </Cell>
      <Cell p={p} f={f} name={name} label={t.mediaName}>
        <input type="text" id={fieldId(name)} name={name} value={f.value(name)} {...invalid(f, name)} />
      </Cell>
    </tr>
  );
}
