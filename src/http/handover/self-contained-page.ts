// A page made of one HTML document with its script and style inline, served with a
// Content-Security-Policy that allows exactly those (by hash) and nothing else: no other script,
// no frames, no forms posting elsewhere, and network access only as `connect` says.

async function cspHash(source: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(source));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface PageParts {
  title: string;
  body: string;
  script: string;
  style: string;
  /** connect-src: "'none'" for a page that must not talk to any server, "'self'" to call the API. */
  connect: string;
}

export interface Page {
  html: string;
  csp: string;
}

const cache = new Map<string, Promise<Page>>();

export function selfContainedPage(parts: PageParts): Promise<Page> {
  const key = parts.title;
  let page = cache.get(key);
  if (!page) {
    page = (async () => {
      const html = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(parts.title)}</title>
<style>${parts.style}</style>
</head>
<body>${parts.body}<script>${parts.script}</script></body>
</html>`;
      const csp = [
        "default-src 'none'",
        `script-src ${await cspHash(parts.script)}`,
        `style-src ${await cspHash(parts.style)}`,
        `connect-src ${parts.connect}`,
        "img-src 'none'",
        "form-action 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join('; ');
      return { html, csp };
    })();
    cache.set(key, page);
  }
  return page;
}
