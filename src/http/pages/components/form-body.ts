import type { Context } from 'hono';
import { ConflictError, type FieldError, ValidationError } from '../../../domain/shared/errors.js';
import type { AppEnv } from '../../app-env.js';
import type { PageCtx } from '../page-context.js';
import { type FormError, type FormValues, formErrors } from './form.js';

/** The posted form's text fields (files are read separately); `_csrf` is left out. */
export async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const [name, raw] of Object.entries(body)) {
    if (name === '_csrf') continue;
    const list = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    if (list.length) values[name] = list.length === 1 ? list[0] : list;
  }
  return values;
}

/**
 * What a form shows when the use case refuses: field errors beside their fields (422), a stale
 * version or a refused step as a message at the top (409). Anything else is not the form's business.
 */
export function refusal(
  p: PageCtx,
  error: unknown,
  toField: (path: string) => string | undefined = (path) => path,
  wording: (errors: FieldError[]) => FormError[] = (errors) => formErrors(p, errors, toField),
): { errors: FormError[]; status: 409 | 422 } {
  if (error instanceof ValidationError) {
    const errors = error.errors.length ? wording(error.errors) : [];
    return { errors: errors.length ? errors : [{ text: p.msg(error.detail) }], status: 422 };
  }
  if (error instanceof ConflictError) return { errors: [{ text: p.msg(error.detail) }], status: 409 };
  throw error;
}

/** One field's value: the first when the field came more than once, '' when it did not come. */
export function firstValue(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/** The version field a form carries back (the version it was rendered from). */
export function versionOf(values: FormValues): number | undefined {
  const raw = values.version;
  const v = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(v) && v > 0 ? v : undefined;
}
