import type { CatalogueItem } from '../../../domain/registers/catalogue.js';
import {
  DIRECTIONS,
  MEDIA_KINDS,
  type RegisterDocument,
  SPECIAL_CATEGORIES,
} from '../../../domain/registers/register-document.js';
import type { RegisterInput, RegisterItemInput } from '../../../domain/registers/save-register.js';
import type { FormError, FormValues } from '../components/form.js';
import type { PageCtx } from '../page-context.js';

// The register editor posts flat rows (item.3.group, item.3.name, …, media.1.kind) so that it works
// without scripts; here they become the API's register document, and the paths of its errors
// (subjectGroups.0.items.2) go back to the rows they came from.

const ROW = /^(item|media)\.(\d+)\.(\w+)$/;
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/** Row numbers present in the form, per kind, in order. */
export function rowNumbers(values: FormValues, kind: 'item' | 'media'): number[] {
  const found = new Set<number>();
  for (const name of Object.keys(values)) {
    const m = ROW.exec(name);
    if (m && m[1] === kind) found.add(Number(m[2]));
  }
  return [...found].sort((a, b) => a - b).filter((n) => n < 1000);
}

export interface ParsedRegister {
  input: RegisterInput;
  errors: FormError[];
  /** Domain path → form field name. */
  toField: (path: string) => string | undefined;
}

/** Turns the posted rows into RegisterInput; a half-filled row is an error on its empty field. */
export function registerFromForm(p: PageCtx, v: FormValues, catalogue: CatalogueItem[]): ParsedRegister {
  const byName = new Map(catalogue.map((c) => [c.name, c.code]));
  const errors: FormError[] = [];
  const groups: Array<{ name: string; items: RegisterItemInput[]; rows: number[] }> = [];
  for (const n of rowNumbers(v, 'item')) {
    const group = str(v[`item.${n}.group`]);
    const name = str(v[`item.${n}.name`]);
    if (!group && !name) continue;
    if (!group) errors.push({ field: `item.${n}.group`, text: p.t.contracts.blank });
    if (!name) errors.push({ field: `item.${n}.name`, text: p.t.contracts.blank });
    const direction = DIRECTIONS.find((d) => d === str(v[`item.${n}.direction`])) ?? 'provided';
    const special = SPECIAL_CATEGORIES.find((s) => s === str(v[`item.${n}.special`])) ?? null;
    const item: RegisterItemInput = {
      name,
      catalogueCode: byName.get(name) ?? null,
      direction,
      includesPastYears: str(v[`item.${n}.pastYears`]) === 'on',
      specialCategory: special,
      myNumber: str(v[`item.${n}.myNumber`]) === 'on',
      specialApprovalNote: str(v[`item.${n}.approvalNote`]) || null,
    };
    let target = groups.find((g) => g.name === group);
    if (!target) {
      target = { name: group, items: [], rows: [] };
      groups.push(target);
    }
    target.items.push(item);
    target.rows.push(n);
  }
  const media: Array<{ kind: (typeof MEDIA_KINDS)[number]; name: string }> = [];
  const mediaRows: number[] = [];
  for (const n of rowNumbers(v, 'media')) {
    const name = str(v[`media.${n}.name`]);
    if (!name) continue;
    media.push({ kind: MEDIA_KINDS.find((k) => k === str(v[`media.${n}.kind`])) ?? 'other', name });
    mediaRows.push(n);
  }
  const toField = (path: string): string | undefined => {
    const item = /^subjectGroups\.(\d+)\.items\.(\d+)(?:\.(\w+))?/.exec(path);
    if (item) {
      const row = groups[Number(item[1])]?.rows[Number(item[2])];
      const field =
        item[3] === 'specialApproval' ? 'approvalNote' : item[3] === 'direction' ? 'direction' : 'name';
      return row === undefined ? undefined : `item.${row}.${field}`;
    }
    const group = /^subjectGroups\.(\d+)\.name/.exec(path);
    if (group) {
      const row = groups[Number(group[1])]?.rows[0];
      return row === undefined ? undefined : `item.${row}.group`;
    }
    const medium = /^media\.(\d+)(?:\.(\w+))?/.exec(path);
    if (medium) {
      const row = mediaRows[Number(medium[1])];
      return row === undefined ? undefined : `media.${row}.${medium[2] === 'kind' ? 'kind' : 'name'}`;
    }
    return undefined;
  };
  const input: RegisterInput = {
    subjectGroups: groups.map((g) => ({ name: g.name, items: g.items })),
    media,
    note: str(v.note) || null,
  };
  return { input, errors, toField };
}

/** A stored register as editor rows. */
export function registerValues(doc: RegisterDocument): FormValues {
  const values: FormValues = {};
  let n = 0;
  for (const group of doc.subjectGroups) {
    for (const item of group.items) {
      values[`item.${n}.group`] = group.name;
      values[`item.${n}.name`] = item.name;
      values[`item.${n}.direction`] = item.direction;
      if (item.includesPastYears) values[`item.${n}.pastYears`] = 'on';
      values[`item.${n}.special`] = item.specialCategory ?? '';
      if (item.myNumber) values[`item.${n}.myNumber`] = 'on';
      n++;
    }
  }
  doc.media.forEach((m, i) => {
    values[`media.${i}.kind`] = m.kind;
    values[`media.${i}.name`] = m.name;
  });
  return values;
}
