import type { Child } from 'hono/jsx';
import { CSS_HREF, JS_HREF } from '../assets/routes.js';
import type { PageCtx } from '../page-context.js';

/** The same link page in the other language (the token stays in the path, never in a query). */
function otherLanguageHref(p: PageCtx): string {
  return `${p.url.pathname}?lang=${p.lang === 'ja' ? 'en' : 'ja'}`;
}

/**
 * A one-time link's page: no menu, no account, no links elsewhere in the app — only what the
 * link's purpose needs, and the language switch.
 */
export function LinkLayout({ p, title, children }: { p: PageCtx; title: string; children?: Child }) {
  const other = p.lang === 'ja' ? 'en' : 'ja';
  return (
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} | ${p.t.appName}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={CSS_HREF} />
        <script src={JS_HREF} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {p.t.skipToMain}
        </a>
        <header class="site-header">
          <p class="brand">{p.t.appName}</p>
          <div class="header-tools">
            <a href={otherLanguageHref(p)} lang={other} hreflang={other} title={p.t.otherLanguageHint}>
              {p.t.otherLanguage}
            </a>
          </div>
        </header>
        <main id="main" tabindex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}
