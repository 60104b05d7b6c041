import { describe, expect, it } from 'vitest';
import { fukuokaSupervisionChecklist } from '../fukuoka-supervision/fukuoka-supervision.form.js';
import { toshimaPerformanceChecksheet } from '../toshima-performance/toshima-performance.form.js';
import { toshimaProtectionChecksheet } from '../toshima-protection/toshima-protection.form.js';
import { checkAnswer, checkRecheck } from './answer.js';
import { applicableTemplate, itemsOf } from './checklist.js';
import { STANDARD_TEMPLATES } from './standard-templates.js';

describe('the standard templates', () => {
  it.each(STANDARD_TEMPLATES.map((t) => [t.key, t] as const))('%s: unique keys, sane results', (_key, t) => {
    const keys = itemsOf(t).map(({ item }) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(keys.some((k) => k.startsWith('x-'))).toBe(false);
    for (const r of t.observationRequiredFor) expect(t.results).toContain(r);
    expect(t.results).toContain('ng');
    expect(t.version).toBe(1);
  });

  it('holds every item of the seeds', () => {
    const counts = Object.fromEntries(STANDARD_TEMPLATES.map((t) => [t.key, itemsOf(t).length]));
    expect(counts).toEqual({
      'fukuoka-supervision': 27,
      'toshima-protection': 71,
      'toshima-performance': 16,
      'toshima-labour': 11,
      'toshima-disguised-contracting': 24,
    });
  });

  it('keeps the seed wording, item by item', () => {
    const text = (t: typeof fukuokaSupervisionChecklist, key: string) =>
      itemsOf(t).find(({ item }) => item.key === key)?.item.text;
    expect(text(fukuokaSupervisionChecklist, '2-2-1')).toBe(
      '個人情報等の保管場所・保管方法は適切か。(個人番号が記載された書類は、施錠できる場所に保管しているか。)',
    );
    expect(text(fukuokaSupervisionChecklist, '4-1-2')).toBe(
      '媒体に応じて適切な方法で、復元不可能な方式により廃棄等を行った旨の証明書は提出されているか。',
    );
    expect(text(toshimaProtectionChecksheet, 'm2-3-1')).toBe(
      '個人情報等の受渡の手續を文書等で明確化している。',
    );
    expect(text(toshimaPerformanceChecksheet, 'p-2')).toBe(
      '業務計画書は、仕様書の内容に基づき作成されている。',
    );
    expect(fukuokaSupervisionChecklist.guidance).toContain(
      'なお、改善が確認できた場合は、確認内容欄にその旨(再確認日・改善結果)を追記してください。',
    );
  });
});

describe('which sections apply (処理の形態, 再委託)', () => {
  const keys = (modes: Parameters<typeof applicableTemplate>[1]) =>
    applicableTemplate(toshimaProtectionChecksheet, modes).sections.map((s) => s.key);

  it.each([
    [[], false, ['1']],
    [['paper_handover'], false, ['1', 'm1']],
    [['paper_handover', 'offsite_electronic'], false, ['1', 'm1', 'm3']],
    [['on_premises'], true, ['1', 'm2', '3']],
    [['paper_handover', 'on_premises', 'offsite_electronic'], true, ['1', 'm1', 'm2', 'm3', '3']],
  ] as const)('modes %j, sub-contracting %s → %j', (modes, subcontracting, expected) => {
    expect(keys({ processingModes: modes, subcontracting })).toEqual(expected);
  });

  it('keeps every section of a sheet without conditions', () => {
    expect(
      applicableTemplate(fukuokaSupervisionChecklist, { processingModes: [], subcontracting: false })
        .sections,
    ).toHaveLength(4);
  });
});

describe('an answer (確認結果・実施日・確認内容)', () => {
  const today = '2026-11-22';
  const fukuoka = fukuokaSupervisionChecklist;
  const performance = toshimaPerformanceChecksheet;

  it.each([
    ['○ alone', fukuoka, { result: 'ok', checkedOn: today }, []],
    ['該当なし alone', fukuoka, { result: 'na', checkedOn: '2026-11-20' }, []],
    [
      '× without what was seen nor deadline',
      fukuoka,
      { result: 'ng', checkedOn: today },
      ['observation', 'improvementDueOn'],
    ],
    [
      '× with both',
      fukuoka,
      { result: 'ng', checkedOn: today, observation: '施錠なし', improvementDueOn: '2026-12-22' },
      [],
    ],
    [
      '× with a deadline before the check',
      fukuoka,
      { result: 'ng', checkedOn: today, observation: 'x', improvementDueOn: '2026-11-01' },
      ['improvementDueOn'],
    ],
    [
      '△ on the supervision checklist',
      fukuoka,
      { result: 'partial', checkedOn: today, observation: 'x' },
      ['result'],
    ],
    [
      '△ without what was seen on 別紙6',
      performance,
      { result: 'partial', checkedOn: today },
      ['observation'],
    ],
    [
      '△ with what was seen on 別紙6',
      performance,
      { result: 'partial', checkedOn: today, observation: '一部未更新' },
      [],
    ],
    ['a future day', fukuoka, { result: 'ok', checkedOn: '2026-11-23' }, ['checkedOn']],
    [
      'a deadline on ○',
      fukuoka,
      { result: 'ok', checkedOn: today, improvementDueOn: '2026-12-01' },
      ['improvementDueOn'],
    ],
    [
      'blank observation on ×',
      fukuoka,
      { result: 'ng', checkedOn: today, observation: '   ', improvementDueOn: today },
      ['observation'],
    ],
  ] as const)('%s', (_name, template, answer, paths) => {
    expect(checkAnswer(template, answer, today).map((e) => e.path)).toEqual(paths);
  });

  it.each([
    ['improved', { recheckedOn: '2026-12-10', result: 'ok' }, []],
    [
      'not yet, with note and new deadline',
      { recheckedOn: '2026-12-10', result: 'ng', note: '未対応', newDueOn: '2027-01-10' },
      [],
    ],
    ['not yet, bare', { recheckedOn: '2026-12-10', result: 'ng' }, ['note', 'newDueOn']],
    ['before the first check', { recheckedOn: '2026-11-01', result: 'ok' }, ['recheckedOn']],
    ['in the future', { recheckedOn: '2026-12-31', result: 'ok' }, ['recheckedOn']],
    [
      'a new deadline when improved',
      { recheckedOn: '2026-12-10', result: 'ok', newDueOn: '2027-01-10' },
      ['newDueOn'],
    ],
  ] as const)('re-check %s', (_name, recheck, paths) => {
    expect(checkRecheck(recheck, '2026-11-20', '2026-12-20').map((e) => e.path)).toEqual(paths);
  });
});
