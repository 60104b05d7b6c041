import type { RosterRole } from '../../../db/tables/contracts.js';
import { getContract } from '../../../domain/contracts/manage-contracts.js';
import { readHandlerLists } from '../../../domain/handlers/handler-lists.js';
import { CUSTODY_STATE_NAMES } from '../../../domain/handover/custody.workflow.js';
import type { UseCaseContext } from '../../../domain/shared/context.js';
import { type FieldError, isAppError } from '../../../domain/shared/errors.js';
import type { FormValues, Option } from '../components/form.js';
import type { PageCtx } from '../page-context.js';

// Small helpers of the handover pages: form values, times typed in Japan time, and the people on a
// contract's handler list (取扱者名簿) to choose from.

export const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
export const strs = (v: string | string[] | undefined) =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean);

export const PACKAGE_STATES = Object.keys(CUSTODY_STATE_NAMES) as Array<keyof typeof CUSTODY_STATE_NAMES>;

/** Titles of the contracts among `ids` that the viewer may read (through getContract's policy). */
export async function contractTitles(ctx: UseCaseContext, ids: string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const id of new Set(ids)) {
    try {
      titles.set(id, (await getContract(ctx, id)).title);
    } catch (error) {
      // not readable (a revoked sub-contract): the page shows no title rather than failing
      if (!isAppError(error)) throw error;
    }
  }
  return titles;
}

const JST_MS = 9 * 3600 * 1000;
const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/;

/** A `datetime-local` value (Japan time, as staff type it) as an instant; null when not one. */
export function fromLocal(value: string): Date | null {
  const m = LOCAL.exec(value);
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2]}${m[3] ?? ':00'}+09:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** An instant as a `datetime-local` value in Japan time (minutes). */
export function toLocal(at: Date): string {
  return new Date(at.getTime() + JST_MS).toISOString().slice(0, 16);
}

/** A required date and time field: the instant, or the field error to show beside it. */
export function requiredTime(values: FormValues, name: string, errors: FieldError[]): Date | null {
  const at = fromLocal(str(values[name]));
  if (!at)
    errors.push({ path: name, message: 'enter a date and time', message_ja: '日時を入力してください' });
  return at;
}

/** A required text field, within `max` characters. */
export function requiredText(values: FormValues, name: string, max: number, errors: FieldError[]): string {
  const v = str(values[name]);
  if (!v) errors.push({ path: name, message: 'required', message_ja: '入力してください' });
  else if (v.length > max)
    errors.push({
      path: name,
      message: `at most ${max} characters`,
      message_ja: `${max}文字以内で入力してください`,
    });
  return v;
}

export interface ListedPerson {
  id: string;
  name: string;
  role: RosterRole;
}

/**
 * The people of `organisationId` on the contract's acknowledged handler list in force now, through
 * the same use case the contract page reads it with (its rules decide what the viewer sees).
 */
export async function listedPeople(
  ctx: UseCaseContext,
  contractId: string,
  organisationId: string,
): Promise<ListedPerson[]> {
  const lists = await readHandlerLists(ctx, contractId);
  return lists.current
    .filter((l) => l.organisationId === organisationId)
    .flatMap((l) => l.entries)
    .map((e) => ({ id: e.handlerId, name: e.handler.fullName, role: e.role }));
}

export function peopleOptions(p: PageCtx, people: ListedPerson[], onlyResponsible = false): Option[] {
  return people
    .filter((x) => !onlyResponsible || x.role === 'responsible')
    .map((x) => ({ value: x.id, label: `${x.name}（${p.t.roles.handler[x.role]}）` }));
}

/** Options from a dictionary of labels, in its order. */
export const optionsOf = (labels: Record<string, string>, keys: readonly string[]): Option[] =>
  keys.map((k) => ({ value: k, label: labels[k] ?? k }));

/** Bytes in KiB/MiB for people. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
