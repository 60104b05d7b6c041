import type { FieldError } from '../../../domain/shared/errors.js';
import type { PageCtx } from '../page-context.js';

/** One error to show: beside its field when it has one, and in the summary at the top. */
export interface FormError {
  field?: string;
  text: string;
}

/** What a form renders with: the values typed (kept on failure) and the errors per field. */
export interface Fields {
  value(name: string): string;
  values(name: string): string[];
  checked(name: string, value?: string): boolean;
  errors(name: string): string[];
  all: FormError[];
}

export type FormValues = Record<string, string | string[] | undefined>;

export function fields(values: FormValues, errors: FormError[] = []): Fields {
  const list = (name: string) => {
    const v = values[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  return {
    value: (name) => list(name)[0] ?? '',
    values: list,
    checked: (name, value = 'on') => list(name).includes(value),
    errors: (name) => errors.filter((e) => e.field === name).map((e) => e.text),
    all: errors,
  };
}

/** Domain field errors as form errors: `toField` maps a domain path to the form's field name. */
export function formErrors(
  p: PageCtx,
  errors: FieldError[],
  toField: (path: string) => string | undefined = (path) => path,
): FormError[] {
  return errors.map((e) => ({
    field: toField(e.path.replace(/^(json|form|body)\./, '')),
    text: p.fieldMsg(e),
  }));
}

export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
const errorId = (name: string) => `${fieldId(name)}-error`;

export function ErrorSummary({ p, f }: { p: PageCtx; f: Fields }) {
  if (!f.all.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{p.t.common.errorsTitle}</h2>
      <ul>
        {f.all.map((e) => (
          <li>{e.field ? <a href={`#${fieldId(e.field)}`}>{e.text}</a> : e.text}</li>
        ))}
      </ul>
    </div>
  );
}

function FieldErrors({ f, name }: { f: Fields; name: string }) {
  const messages = f.errors(name);
  if (!messages.length) return null;
  return (
    <p class="field-error" id={errorId(name)}>
      {messages.join(' / ')}
    </p>
  );
}

/** aria attributes tying an input to its hint and error. */
function described(f: Fields, name: string, hint?: string) {
  const ids = [hint ? `${fieldId(name)}-hint` : '', f.errors(name).length ? errorId(name) : '']
    .filter(Boolean)
    .join(' ');
  return {
    'aria-invalid': f.errors(name).length ? ('true' as const) : undefined,
    'aria-describedby': ids || undefined,
  };
}

interface FieldProps {
  p: PageCtx;
  f: Fields;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function Label({ p, name, label, required }: Pick<FieldProps, 'p' | 'name' | 'label' | 'required'>) {
  return (
    <label for={fieldId(name)}>
      {label}
      {required && <span class="req">{p.t.common.required}</span>}
    </label>
  );
}

function Hint({ name, hint }: { name: string; hint?: string }) {
  return hint ? (
    <span class="hint" id={`${fieldId(name)}-hint`}>
      {hint}
    </span>
  ) : null;
}

export function TextField(
  props: FieldProps & { type?: string; autocomplete?: string; short?: boolean; inputmode?: string },
) {
  const { f, name, hint, required, type = 'text', autocomplete, short } = props;
  return (
    <div class="field">
      <Label {...props} />
      <Hint name={name} hint={hint} />
      <FieldErrors f={f} name={name} />
      <input
        type={type}
        id={fieldId(name)}
        name={name}
        value={type === 'password' ? '' : f.value(name)}
        required={required}
        autocomplete={autocomplete}
        class={short ? 'short' : undefined}
        inputmode={props.inputmode as 'numeric' | undefined}
        {...described(f, name, hint)}
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { rows?: number }) {
  const { f, name, hint, required, rows = 4 } = props;
  return (
    <div class="field">
      <Label {...props} />
      <Hint name={name} hint={hint} />
      <FieldErrors f={f} name={name} />
      <textarea id={fieldId(name)} name={name} rows={rows} required={required} {...described(f, name, hint)}>
        {f.value(name)}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(props: FieldProps & { options: Option[]; blank?: string; short?: boolean }) {
  const { f, name, hint, required, options, blank, short } = props;
  return (
    <div class="field">
      <Label {...props} />
      <Hint name={name} hint={hint} />
      <FieldErrors f={f} name={name} />
      <select
        id={fieldId(name)}
        name={name}
        required={required}
        class={short ? 'short' : undefined}
        {...described(f, name, hint)}
      >
        {blank !== undefined && <option value="">{blank}</option>}
        {options.map((o) => (
          <option value={o.value} selected={f.value(name) === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of checkboxes (or radios) under one legend. */
export function ChoiceGroup(
  props: Omit<FieldProps, 'label'> & { legend: string; options: Option[]; type?: 'checkbox' | 'radio' },
) {
  const { f, name, legend, options, hint, type = 'checkbox' } = props;
  return (
    <fieldset class="field" aria-describedby={described(f, name, hint)['aria-describedby']}>
      <legend>{legend}</legend>
      <Hint name={name} hint={hint} />
      <FieldErrors f={f} name={name} />
      <div class="checks">
        {options.map((o) => (
          <label>
            <input type={type} name={name} value={o.value} checked={f.checked(name, o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Csrf({ p }: { p: PageCtx }) {
  return <input type="hidden" name="_csrf" value={p.viewer?.csrfToken ?? ''} />;
}
