import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { CSS_HREF } from '../assets/routes.js';
import { sendPage } from '../render.js';
import { GONE_TEXT, type LinkDictionary } from './i18n.js';

/**
 * What a link that cannot be used answers — forged, malformed, expired, revoked, used, made for
 * another purpose, or for a record that no longer awaits the company: one page, word for word the
 * same, in Japanese and English, so that it tells a guesser nothing. The same page, with its own
 * words, says why a form was refused (403) or a client must wait (429).
 */
export function linkGonePage(
  c: Context<AppEnv>,
  status: 403 | 404 | 429 = 404,
  detail?: (lang: 'ja' | 'en') => string,
) {
  c.header('cache-control', 'no-store');
  c.header('referrer-policy', 'no-referrer');
  const part = (lang: 'ja' | 'en', t: LinkDictionary) => (
    <section lang={lang} aria-labelledby={`gone-${lang}`}>
      <h2 id={`gone-${lang}`}>{t.goneTitle}</h2>
      <p>{detail ? detail(lang) : t.gone}</p>
    </section>
  );
  return sendPage(
    c,
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${GONE_TEXT.ja.goneTitle} / ${GONE_TEXT.en.goneTitle}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={CSS_HREF} />
      </head>
      <body>
        <main id="main">
          <h1>
            {GONE_TEXT.ja.goneTitle} / <span lang="en">{GONE_TEXT.en.goneTitle}</span>
          </h1>
          {part('ja', GONE_TEXT.ja as LinkDictionary)}
          {part('en', GONE_TEXT.en)}
        </main>
      </body>
    </html>,
    status,
  );
}
