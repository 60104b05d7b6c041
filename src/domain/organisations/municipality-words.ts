import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { FieldError, Message } from '../shared/errors.js';

// How a tenant speaks of itself (issue 18). A tenant is a municipality of a kind — 特別区, 市
// (政令指定都市 among them), 町, 村 — or a 一部事務組合 / 広域連合, and every text a person reads
// about it uses its own word: 「区の承認」 in 新宿区, 「市の承認」 in 南国市. Texts carry the
// placeholders below instead of a hard-coded 区; `fillWords` puts the tenant's words in. Pure: no
// I/O, except `loadMunicipalityWords`, which reads one tenant's row.

export const MUNICIPALITY_KINDS = [
  'special_ward',
  'city',
  'designated_city',
  'town',
  'village',
  'partial_affairs_association',
  'wide_area_union',
] as const;
export type MunicipalityKind = (typeof MUNICIPALITY_KINDS)[number];

export const MUNICIPALITY_KIND_NAMES: Record<MunicipalityKind, Message> = {
  special_ward: { ja: '特別区', en: 'special ward' },
  city: { ja: '市', en: 'city' },
  designated_city: { ja: '政令指定都市', en: 'designated city' },
  town: { ja: '町', en: 'town' },
  village: { ja: '村', en: 'village' },
  partial_affairs_association: { ja: '一部事務組合', en: 'partial-affairs association' },
  wide_area_union: { ja: '広域連合', en: 'wide-area union' },
};

/** The word a municipality of each kind uses for itself, unless it names another (呼称). */
export const DEFAULT_SELF_WORD: Record<MunicipalityKind, Message> = {
  special_ward: { ja: '区', en: 'ward' },
  city: { ja: '市', en: 'city' },
  designated_city: { ja: '市', en: 'city' },
  town: { ja: '町', en: 'town' },
  village: { ja: '村', en: 'village' },
  partial_affairs_association: { ja: '組合', en: 'association' },
  wide_area_union: { ja: '連合', en: 'union' },
};

export interface MunicipalityWords {
  kind: MunicipalityKind | null;
  /** 区 / ward, 市 / city, …: how texts speak of the tenant. */
  self: Message;
  /** The body reports go to: its own name (個人情報保護審議会, …) or 審議会 when none is named. */
  council: Message;
  /** The ordinance the tenant's reports are based on, when recorded. */
  ordinance: string | null;
}

/**
 * Where the tenant is not known (no one signed in, the operator, a company working for
 * municipalities that call themselves differently): a word that fits them all.
 */
export const NEUTRAL_WORDS: MunicipalityWords = {
  kind: null,
  self: { ja: '自治体', en: 'municipality' },
  council: { ja: '審議会', en: 'council' },
  ordinance: null,
};

/** The words of a Japanese-only document that knows just the municipality's own word. */
export function wordsOfSelf(selfJa: string): MunicipalityWords {
  return { ...NEUTRAL_WORDS, self: { ja: selfJa, en: NEUTRAL_WORDS.self.en } };
}

/** The tenant's columns as stored (organisations). */
export interface MunicipalityColumns {
  municipality_kind: string | null;
  self_word: string | null;
  council_name: string | null;
  ordinance_name: string | null;
}

function isKind(value: string | null): value is MunicipalityKind {
  return value !== null && (MUNICIPALITY_KINDS as readonly string[]).includes(value);
}

/** The words for a tenant row; a row without a kind (not a tenant) gets the neutral words. */
export function municipalityWords(row: MunicipalityColumns | null | undefined): MunicipalityWords {
  if (!row || !isKind(row.municipality_kind)) return NEUTRAL_WORDS;
  const kind = row.municipality_kind;
  const fallback = DEFAULT_SELF_WORD[kind];
  return {
    kind,
    self: { ja: row.self_word ?? fallback.ja, en: fallback.en },
    council: row.council_name ? { ja: row.council_name, en: 'council' } : NEUTRAL_WORDS.council,
    ordinance: row.ordinance_name,
  };
}

/**
 * The words shared by several tenants (a company working for each of them): theirs where they all
 * speak alike, the neutral words otherwise.
 */
export function commonWords(all: MunicipalityWords[]): MunicipalityWords {
  const [first, ...rest] = all;
  if (!first) return NEUTRAL_WORDS;
  const same = (a: Message, b: Message) => a.ja === b.ja && a.en === b.en;
  if (!rest.every((w) => same(w.self, first.self))) return NEUTRAL_WORDS;
  return {
    kind: rest.every((w) => w.kind === first.kind) ? first.kind : null,
    self: first.self,
    council: rest.every((w) => same(w.council, first.council)) ? first.council : NEUTRAL_WORDS.council,
    ordinance: rest.every((w) => w.ordinance === first.ordinance) ? first.ordinance : null,
  };
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Puts the tenant's words into a text: `{self}` (区 / ward), `{Self}` (Ward, for English sentences
 * that begin with it), `{council}` (個人情報保護審議会 / council).
 */
export function fillWords(text: string, words: MunicipalityWords, lang: 'ja' | 'en'): string {
  if (!text.includes('{')) return text;
  return text
    .replaceAll('{self}', words.self[lang])
    .replaceAll('{Self}', capitalised(words.self[lang]))
    .replaceAll('{council}', words.council[lang]);
}

/** A bilingual message with the tenant's words put in. */
export function fillMessage(message: Message, words: MunicipalityWords): Message {
  return { ja: fillWords(message.ja, words, 'ja'), en: fillWords(message.en, words, 'en') };
}

export function fillFieldError(error: FieldError, words: MunicipalityWords): FieldError {
  return {
    ...error,
    message: fillWords(error.message, words, 'en'),
    message_ja: fillWords(error.message_ja, words, 'ja'),
  };
}

/** The words of one tenant, read from its row (the neutral words for anything else). */
export async function loadMunicipalityWords(
  db: Kysely<Database>,
  wardId: string | null | undefined,
): Promise<MunicipalityWords> {
  if (!wardId) return NEUTRAL_WORDS;
  const row = await db
    .selectFrom('organisations')
    .select(['municipality_kind', 'self_word', 'council_name', 'ordinance_name'])
    .where('id', '=', wardId)
    .where('kind', '=', 'ward')
    .executeTakeFirst();
  return municipalityWords(row);
}
