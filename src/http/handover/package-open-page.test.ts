import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, skipBrowserTests } from '../../../test/helpers/browser.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { encryptPackage, generatePackagePassword } from '../../domain/handover/package-crypto.js';
import { sha256Hex } from '../../domain/shared/sha256.js';

// The recipient's decryption page in a real browser (Debian's Chromium through playwright-core):
// it opens what the server's jose made, with Web Crypto, and sends nothing anywhere.

// Skipped, with a note, where Chromium is missing, unless REQUIRE_BROWSER is set (as in CI).
const skip = skipBrowserTests();
const MiB = 1024 * 1024;
let t: TestApp;
let browser: Browser;
let server: ReturnType<typeof serve>;
let base: string;
let dir: string;

const csv = new TextEncoder().encode('撤去日,住所,氏名\n2026-04-01,東京都新宿区西新宿2-8-1,新宿 太郎\n');
const scan = new Uint8Array(12 * MiB).map((_, i) => (i * 31) % 251);
const password = generatePackagePassword();
let file: string;

beforeAll(async () => {
  if (skip) return;
  t = await createTestApp();
  server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), 'open-page-'));
  const { jwe } = await encryptPackage(
    'browser-pkg',
    [
      { name: '撤去車両所有者一覧.csv', contentType: 'text/csv', bytes: csv },
      { name: 'scan.pdf', contentType: 'application/pdf', bytes: scan },
    ],
    password,
  );
  file = join(dir, 'package.jwe');
  await writeFile(file, jwe);
});
afterAll(async () => {
  if (skip) return;
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
  await t?.close();
});

async function openPage() {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const res = await page.goto(`${base}/api/v1/handover-packages/open`);
  return { page, requests, res: res! };
}

describe.skipIf(skip)('the decryption page', () => {
  it('is served without sign-in, with a policy that forbids any network access', async () => {
    const { page, res } = await openPage();
    expect(res.status()).toBe(200);
    const csp = res.headers()['content-security-policy']!;
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(
      await page.evaluate(() =>
        fetch('/healthz').then(
          () => 'sent',
          () => 'blocked',
        ),
      ),
    ).toBe('blocked');
    await page.close();
  });

  it('decrypts what the server encrypted, every file intact, without a single request', async () => {
    const { page, requests } = await openPage();
    await page.setInputFiles('#file', file);
    await page.fill('#password', password.toLowerCase());
    await page.click('button[type=submit]');
    await page.waitForSelector('#message.ok', { timeout: 20_000 });
    const hashes = await page.$$eval('#result li', (items) =>
      items.map((li) => (li as HTMLElement).dataset.sha256),
    );
    expect(hashes).toEqual([await sha256Hex(csv), await sha256Hex(scan)]);
    expect(await page.textContent('#result')).toContain('撤去車両所有者一覧.csv');
    expect(await page.textContent('#message')).toContain('browser-pkg');
    expect(await page.inputValue('#password')).toBe('');
    expect(requests).toEqual([`${base}/api/v1/handover-packages/open`]);
    await page.close();
  });

  it('says clearly when the password is wrong, and offers nothing', async () => {
    const { page } = await openPage();
    await page.setInputFiles('#file', file);
    await page.fill('#password', 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
    await page.click('button[type=submit]');
    await page.waitForSelector('#message.error', { timeout: 20_000 });
    expect(await page.textContent('#message')).toContain('パスワードが違う');
    expect(await page.$$('#result li')).toHaveLength(0);
    await page.close();
  });
});

describe.skipIf(skip)('the certificate verification page', () => {
  it('is public, may only call this server, and shows the answer of the check', async () => {
    const page = await browser.newPage();
    const res = (await page.goto(`${base}/api/v1/certificate-verification`))!;
    expect(res.status()).toBe(200);
    expect(res.headers()['content-security-policy']).toContain("connect-src 'self'");
    await page.fill('#number', '2026-0001');
    await page.fill('#code', 'ab'.repeat(32));
    await page.click('#byCode button[type=submit]');
    await page.waitForSelector('#result.unknown', { timeout: 10_000 });
    expect(await page.textContent('#result')).toContain('不明');
    await page.evaluate(() => {
      document.querySelector('#result')!.textContent = '';
    });
    await page.fill('#jws', 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln');
    await page.click('#byJws button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#result')?.textContent?.includes('Unknown'));
    await page.close();
  });
});
