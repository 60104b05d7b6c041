import type { ChecklistItem, ChecklistTemplate } from '../../../../forms/checklist/checklist.js';
import type { TemplateExtension } from '../../../../forms/checklist/extend-template.js';
import type { FormError, FormValues } from '../components/form.js';

// The form of a ward's new checklist version turned into what createTemplateVersion takes: the
// newest version copied, the ward's own items ("x-…") edited or removed, new items appended to the
// group chosen for each. Standard items are copied as they are (the form does not offer to change
// them: the use case refuses that, seed 002 asks for prior consultation).

/** How many blank rows for new items the form offers at a time. */
export const NEW_ROWS = 3;

export const isWardItem = (key: string) => key.startsWith('x-');

/** Where a new item may go: "sectionKey/groupKey". */
export const placeOf = (sectionKey: string, groupKey: string) => `${sectionKey}/${groupKey}`;

const one = (v: FormValues[string]) => ((Array.isArray(v) ? v[0] : v) ?? '').trim();

export interface Wording {
  textRequired: string;
  whereRequired: string;
  tooLong: (max: number) => string;
  noChange: string;
}

/** The form's values for a template (what the page shows before anything is typed). */
export function valuesOf(template: ChecklistTemplate): FormValues {
  const values: FormValues = {};
  for (const s of template.sections)
    for (const g of s.groups)
      for (const i of g.items.filter((x) => isWardItem(x.key))) {
        values[`own.${i.key}.label`] = i.label;
        values[`own.${i.key}.text`] = i.text;
      }
  return values;
}

/**
 * The proposed sections, or the form's own errors. `fieldOf` maps the use case's error paths
 * (sections.1.groups.0.items.3.text) back to the form's fields.
 */
export function proposalFrom(
  template: ChecklistTemplate,
  values: FormValues,
  words: Wording,
): { sections: TemplateExtension['sections']; fieldOf: Map<string, string>; errors: FormError[] } {
  const errors: FormError[] = [];
  const fieldOf = new Map<string, string>();
  let changed = false;
  const taken = new Set(template.sections.flatMap((s) => s.groups.flatMap((g) => g.items.map((i) => i.key))));
  let serial = 0;
  const freshKey = () => {
    let key: string;
    do key = `x-v${template.version + 1}-${++serial}`;
    while (taken.has(key));
    taken.add(key);
    return key;
  };
  const checkLength = (field: string, value: string, max: number) => {
    if (value.length > max) errors.push({ field, text: words.tooLong(max) });
  };
  const additions = Array.from({ length: NEW_ROWS }, (_, n) => ({
    n,
    where: one(values[`add.${n}.where`]),
    label: one(values[`add.${n}.label`]),
    text: one(values[`add.${n}.text`]),
  })).filter((row) => row.where || row.label || row.text);
  const places = new Set(template.sections.flatMap((s) => s.groups.map((g) => placeOf(s.key, g.key))));
  for (const row of additions) {
    if (!row.text) errors.push({ field: `add.${row.n}.text`, text: words.textRequired });
    if (!places.has(row.where)) errors.push({ field: `add.${row.n}.where`, text: words.whereRequired });
    checkLength(`add.${row.n}.label`, row.label, 10);
    checkLength(`add.${row.n}.text`, row.text, 1000);
  }

  const sections = template.sections.map((section, si) => ({
    ...section,
    groups: section.groups.map((group, gi) => {
      const items: ChecklistItem[] = [];
      const path = (ii: number) => `sections.${si}.groups.${gi}.items.${ii}`;
      for (const item of group.items) {
        if (!isWardItem(item.key)) {
          items.push(item);
          continue;
        }
        const field = (name: string) => `own.${item.key}.${name}`;
        if (one(values[field('remove')])) {
          changed = true;
          continue;
        }
        const label = one(values[field('label')]);
        const text = one(values[field('text')]);
        if (!text) errors.push({ field: field('text'), text: words.textRequired });
        checkLength(field('label'), label, 10);
        checkLength(field('text'), text, 1000);
        const edited = label !== item.label || text !== item.text;
        changed ||= edited;
        fieldOf.set(`${path(items.length)}.text`, field('text'));
        fieldOf.set(`${path(items.length)}.label`, field('label'));
        // an edited text no longer matches its English gloss: the English page falls back to it
        items.push(edited ? { ...item, label, text, textEn: text === item.text ? item.textEn : '' } : item);
      }
      for (const row of additions.filter((r) => r.where === placeOf(section.key, group.key) && r.text)) {
        changed = true;
        fieldOf.set(`${path(items.length)}.text`, `add.${row.n}.text`);
        fieldOf.set(`${path(items.length)}.label`, `add.${row.n}.label`);
        items.push({ key: freshKey(), label: row.label, text: row.text, textEn: '' });
      }
      return { ...group, items };
    }),
  }));
  if (!changed && !errors.length) errors.push({ text: words.noChange });
  return { sections, fieldOf, errors };
}
