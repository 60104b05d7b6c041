import type { ChecklistGroup, ChecklistItem, ChecklistSection, ChecklistTemplate } from './checklist.js';

// A ward's own version of a standard template (seed 002 確認要領: 項目の追加は適宜; 既存の確認項目の
// 削除または改変は情報セキュリティ統括管理者との事前協議が必要). The ward sends the whole template
// as it wants it; every standard section, group and item must come back exactly as it is, in its
// place and order. What the ward adds (keys starting with "x-") it may change or drop in a later
// version: only the standard is protected.

export interface ExtensionError {
  path: string;
  message: string;
  message_ja: string;
}

/** The shape a ward sends: the template's sections with their groups and items. */
export interface TemplateExtension {
  sections: Array<
    Omit<ChecklistSection, 'groups'> & {
      groups: Array<Omit<ChecklistGroup, 'items'> & { items: ChecklistItem[] }>;
    }
  >;
}

const WARD_KEY = /^x-[a-z0-9-]{1,36}$/;
const MAX_ADDED_ITEMS = 200;
const ITEM_FIELDS = ['label', 'text', 'textEn', 'condition', 'conditionEn', 'note', 'noteEn'] as const;
const SECTION_FIELDS = ['heading', 'headingEn', 'chapter', 'note', 'noteEn'] as const;
const GROUP_FIELDS = ['heading', 'headingEn'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Checks a proposed version against the standard; returns every problem, or the new template. */
export function extendTemplate(
  standard: ChecklistTemplate,
  proposed: TemplateExtension,
  version: number,
): { ok: true; template: ChecklistTemplate } | { ok: false; errors: ExtensionError[] } {
  const errors: ExtensionError[] = [];
  const err = (path: string, message: string, message_ja: string) =>
    errors.push({ path, message, message_ja });
  const seenKeys = new Set<string>();
  let added = 0;

  const checkNewKey = (path: string, key: string, what: string, whatJa: string) => {
    if (!WARD_KEY.test(key))
      err(
        `${path}.key`,
        `a ${what} the {self} adds needs a key "x-…" (a-z, 0-9, -)`,
        `{self}が追加する${whatJa}のキーは「x-」で始めてください（英小文字・数字・ハイフン）`,
      );
    if (seenKeys.has(`${what}:${key}`))
      err(`${path}.key`, `duplicate ${what} key ${key}`, `${whatJa}のキー「${key}」が重複しています`);
    seenKeys.add(`${what}:${key}`);
  };

  /** Standard elements of `expected` must appear in `given` in the same relative order. */
  const checkOrder = (path: string, expected: string[], given: string[], whatJa: string) => {
    const kept = given.filter((k) => expected.includes(k));
    if (kept.length === expected.length && !same(kept, expected))
      err(path, 'the standard entries must keep their order', `標準の${whatJa}の順序は変更できません`);
  };

  checkOrder(
    'sections',
    standard.sections.map((s) => s.key),
    proposed.sections.map((s) => s.key),
    '区分',
  );
  for (const std of standard.sections) {
    if (!proposed.sections.some((s) => s.key === std.key))
      err(
        'sections',
        `the standard section ${std.heading} cannot be removed`,
        `標準の区分「${std.heading}」は削除できません`,
      );
  }

  proposed.sections.forEach((section, si) => {
    const sp = `sections.${si}`;
    const stdSection = standard.sections.find((s) => s.key === section.key);
    if (!stdSection) checkNewKey(sp, section.key, 'section', '区分');
    else {
      for (const f of SECTION_FIELDS)
        if (!same(section[f], stdSection[f]))
          err(
            `${sp}.${f}`,
            `the standard section ${stdSection.heading} cannot be altered`,
            `標準の区分「${stdSection.heading}」は改変できません`,
          );
      if (!same(section.appliesWhen, stdSection.appliesWhen))
        err(
          `${sp}.appliesWhen`,
          'when a standard section applies cannot be altered',
          `標準の区分「${stdSection.heading}」の適用条件は改変できません`,
        );
      checkOrder(
        `${sp}.groups`,
        stdSection.groups.map((g) => g.key),
        section.groups.map((g) => g.key),
        '項目群',
      );
      for (const stdGroup of stdSection.groups)
        if (!section.groups.some((g) => g.key === stdGroup.key))
          err(
            `${sp}.groups`,
            `the standard group ${stdGroup.heading ?? stdGroup.key} cannot be removed`,
            `標準の項目群「${stdGroup.heading ?? stdGroup.key}」は削除できません`,
          );
    }

    section.groups.forEach((group, gi) => {
      const gp = `${sp}.groups.${gi}`;
      const stdGroup = stdSection?.groups.find((g) => g.key === group.key);
      if (!stdGroup) checkNewKey(gp, group.key, 'group', '項目群');
      else {
        for (const f of GROUP_FIELDS)
          if (!same(group[f], stdGroup[f]))
            err(
              `${gp}.${f}`,
              'a standard group heading cannot be altered',
              `標準の項目群「${stdGroup.heading ?? stdGroup.key}」は改変できません`,
            );
        checkOrder(
          `${gp}.items`,
          stdGroup.items.map((i) => i.key),
          group.items.map((i) => i.key),
          '確認項目',
        );
        for (const stdItem of stdGroup.items)
          if (!group.items.some((i) => i.key === stdItem.key))
            err(
              `${gp}.items`,
              `the standard item ${stdItem.label} ${stdItem.text} cannot be removed`,
              `標準の確認項目「${stdItem.label}.${stdItem.text}」は削除できません`,
            );
      }

      group.items.forEach((item, ii) => {
        const ip = `${gp}.items.${ii}`;
        const stdItem = stdGroup?.items.find((i) => i.key === item.key);
        if (stdItem) {
          for (const f of ITEM_FIELDS)
            if (!same(item[f], stdItem[f]))
              err(
                `${ip}.${f}`,
                `the standard item ${stdItem.label} ${stdItem.text} cannot be altered`,
                `標準の確認項目「${stdItem.label}.${stdItem.text}」は改変できません`,
              );
          return;
        }
        const elsewhere = standard.sections.some((s) =>
          s.groups.some((g) => g.items.some((i) => i.key === item.key)),
        );
        if (elsewhere)
          err(
            `${ip}.key`,
            `the standard item ${item.key} cannot be moved`,
            `標準の確認項目（${item.key}）は移動できません`,
          );
        else checkNewKey(ip, item.key, 'item', '確認項目');
        if (!item.text.trim())
          err(`${ip}.text`, 'an added item needs its text', '追加する確認項目の内容を入力してください');
        added += 1;
      });
    });
  });
  if (added > MAX_ADDED_ITEMS)
    err(
      'sections',
      `at most ${MAX_ADDED_ITEMS} added items`,
      `追加できる確認項目は${MAX_ADDED_ITEMS}件までです`,
    );

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    template: {
      ...standard,
      version,
      sections: proposed.sections.map((s) => ({
        ...s,
        groups: s.groups.map((g) => ({ ...g, items: [...g.items] })),
      })),
    },
  };
}
