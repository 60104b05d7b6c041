import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../test/helpers/browser.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../test/helpers/world.js';

// Sign-in and sign-out through the pages, what a page answers when one is not signed in (and what
// the API still answers), languages, the pages' own files and headers.

describe('pages: ログイン, ログアウト and the frame of every page', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('shows the Japanese ログイン page at / to someone not signed in, with a strict CSP', async () => {
    const res = await (await pageClient(t)).get('/');
    expect(res.status).toBe(200);
    expect(res.html).toMatch(/^<!DOCTYPE html><html lang="ja">/);
    expect(textOf(res.html)).toContain('ログイン');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a wrong password with the address kept, and a blank form field by field', async () => {
    const client = await pageClient(t);
    const wrong = await client.request('POST', '/login', {
      email: USERS.ward_officer!.email,
      password: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain('メールアドレスまたはパスワードが正しくありません');
    expect(wrong.html).toContain(`value="${USERS.ward_officer!.email}"`);
    expect(client.jar.has('pg_access')).toBe(false);
    const blank = await client.request('POST', '/login', { email: '', password: '' });
    expect(blank.status).toBe(422);
    expect(blank.html).toContain('id="f-email-error"');
    expect(blank.html).toContain('id="f-password-error"');
  });

  it('answers repeated failures with 429 and Retry-After, on the page', async () => {
    const client = await pageClient(t);
    const email = USERS.inspector!.email;
    for (let i = 0; i < 5; i++) await client.request('POST', '/login', { email, password: `wrong ${i}` });
    const blocked = await client.request('POST', '/login', { email, password: 'still wrong' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.html).toContain('一時的に受け付けを停止しています');
  });

  it('signs in, goes back to a local page only, and shows the dashboard at /', async () => {
    const client = await pageClient(t);
    const res = await client.request('POST', '/login', {
      email: USERS.ward_officer!.email,
      password: 'correct horse battery staple',
      next: '/contracts?status=active',
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/contracts?status=active');
    expect([...client.jar.keys()].sort()).toEqual(['pg_access', 'pg_csrf', 'pg_refresh']);
    expect(textOf((await client.get('/')).html)).toContain('決裁待ちの申請');
    for (const next of ['//evil.example', '/\\evil.example', 'https://evil.example/']) {
      const other = await pageClient(t);
      const r = await other.request('POST', '/login', {
        email: USERS.ward_officer!.email,
        password: 'correct horse battery staple',
        next,
      });
      expect(r.location, next).toBe('/');
    }
  });

  it('refuses a sign-in form posted from another site (login CSRF)', async () => {
    const client = await pageClient(t);
    const res = await client.request(
      'POST',
      '/login',
      { email: USERS.ward_officer!.email, password: 'correct horse battery staple' },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(client.jar.has('pg_access')).toBe(false);
  });

  it('sends a page request without a session to ログイン with where it was going; the API answers 401', async () => {
    const client = await pageClient(t);
    const page = await client.get('/contracts?q=自転車');
    expect(page.status).toBe(303);
    expect(page.location).toBe(
      `/?next=${encodeURIComponent(`/contracts?q=${encodeURIComponent('自転車')}`)}`,
    );
    const api = await client.get('/api/v1/contracts');
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers /login typed by hand with the sign-in page, keeping a local destination only', async () => {
    const client = await pageClient(t);
    const plain = await client.get('/login');
    expect(plain.status).toBe(303);
    expect(plain.location).toBe('/');
    const next = await client.get(`/login?next=${encodeURIComponent('/contracts')}`);
    expect(next.location).toBe(`/?next=${encodeURIComponent('/contracts')}`);
    const away = await client.get(`/login?next=${encodeURIComponent('https://evil.example/')}`);
    expect(away.location).toBe('/');
  });

  it('needs the CSRF token to sign out, and then the session no longer works', async () => {
    const client = await pageClient(t, USERS.ward_chief!.email);
    const forged = await client.request('POST', '/logout', {});
    expect(forged.status).toBe(403);
    expect(textOf(forged.html)).toContain('CSRFトークン');
    const cookies = new Map(client.jar);
    const out = await client.post('/logout');
    expect(out.status).toBe(303);
    expect(out.location).toBe('/?notice=signedOut');
    expect(client.jar.has('pg_access')).toBe(false);
    // the old cookies, replayed, are refused: the session was revoked, not just forgotten
    const replay = await pageClient(t);
    for (const [k, v] of cookies) replay.jar.set(k, v);
    expect((await replay.get('/contracts')).status).toBe(303);
  });

  it('answers unknown pages with a Japanese 404 page, unknown API paths with problem+json', async () => {
    const client = await pageClient(t, USERS.ward_officer!.email);
    for (const path of [
      '/no-such-page',
      '/contracts/not-a-uuid',
      `/contracts/${w.bicycleContractId}/nothing`,
    ]) {
      const res = await client.get(path);
      expect(res.status, path).toBe(404);
      expect(res.html, path).toContain('ページが見つかりません');
    }
    const api = await client.get('/api/v1/no-such-thing');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('switches to English with ?lang=en and remembers it in a cookie', async () => {
    const client = await pageClient(t, USERS.ward_officer!.email);
    const en = await client.get('/?lang=en');
    expect(en.html).toContain('<html lang="en">');
    expect(textOf(en.html)).toContain('Applications awaiting your sign-off');
    expect(client.jar.get('pg_lang')).toBe('en');
    expect((await client.get('/contracts')).html).toContain('<h1>Contracts</h1>');
    expect((await client.get('/contracts?lang=ja')).html).toContain('<h1>委託契約</h1>');
  });

  it('serves its own CSS, script and fallback font, cacheable, and nothing else under /assets', async () => {
    const client = await pageClient(t);
    const page = (await client.get('/')).html;
    const css = page.match(/href="(\/assets\/app\.css\?v=[^"]+)"/)?.[1];
    const js = page.match(/src="(\/assets\/app\.js\?v=[^"]+)"/)?.[1];
    expect((await client.get(css!)).headers.get('content-type')).toContain('text/css');
    expect((await client.get(js!)).headers.get('cache-control')).toContain('immutable');
    const font = await client.get('/assets/fonts/noto-sans-jp-400.ttf');
    expect(font.headers.get('content-type')).toBe('font/ttf');
    expect((await client.get('/assets/fonts/..%2F..%2Fpackage.json')).status).toBe(404);
  });
});
