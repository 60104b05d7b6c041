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

/**
 * The title of the municipality's head (the 長 who approves, notifies and is addressed), unless it
 * names another: 区長, 市長, 町長, 村長; a 一部事務組合's head is its 管理者, a 広域連合's its 広域連合長.
 */
export const DEFAULT_HEAD_TITLE: Record<MunicipalityKind, Message> = {
  special_ward: { ja: '区長', en: 'Mayor' },
  city: { ja: '市長', en: 'Mayor' },
  designated_city: { ja: '市長', en: 'Mayor' },
  town: { ja: '町長', en: 'Mayor' },
  village: { ja: '村長', en: 'Mayor' },
  partial_affairs_association: { ja: '管理者', en: 'Administrator' },
  wide_area_union: { ja: '広域連合長', en: 'Head of the union' },
};

export interface MunicipalityWords {
  kind: MunicipalityKind | null;
  /** 区 / ward, 市 / city, …: how texts speak of the tenant. */
  self: Message;
  /** The title of its head: 区長, 市長, 管理者, 広域連合長 (or its own, `head_title`). */
  head: Message;
  /**
   * The body reports go to, in texts that must name one: the body its rules name
   * (`report_body_name`), else its council (`council_name`), else 審議会.
   */
  council: Message;
  /**
   * The body its reports (報告事項) go to, or null when it has none set — neither a council nor
   * another body: the report pages then say so instead of inventing one.
   */
  reportBody: Message | null;
  /**
   * The body as a menu or a heading names it in a few characters (`bodyLabel`): 審議会 when
   * none is set.
   */
  body: Message;
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
  head: { ja: '長', en: 'head' },
  council: { ja: '審議会', en: 'council' },
  reportBody: null,
  body: { ja: '審議会', en: 'council' },
  ordinance: null,
};

/** The words that end the name of a deliberative body (附属機関), longest meaning first. */
const BODY_WORDS = ['審議会', '審査会', '委員会', '協議会', '懇談会', '懇話会', '会議'];
/** A name this long or shorter fits the menu and the inbox as it is. */
export const SHORT_BODY_NAME = 10;

/**
 * The short label of the body a municipality reports to, for the menu, the inbox and the council
 * pages' headings (the full name stays in documents and in the page title). The rule:
 * 1. a name of at most SHORT_BODY_NAME characters is used as it is (個人情報保護委員会);
 * 2. a longer name ending in a body word (審議会, 審査会, 委員会, 協議会, 懇談会, 懇話会, 会議) is
 *    that word (南国市情報公開・個人情報保護運営審議会 → 審議会);
 * 3. any other longer name is cut to SHORT_BODY_NAME characters, ending in …;
 * with no body set, 審議会 (NEUTRAL_WORDS).
 */
export function bodyLabel(name: string): string {
  const chars = [...name];
  if (chars.length <= SHORT_BODY_NAME) return name;
  const word = BODY_WORDS.find((w) => name.endsWith(w));
  return word ?? `${chars.slice(0, SHORT_BODY_NAME - 1).join('')}…`;
}

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
  head_title: string | null;
  report_body_name: string | null;
}

/** The columns of `organisations` that `municipalityWords` reads: select them all, never a part. */
export const MUNICIPALITY_COLUMNS = [
  'municipality_kind',
  'self_word',
  'council_name',
  'ordinance_name',
  'head_title',
  'report_body_name',
] as const satisfies readonly (keyof MunicipalityColumns)[];

function isKind(value: string | null): value is MunicipalityKind {
  return value !== null && (MUNICIPALITY_KINDS as readonly string[]).includes(value);
}

/** The words for a tenant row; a row without a kind (not a tenant) gets the neutral words. */
export function municipalityWords(row: MunicipalityColumns | null | undefined): MunicipalityWords {
  if (!row || !isKind(row.municipality_kind)) return NEUTRAL_WORDS;
  const kind = row.municipality_kind;
  const fallback = DEFAULT_SELF_WORD[kind];
  const head = DEFAULT_HEAD_TITLE[kind];
  const bodyName = row.report_body_name ?? row.council_name;
  const reportBody = bodyName
    ? { ja: bodyName, en: row.report_body_name ? 'reporting body' : 'council' }
    : null;
  return {
    kind,
    self: { ja: row.self_word ?? fallback.ja, en: fallback.en },
    head: { ja: row.head_title ?? head.ja, en: head.en },
    council: reportBody ?? NEUTRAL_WORDS.council,
    reportBody,
    body: reportBody ? { ja: bodyLabel(reportBody.ja), en: reportBody.en } : NEUTRAL_WORDS.body,
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
  const sameBody = rest.every((w) => w.reportBody?.ja === first.reportBody?.ja);
  return {
    kind: rest.every((w) => w.kind === first.kind) ? first.kind : null,
    self: first.self,
    head: rest.every((w) => same(w.head, first.head)) ? first.head : NEUTRAL_WORDS.head,
    council: rest.every((w) => same(w.council, first.council)) ? first.council : NEUTRAL_WORDS.council,
    reportBody: sameBody ? first.reportBody : null,
    body: rest.every((w) => same(w.body, first.body)) ? first.body : NEUTRAL_WORDS.body,
    ordinance: rest.every((w) => w.ordinance === first.ordinance) ? first.ordinance : null,
  };
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Puts the tenant's words into a text: `{self}` (区 / ward), `{Self}` (Ward, for English sentences
 * that begin with it), `{head}` (区長 / mayor), `{council}` (個人情報保護審議会 / council), `{body}`
 * (the council's short label, `bodyLabel`: 審議会, 個人情報保護委員会 / council).
 */
export function fillWords(text: string, words: MunicipalityWords, lang: 'ja' | 'en'): string {
  if (!text.includes('{')) return text;
  return text
    .replaceAll('{self}', words.self[lang])
    .replaceAll('{Self}', capitalised(words.self[lang]))
    .replaceAll('{head}', words.head[lang])
    .replaceAll('{council}', words.council[lang])
    .replaceAll('{body}', words.body[lang]);
}

/**
 * The head as a document names it after the municipality's name, without saying the shared part
 * twice: 新宿区 + 区長 → 新宿区長, ○○広域連合 + 広域連合長 → ○○広域連合長, ○○衛生組合 + 管理者 →
 * ○○衛生組合管理者.
 */
export function headOf(name: string, head: string): string {
  for (let n = Math.min(name.length, head.length - 1); n > 0; n--) {
    if (name.endsWith(head.slice(0, n))) return name + head.slice(n);
  }
  return name + head;
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
    .select(MUNICIPALITY_COLUMNS)
    .where('id', '=', wardId)
    .where('kind', '=', 'ward')
    .executeTakeFirst();
  return municipalityWords(row);
}
