import {
  fillWords,
  type MunicipalityWords,
  NEUTRAL_WORDS,
} from '../../../domain/organisations/municipality-words.js';

// The dictionaries speak of the tenant as {self} (区, 市, …; see municipality-words.ts). A page gets
// its dictionary with the viewer's municipality's words put in: every string, and every string a
// function returns. One copy per language and set of words, kept: there are a handful.

const cache = new Map<string, unknown>();

function fill(value: unknown, words: MunicipalityWords, lang: 'ja' | 'en'): unknown {
  if (typeof value === 'string') return fillWords(value, words, lang);
  if (typeof value === 'function') {
    const f = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => fill(f(...args), words, lang);
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, words, lang));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, words, lang)]));
  }
  return value;
}

export function localise<D extends object>(
  dictionary: D,
  lang: 'ja' | 'en',
  words: MunicipalityWords = NEUTRAL_WORDS,
): D {
  const key = [
    lang,
    words.self.ja,
    words.self.en,
    words.head.ja,
    words.head.en,
    words.council.ja,
    words.body.ja,
  ].join('\u0000');
  let filled = cache.get(key) as D | undefined;
  if (!filled) {
    filled = fill(dictionary, words, lang) as D;
    if (cache.size < 1000) cache.set(key, filled);
  }
  return filled;
}
