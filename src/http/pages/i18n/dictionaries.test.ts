import { describe, expect, it } from 'vitest';
import { municipalityWords } from '../../../domain/organisations/municipality-words.js';
import { en } from './en.js';
import { ja } from './ja.js';
import { localise } from './localise.js';

// The dictionaries, key for key (the compiler checks their types; this checks what they hold), and
// the tenant's word: no text hard-codes 区 or "ward" — they say {self}, and the page puts in the
// viewer's municipality's own word. Words where 区 is not the municipality are listed below, each
// by itself: a word not listed still fails, so a new one is a decision, not a loophole.

type Tree = { [key: string]: unknown };

/** 南国市's words, as its row gives them. */
const CITY_WORDS_FOR_TEST = municipalityWords({
  municipality_kind: 'city',
  self_word: '市',
  council_name: null,
  ordinance_name: null,
  head_title: null,
  report_body_name: null,
});

/** Words with 区 in them that do not speak of the municipality (longest first). */
const NOT_THE_SELF_WORD = [
  '取扱区域', // 特定個人情報の取扱区域 (番号法ガイドライン: the area where it is handled)
  '区域', // an area
  '区分', // a category
  '区別', // a distinction
  '区切', // a break (区切り)
  '地区', // a district
] as const;

/** What is left of a text once the listed words are taken out. */
const withoutListedWords = (text: string) => NOT_THE_SELF_WORD.reduce((t, w) => t.replaceAll(w, ''), text);

function leaves(value: unknown, path = ''): Array<[string, unknown]> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Tree).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [[path, value]];
}

const textOf = (v: unknown) => (typeof v === 'function' ? v.toString() : JSON.stringify(v));

describe('the page dictionaries', () => {
  it('have the same keys in Japanese and English, each of the same kind', () => {
    const jaLeaves = leaves(ja);
    const enLeaves = new Map(leaves(en));
    expect(jaLeaves.map(([k]) => k).sort()).toEqual([...enLeaves.keys()].sort());
    for (const [key, value] of jaLeaves) {
      expect(typeof enLeaves.get(key), key).toBe(typeof value);
    }
  });

  it('hard-code no word for the municipality', () => {
    const ward = leaves(ja).filter(([, v]) => withoutListedWords(textOf(v)).includes('区'));
    expect(ward.map(([k]) => k)).toEqual([]);
    const english = leaves(en).filter(([, v]) => /\b[Ww]ard\b/.test(textOf(v)));
    expect(english.map(([k]) => k)).toEqual([]);
  });

  it('allow only the listed words with 区 in them, not 区 as the municipality', () => {
    expect(withoutListedWords('特定個人情報の取扱区域')).not.toContain('区');
    expect(withoutListedWords('処理の区分')).not.toContain('区');
    expect(withoutListedWords('区の承認')).toContain('区');
    expect(withoutListedWords('区域外の区の職員')).toContain('区');
    expect(withoutListedWords('区長')).toContain('区');
    // the restored word is on the page (it was 取扱場所 while the test refused every 区)
    expect(ja.devices.areas).toBe('特定個人情報の取扱区域');
  });

  it("put the viewer's word in strings and in what functions return", () => {
    const city = localise(ja, 'ja', CITY_WORDS_FOR_TEST);
    expect(city.contracts.fields.wardMeasures).toBe('市が行う情報保護対策');
    expect(city.register.approved('第1号')).toBe('市の承認: 第1号');
    expect(city.security.ward.title('南国市')).toBe('市の設定（南国市）');
    const cityEn = localise(en, 'en', CITY_WORDS_FOR_TEST);
    expect(cityEn.security.ward.nav).toBe('City settings');
    const leftover = leaves(city).filter(([, v]) => typeof v === 'string' && v.includes('{self}'));
    expect(leftover).toEqual([]);
  });
});
