import { describe, expect, it } from 'vitest';
import { municipalityWords } from '../../../domain/organisations/municipality-words.js';
import { en } from './en.js';
import { ja } from './ja.js';
import { localise } from './localise.js';

// The dictionaries, key for key (the compiler checks their types; this checks what they hold), and
// the tenant's word: no text hard-codes 区 or "ward" — they say {self}, and the page puts in the
// viewer's municipality's own word (区分, "category", is another word).

type Tree = { [key: string]: unknown };

/** 南国市's words, as its row gives them. */
const CITY_WORDS_FOR_TEST = municipalityWords({
  municipality_kind: 'city',
  self_word: '市',
  council_name: null,
  ordinance_name: null,
});

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
    const ward = leaves(ja).filter(([, v]) => /区(?!分)/.test(textOf(v)));
    expect(ward.map(([k]) => k)).toEqual([]);
    const english = leaves(en).filter(([, v]) => /\b[Ww]ard\b/.test(textOf(v)));
    expect(english.map(([k]) => k)).toEqual([]);
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
