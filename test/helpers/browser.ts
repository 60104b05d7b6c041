import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { TestApp } from './test-app.js';
import { PASSWORD } from './world.js';

// Browser tests drive Debian's Chromium (apt-get install chromium) through playwright-core against
// the app served in-process on 127.0.0.1. Chromium treats 127.0.0.1 as a secure context, so the
// app keeps its Secure cookies as in production.

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * Whether to skip the browser tests: only when Chromium is missing and REQUIRE_BROWSER is not set.
 * With REQUIRE_BROWSER=1 a missing Chromium fails the run instead of passing it silently.
 */
export function skipBrowserTests(): boolean {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.REQUIRE_BROWSER) return false;
  console.warn(
    `note: browser tests skipped: ${CHROMIUM} not found (apt-get install chromium; REQUIRE_BROWSER=1 to fail instead)`,
  );
  return true;
}

/** Launches Chromium headless with a fresh profile (Playwright makes a new user-data dir per launch). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`REQUIRE_BROWSER is set but ${CHROMIUM} does not exist`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** Serves the test app on a free port of 127.0.0.1. */
export async function serveApp(t: TestApp): Promise<{ url: string; close: () => Promise<void> }> {
  const server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Chromium here has no Japanese font, so every new context would fetch the pages' fallback font
 * (two 5 MB files); the tests do not look at glyphs, so they skip it — except for screenshots.
 */
export async function skipFallbackFont(context: BrowserContext): Promise<void> {
  if (!process.env.SCREENSHOTS) await context.route('**/assets/fonts/**', (route) => route.abort());
}

/** A fresh browser context (own cookies) signed in as `email` through the ログイン page. */
export async function signedInPage(
  browser: Browser,
  base: string,
  email: string,
  options: { viewport?: { width: number; height: number }; lang?: 'ja' | 'en' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: base,
    viewport: options.viewport ?? { width: 1200, height: 800 },
    locale: 'ja-JP',
  });
  // a missing element fails the step in seconds, not at the test's timeout
  context.setDefaultTimeout(5000);
  await skipFallbackFont(context);
  const page = await context.newPage();
  await page.goto(options.lang === 'en' ? '/?lang=en' : '/');
  await page.getByLabel(options.lang === 'en' ? 'E-mail address' : 'メールアドレス').fill(email);
  await page.getByLabel(options.lang === 'en' ? 'Password' : 'パスワード').fill(PASSWORD);
  await page.getByRole('button', { name: options.lang === 'en' ? 'Sign in' : 'ログイン' }).click();
  await page.waitForURL((url) => url.pathname === '/' && !url.search.includes('next'));
  return { context, page };
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/** Runs axe-core in the page; returns the serious and critical violations (WCAG 2.1 A/AA and best practice). */
export async function seriousViolations(page: Page): Promise<string[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // evaluate() runs outside the page's CSP, which forbids inline scripts
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document) => Promise<any> } }).axe;
    const result = await axe.run(document);
    return result.violations as Array<{
      id: string;
      impact: string;
      help: string;
      nodes: Array<{ target: string[] }>;
    }>;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * With SCREENSHOTS=1, saves the viewport as docs/screenshots/<name>.png for the README, scrolled so
 * that `at` (a CSS selector) is at the top when given.
 */
export async function screenshot(page: Page, name: string, at?: string): Promise<void> {
  if (!process.env.SCREENSHOTS) return;
  // the fallback font loads lazily, each weight when text first needs it: wait for both
  await page.evaluate(async () => {
    const text = '個人情報取扱委託 管理システム';
    await document.fonts.load('400 16px "Noto Sans JP Fallback"', text);
    await document.fonts.load('700 16px "Noto Sans JP Fallback"', text);
    await document.fonts.ready;
  });
  await page.evaluate((selector) => {
    const target = selector ? document.querySelector(selector) : null;
    window.scrollTo(0, target ? target.getBoundingClientRect().top + window.scrollY - 12 : 0);
    (document.activeElement as HTMLElement | null)?.blur();
  }, at ?? null);
  const dir = join(process.cwd(), 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}

/** A tiny but real PDF: enough for the attachment checks (magic bytes, type, extension). */
export function samplePdf(text = 'seiyakusho'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

export interface PageAnswer {
  status: number;
  location: string | null;
  html: string;
  /** The body as sent (html is decoded text, without a byte-order mark). */
  bytes: Uint8Array;
  headers: Headers;
}

/**
 * A browser without the browser, for fast page tests through app.request: it keeps the cookies the
 * app sets, posts forms as a browser would (with the CSRF field), and follows nothing by itself.
 */
export async function pageClient(t: TestApp, email?: string, password = PASSWORD) {
  const jar = new Map<string, string>();
  async function request(
    method: string,
    path: string,
    form?: Record<string, string | string[]> | FormData,
    headers: Record<string, string> = {},
  ): Promise<PageAnswer> {
    const body =
      form instanceof FormData
        ? form
        : form
          ? new URLSearchParams(
              Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, x])),
            )
          : undefined;
    const res = await t.app.request(path, {
      method,
      body,
      headers: {
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body instanceof URLSearchParams && { 'content-type': 'application/x-www-form-urlencoded' }),
        ...headers,
      },
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/max-age=0/i.test(cookie) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    return {
      status: res.status,
      location: res.headers.get('location'),
      html: new TextDecoder().decode(bytes),
      bytes,
      headers: res.headers,
    };
  }
  const client = {
    jar,
    get: (path: string) => request('GET', path),
    /** A form post with the session's CSRF token, as the pages' forms send it. */
    post: (path: string, form: Record<string, string | string[]> = {}) =>
      request('POST', path, { ...form, _csrf: jar.get('pg_csrf') ?? '' }),
    upload: (path: string, form: FormData) => {
      form.set('_csrf', jar.get('pg_csrf') ?? '');
      return request('POST', path, form);
    },
    request,
  };
  if (email) {
    const signedIn = await request('POST', '/login', { email, password });
    if (signedIn.status !== 303) throw new Error(`page sign-in of ${email} failed: ${signedIn.status}`);
  }
  return client;
}

/** The text of an HTML page without tags, to look for words in it. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
