import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientErrors } from '../../src/adapters/node-client-errors.js';
import { readAsset } from '../../src/node-runtime.js';
import { launchBrowser, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { rawRequest } from '../helpers/http-server.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';

// Over a real socket, as `npm start` serves them: every answer — page or API, success or
// error, the API reference and the OpenAPI document — carries the security headers. In-process
// calls (app.request) cannot show headers that @hono/node-server loses on the way to the wire.

let t: TestApp;
let w: World;
let http: Awaited<ReturnType<typeof serveApp>>;

beforeAll(async () => {
  t = await createTestApp({ deps: { readAsset } });
  w = await buildWorld(t);
  http = await serveApp(t);
});
afterAll(async () => {
  await http.close();
  await t.close();
});

function expectSecurityHeaders(res: Response, what: string) {
  const h = res.headers;
  expect(h.get('x-content-type-options'), what).toBe('nosniff');
  expect(h.get('x-frame-options'), what).toBe('DENY');
  expect(h.get('strict-transport-security'), what).toMatch(/max-age=\d{7,}/);
  expect(h.get('referrer-policy'), what).toBe('no-referrer');
  expect(h.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
  expect(h.get('x-request-id'), what).toBeTruthy();
}

describe('security headers over HTTP', () => {
  it('are on every kind of answer', async () => {
    const bearer = { authorization: `Bearer ${w.tokens.ward_officer}` };
    const cases: Array<[string, RequestInit, number]> = [
      ['/healthz', {}, 200],
      ['/api/v1/contracts', { headers: bearer }, 200],
      [`/api/v1/contracts/${crypto.randomUUID()}`, { headers: bearer }, 404],
      ['/api/v1/auth/session', {}, 401],
      ['/api/v1/nothing-here', {}, 404],
      [
        '/api/v1/auth/sign-in',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' },
        400,
      ],
      ['/api/openapi.json', {}, 200],
      ['/api/docs', {}, 200],
      ['/api/docs/init.js', {}, 200],
      ['/', {}, 200],
      ['/contracts', {}, 303],
      ['/no-such-page', {}, 404],
      ['/assets/app.css', {}, 200],
    ];
    for (const [path, init, status] of cases) {
      const res = await fetch(`${http.url}${path}`, { redirect: 'manual', ...init });
      await res.arrayBuffer();
      expect(res.status, path).toBe(status);
      expectSecurityHeaders(res, `${init.method ?? 'GET'} ${path}`);
      // HEAD answers the same headers as GET, without the body
      if (!init.method) {
        const head = await fetch(`${http.url}${path}`, {
          method: 'HEAD',
          redirect: 'manual',
          headers: init.headers,
        });
        expect(head.status, `HEAD ${path}`).toBe(status);
        expectSecurityHeaders(head, `HEAD ${path}`);
      }
    }
    // a body over the limit is refused before it is read
    const big = await rawRequest(`${http.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x@example.jp', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expectSecurityHeaders(new Response(null, { headers: big.headers }), 'a body over the limit');
  });

  it('keeps the pages’ own policy, and the API reference may not be framed', async () => {
    const page = await fetch(`${http.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const docs = await fetch(`${http.url}/api/docs`);
    expect(docs.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(docs.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('requests Node refuses before the app sees them', () => {
  it('are answered with problem+json and the security headers, as `npm start` serves them', async () => {
    const server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
    answerClientErrors(server);
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    try {
      // a header of 20 KB (a forged token, say) is over Node's limit
      const huge = await rawRequest(`http://127.0.0.1:${port}/api/v1/auth/session`, {
        headers: { authorization: `Bearer ${'A'.repeat(20_000)}` },
      });
      expect(huge.status).toBe(431);
      expectSecurityHeaders(new Response(null, { headers: huge.headers }), 'headers too large');
      expect(JSON.parse(huge.body)).toMatchObject({
        status: 431,
        title_ja: 'リクエストヘッダーが大きすぎます',
      });
      // a malformed request line
      const malformed = await new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1', () =>
          socket.write('GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n'),
        );
        let answer = '';
        socket.on('data', (chunk) => {
          answer += chunk;
        });
        socket.on('close', () => resolve(answer));
      });
      expect(malformed).toMatch(/^HTTP\/1\.1 400/);
      expect(malformed.toLowerCase()).toContain('x-content-type-options: nosniff');
      expect(malformed.toLowerCase()).toContain("frame-ancestors 'none'");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe.skipIf(skipBrowserTests())('the API reference under its policy', () => {
  it('draws Swagger UI in Chromium without a Content-Security-Policy violation', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const refused: string[] = [];
      page.on('console', (m) => {
        if (/Content.Security.Policy/i.test(m.text())) refused.push(m.text());
      });
      await page.goto(`${http.url}/api/docs`);
      await page.locator('.swagger-ui .info .title').waitFor({ timeout: 20_000 });
      expect(await page.locator('.swagger-ui .info .title').textContent()).toContain('Privacy-governance');
      expect(refused).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
