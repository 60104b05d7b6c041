import type { Child } from 'hono/jsx';
import { CSS_HREF, JS_HREF } from './assets/routes.js';
import { currentSlot, navFor } from './nav.js';
import type { PageCtx } from './page-context.js';

/** The same page in the other language (the rest of the query kept). */
function otherLanguageHref(p: PageCtx): string {
  const url = new URL(p.url);
  url.searchParams.set('lang', p.lang === 'ja' ? 'en' : 'ja');
  url.searchParams.delete('notice');
  return `${url.pathname}${url.search}`;
}

/** 受信箱 in the header, with how many steps wait on the viewer; a page renders without the count
 * rather than fail when it cannot be had. */
async function InboxLink({ p }: { p: PageCtx }) {
  let count: number | undefined;
  try {
    count = await p.inboxCount?.();
  } catch {
    count = undefined;
  }
  const current = p.url.pathname === '/notifications';
  return (
    <a href="/notifications" class="inbox-link" aria-current={current ? 'page' : undefined}>
      {p.t.inbox.nav}
      {count ? (
        <span class="badge inbox-count">
          <span aria-hidden="true">{count > 99 ? '99+' : String(count)}</span>
          <span class="sr-only">{p.t.inbox.unread(count)}</span>
        </span>
      ) : null}
    </a>
  );
}

function Header({ p }: { p: PageCtx }) {
  const other = p.lang === 'ja' ? 'en' : 'ja';
  return (
    <header class="site-header">
      <p class="brand">
        <a href="/">{p.t.appName}</a>
      </p>
      <div class="header-tools">
        {p.viewer && (
          <p>
            <span class="sr-only">{p.t.signedInAs}: </span>
            {p.viewer.displayName}（{p.viewer.organisationName}）
          </p>
        )}
        {p.viewer && <InboxLink p={p} />}
        <a href={otherLanguageHref(p)} lang={other} hreflang={other} title={p.t.otherLanguageHint}>
          {p.t.otherLanguage}
        </a>
        {p.viewer && (
          <form method="post" action="/logout">
            <input type="hidden" name="_csrf" value={p.viewer.csrfToken} />
            <button type="submit" class="link-button">
              {p.t.signOut}
            </button>
          </form>
        )}
      </div>
    </header>
  );
}

function Nav({ p }: { p: PageCtx }) {
  if (!p.viewer) return null;
  const current = currentSlot(p.url.pathname);
  return (
    <nav class="site-nav" aria-label={p.t.nav.label}>
      <ul>
        {navFor(p.viewer).map((entry) => (
          <li>
            <a href={entry.href} aria-current={entry.slot === current ? 'page' : undefined}>
              {entry.label(p.t)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A notice after a redirect (?notice=saved): only keys of the dictionary, never text from the URL. */
function Notice({ p }: { p: PageCtx }) {
  const key = p.url.searchParams.get('notice');
  const text = key ? p.t.notices[key] : undefined;
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;
}

/** Every page: header with the user and the language switch, the menu, one h1, the content. */
export function Layout({ p, title, children }: { p: PageCtx; title: string; children?: Child }) {
  return (
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${p.t.appName}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={CSS_HREF} />
        <script src={JS_HREF} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {p.t.skipToMain}
        </a>
        <Header p={p} />
        <Nav p={p} />
        <main id="main" tabindex={-1}>
          <Notice p={p} />
          <h1>{title}</h1>
          {children}
        </main>
        <footer class="site-footer">
          <p>{p.t.appName}</p>
        </footer>
      </body>
    </html>
  );
}
