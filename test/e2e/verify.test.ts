import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  screenshot,
  serveApp,
  skipBrowserTests,
  skipFallbackFont,
} from '../helpers/browser.js';
import { certifyFinalErasure, ERASURES, listedHandlers } from '../helpers/handover.js';
import { pdfText } from '../helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';
import { expectAccessible, text } from './story.js';

// The public verification page (/verify) as someone holding a paper certificate meets it: the
// address printed on the certificate (and in its QR code) opens it with the number and code filled
// in; it says valid and shows the times in Japan time, as the paper does; a wrong code says so;
// in English on request; nobody needs to sign in. axe-core checks it.

describe.skipIf(skipBrowserTests())('the certificate verification page', { timeout: 120_000 }, () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  let printedUrl = '';
  let certificate: {
    certificateNumber: string;
    payloadSha256: string;
    jws: string;
    payload: { erasedAt: string };
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    ({ url: base, close } = await serveApp(t));
    browser = await launchBrowser();
    const token = w.tokens.contractor_manager!;
    const people = await listedHandlers(t, token, w.bicycleContractId);
    certificate = await certifyFinalErasure(t, token, w.bicycleContractId, Object.values(people)[0]!);
    const record = (await t.call('GET', ERASURES, { token })).body.items[0];
    // the certificate as the server hands it out, from the address a browser uses
    const res = await fetch(`${base}${ERASURES}/${record.id}/certificate/pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const flat = (await pdfText(new Uint8Array(await res.arrayBuffer()))).text.replace(/\s/g, '');
    printedUrl = /検証ページ：(\S+?\/verify\?number=[^&]+&code=[0-9a-f]{64})/.exec(flat)![1]!;
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
    await t?.close();
  });

  const visit = async (url: string) => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    context.setDefaultTimeout(5000);
    await skipFallbackFont(context);
    const page = await context.newPage();
    const res = (await page.goto(url))!;
    return { page, res, context };
  };

  it('opens from the printed address with the code filled in, says valid, in Japan time', async () => {
    expect(printedUrl).toBe(
      `${base}/verify?number=${certificate.certificateNumber}&code=${certificate.payloadSha256}`,
    );
    const { page, res, context } = await visit(printedUrl);
    expect(res.status()).toBe(200);
    // a page of the product: its stylesheet, no menu for a visitor who is not signed in
    expect(await page.locator('link[rel=stylesheet]').count()).toBe(1);
    expect(await page.locator('nav.site-nav').count()).toBe(0);
    expect(await text(page.locator('h1'))).toBe('消去証明書の検証');
    expect(await page.getByLabel('証明書番号').inputValue()).toBe(certificate.certificateNumber);
    const result = await text(page.getByRole('region', { name: '確認の結果' }));
    expect(result).toContain('有効：この証明書は発行されたとおりです');
    expect(result).toContain('株式会社サイクルサポート東京');
    // the erasure time as the paper prints it: Japan time, never a UTC "Z" time
    const erased = new Date(certificate.payload.erasedAt);
    const japan = new Date(erased.getTime() + 9 * 3600 * 1000).toISOString();
    expect(result).toContain(`${japan.slice(0, 10)} ${japan.slice(11, 16)}`);
    expect(result).not.toMatch(/\d{2}:\d{2}(:\d{2})?(\.\d+)?Z/);
    expect(result).toContain('日本時間');
    await expectAccessible(page);
    await screenshot(page, 'verify-valid');
    await context.close();
  });

  it('warns of a code that is not the certificate’s, and asks for what is missing', async () => {
    const wrong = `${base}/verify?number=${certificate.certificateNumber}&code=${'ab'.repeat(32)}`;
    const { page, context } = await visit(wrong);
    expect(await text(page.getByRole('region', { name: '確認の結果' }))).toContain('改ざんの疑い');
    await context.close();
    const short = await visit(`${base}/verify?number=${certificate.certificateNumber}&code=123`);
    expect(short.res.status()).toBe(422);
    expect(await text(short.page.locator('.error-summary'))).toContain('64文字');
    await short.context.close();
    // the code alone (a link or QR code that carries only it) is enough to find the certificate
    const alone = await visit(`${base}/verify?code=${certificate.payloadSha256}`);
    expect(await text(alone.page.getByRole('region', { name: '確認の結果' }))).toContain('有効');
    await alone.context.close();
    const nothing = await visit(`${base}/verify?code=${'cd'.repeat(32)}`);
    expect(await text(nothing.page.getByRole('region', { name: '確認の結果' }))).toContain('不明');
    await nothing.context.close();
  });

  it('checks a number and code typed by hand, in English on request', async () => {
    const { page, context } = await visit(`${base}/verify?lang=en`);
    expect(await text(page.locator('h1'))).toBe('Verify an erasure certificate');
    await page.getByLabel('Certificate number').fill(`第${certificate.certificateNumber}号`);
    await page
      .getByLabel('Verification code (SHA-256)')
      .fill(certificate.payloadSha256.replace(/(.{16})/g, '$1 ').toUpperCase());
    await Promise.all([
      page.waitForURL(/\/verify\?number=/),
      page.getByRole('button', { name: 'Check' }).first().click(),
    ]);
    expect(await text(page.getByRole('region', { name: 'Result' }))).toContain('Valid');
    await expectAccessible(page);
    await context.close();
  });

  it('checks the signed file (JWS) pasted into the form, signed in or not', async () => {
    const post = (jws: string) =>
      fetch(`${base}/verify`, { method: 'POST', body: new URLSearchParams({ jws }) });
    const valid = await post(certificate.jws);
    expect(valid.status).toBe(200);
    expect(await valid.text()).toContain('有効：この証明書は発行されたとおりです');
    expect(await (await post('not.a.certificate')).text()).toContain('不明：');
    expect((await post('')).status).toBe(422);
  });
});
