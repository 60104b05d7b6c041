import { describe, expect, it } from 'vitest';
import { fukuokaSupervisionChecklist as standard } from '../fukuoka-supervision/fukuoka-supervision.form.js';
import { itemsOf } from './checklist.js';
import { extendTemplate, type TemplateExtension } from './extend-template.js';

// 項目の追加 yes; 既存の確認項目の削除・改変 no (seed 002 確認要領).

const copy = (): TemplateExtension => structuredClone({ sections: standard.sections });
const added = {
  key: 'x-usb',
  label: 'エ',
  text: 'USBメモリの持出簿を月1回点検しているか。',
  textEn: 'Is the USB log checked monthly?',
};
const paths = (proposed: TemplateExtension) => {
  const r = extendTemplate(standard, proposed, 2);
  return r.ok ? [] : r.errors.map((e) => e.path);
};

describe('a ward version of a template', () => {
  it('accepts the standard as it is, and items added anywhere', () => {
    const p = copy();
    p.sections[1]!.groups[1]!.items.push(added);
    p.sections[0]!.groups[0]!.items.splice(1, 0, { ...added, key: 'x-first' });
    const r = extendTemplate(standard, p, 2);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.template.version).toBe(2);
    expect(itemsOf(r.template)).toHaveLength(itemsOf(standard).length + 2);
    expect(r.template.purpose).toBe('privacy');
  });

  it('accepts a new group and a new section of the ward', () => {
    const p = copy();
    p.sections[3]!.groups.push({ key: 'x-4-2', heading: '②区独自の確認', items: [added] });
    p.sections.push({
      key: 'x-5',
      heading: '5 区独自項目',
      headingEn: '',
      groups: [{ key: 'x-5-1', items: [{ ...added, key: 'x-5-1-1' }] }],
    });
    expect(paths(p)).toEqual([]);
  });

  it('refuses a removed standard item, naming it', () => {
    const p = copy();
    p.sections[1]!.groups[1]!.items.splice(0, 1);
    const r = extendTemplate(standard, p, 2);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ path: 'sections.1.groups.1.items' });
    expect(r.errors[0]!.message_ja).toContain('個人情報等の保管場所・保管方法は適切か。');
    expect(r.errors[0]!.message_ja).toContain('削除できません');
  });

  it('refuses an altered standard item, naming the field', () => {
    const p = copy();
    p.sections[0]!.groups[0]!.items[0]!.text = '取扱責任者は明確か。';
    expect(paths(p)).toEqual(['sections.0.groups.0.items.0.text']);
    const q = copy();
    q.sections[0]!.groups[0]!.items[0]!.label = 'イ';
    expect(paths(q)).toEqual(['sections.0.groups.0.items.0.label']);
  });

  it('refuses reordering, moving, a removed section or group, and a changed heading', () => {
    const reordered = copy();
    reordered.sections[0]!.groups[0]!.items.reverse();
    expect(paths(reordered)).toEqual(['sections.0.groups.0.items']);

    const moved = copy();
    const item = moved.sections[0]!.groups[0]!.items.pop()!;
    moved.sections[1]!.groups[0]!.items.push(item);
    expect(paths(moved)).toEqual(['sections.0.groups.0.items', 'sections.1.groups.0.items.3.key']);

    const noSection = copy();
    noSection.sections.splice(3, 1);
    expect(paths(noSection)).toEqual(['sections']);

    const noGroup = copy();
    noGroup.sections[2]!.groups.splice(2, 1);
    expect(paths(noGroup)).toEqual(['sections.2.groups']);

    const heading = copy();
    heading.sections[2]!.heading = '3 個人情報の受渡し';
    expect(paths(heading)).toEqual(['sections.2.heading']);
  });

  it('refuses added keys outside the ward namespace, duplicates and blank text', () => {
    const p = copy();
    p.sections[0]!.groups[0]!.items.push({ ...added, key: '1-1-9' }, added, { ...added, text: ' ' });
    expect(paths(p)).toEqual([
      'sections.0.groups.0.items.2.key',
      'sections.0.groups.0.items.4.key',
      'sections.0.groups.0.items.4.text',
    ]);
  });
});
