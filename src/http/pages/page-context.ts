import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Actor } from '../../../policies/actor.js';
import type { AppAbility } from '../../../policies/app-ability.js';
import {
  fillWords,
  type MunicipalityWords,
  NEUTRAL_WORDS,
} from '../../domain/organisations/municipality-words.js';
import type { FieldError, Message } from '../../domain/shared/errors.js';
import { readInbox } from '../../domain/worklists/inbox.js';
import type { AppEnv } from '../app-env.js';
import { useCaseContext } from '../middleware/authenticate.js';
import { en } from './i18n/en.js';
import { type Dictionary, ja } from './i18n/ja.js';
import { localise } from './i18n/localise.js';

export type Lang = 'ja' | 'en';

export const LANG_COOKIE = 'pg_lang';

/** The signed-in user as pages see them (after requireAuth). */
export interface Viewer {
  displayName: string;
  organisationName: string;
  actor: Actor;
  ability: AppAbility;
  csrfToken: string;
}

/** What every page renders with: the language and its strings, the URL, and who is looking. */
export interface PageCtx {
  lang: Lang;
  t: Dictionary;
  /** How the viewer's municipality speaks of itself (区, 市, …); `t` has them put in already. */
  words: MunicipalityWords;
  url: URL;
  viewer: Viewer | undefined;
  /** The domain's bilingual message in this page's language. */
  msg(message: Message): string;
  fieldMsg(error: FieldError): string;
  /** For the header: how many steps wait on the signed-in person (受信箱), asked once per page. */
  inboxCount?: () => Promise<number>;
}

const dictionaries: Record<Lang, Dictionary> = { ja, en };

/**
 * Japanese unless the user chose English: `?lang=en` (or `?lang=ja`) switches and is remembered in
 * a cookie, so the switch survives form posts and redirects.
 */
function chooseLanguage(c: Context<AppEnv>): Lang {
  const asked = c.req.query('lang');
  if (asked === 'ja' || asked === 'en') {
    setCookie(c, LANG_COOKIE, asked, {
      path: '/',
      sameSite: 'Lax',
      secure: c.get('deps').secureCookies,
      maxAge: 365 * 24 * 3600,
    });
    return asked;
  }
  return getCookie(c, LANG_COOKIE) === 'en' ? 'en' : 'ja';
}

/** `words`: the municipality's own words where no one is signed in (a one-time link names its ward). */
export function pageCtx(c: Context<AppEnv>, wordsOfWard?: MunicipalityWords): PageCtx {
  const lang = chooseLanguage(c);
  const auth = c.get('auth');
  const words = wordsOfWard ?? auth?.words ?? NEUTRAL_WORDS;
  return {
    lang,
    t: localise(dictionaries[lang], lang, words),
    words,
    url: new URL(c.req.url),
    viewer: auth && {
      displayName: auth.user.displayName,
      organisationName: auth.user.organisationName,
      actor: auth.actor,
      ability: auth.ability,
      csrfToken: auth.csrfToken,
    },
    msg: (m) => fillWords(lang === 'ja' ? m.ja : m.en, words, lang),
    fieldMsg: (e) => fillWords(lang === 'ja' ? e.message_ja : e.message, words, lang),
    inboxCount: auth
      ? () => readInbox(useCaseContext(c), { reminders: 50 }).then((i) => i.unread)
      : undefined,
  };
}

/** The signed-in viewer; pages behind `signedIn` always have one. */
export function viewerOf(p: PageCtx): Viewer {
  if (!p.viewer) throw new Error('page rendered without a signed-in viewer');
  return p.viewer;
}
