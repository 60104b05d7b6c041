import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  pageClient,
  seriousViolations,
  serveApp,
  signedInPage,
  skipBrowserTests,
} from '../../../../test/helpers/browser.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { startWebhookReceiver } from '../../../../test/helpers/webhook-receiver.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// Webhook の送信先: the settings page of a ward's 係長・課長 and a company's managers — register,
// see the secret once, send a test and see it in the delivery history; others are refused.

let t: TestApp;
let w: World;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  t = await createTestApp({ deps: { webhooks: { allowPrivate: true } } });
  t.clock.set(new Date());
  w = await buildWorld(t);
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('pages: webhook endpoints (forms)', () => {
  it('is in the menu of the 課長 and a company manager only, and refused to the others', async () => {
    const manager = await pageClient(t, USERS.ward_manager!.email);
    expect((await manager.get('/')).html).toContain('href="/settings/webhooks"');
    const officer = await pageClient(t, USERS.ward_officer!.email);
    expect((await officer.get('/')).html).not.toContain('href="/settings/webhooks"');
    expect((await officer.get('/settings/webhooks')).status).toBe(403);
    const company = await pageClient(t, USERS.contractor_manager!.email);
    expect((await company.get('/')).html).toContain('href="/settings/webhooks"');
  });

  it("asks a company which municipality's events, and keeps what was typed on a refusal", async () => {
    const company = await pageClient(t, USERS.contractor_manager!.email);
    const form = await company.get('/settings/webhooks');
    expect(form.html).toContain('新宿区');
    expect(form.html).not.toContain('練馬区');
    const refused = await company.post('/settings/webhooks', {
      url: receiver.url('/company'),
      eventTypes: ['incident.reported'],
    });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('自治体を選んでください');
    expect(refused.html).toContain(receiver.url('/company'));
    const foreign = await company.post('/settings/webhooks', {
      url: receiver.url('/company'),
      eventTypes: ['incident.reported'],
      wardId: w.otherWardId,
    });
    expect(foreign.status).toBe(404);
    const created = await company.post('/settings/webhooks', {
      url: receiver.url('/company'),
      eventTypes: ['incident.reported'],
      wardId: w.wardId,
    });
    expect(created.status).toBe(201);
    expect(created.html).toMatch(/whsec_[A-Za-z0-9+/=]+/);
    // shown once: the next visit has no secret
    expect((await company.get('/settings/webhooks')).html).not.toMatch(/whsec_/);
  });
});

describe.skipIf(skipBrowserTests())('pages: webhook endpoints in Chromium', { timeout: 90_000 }, () => {
  let browser: Browser;
  let base: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ url: base, close } = await serveApp(t));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  it('registers an endpoint, shows its secret once, sends a test and lists the delivery (phone size, axe)', async () => {
    const { context, page } = await signedInPage(browser, base, USERS.ward_manager!.email, {
      viewport: { width: 390, height: 844 },
    });
    await page.goto('/settings/webhooks');
    await page.getByLabel('送信先 URL').fill(receiver.url('/browser'));
    await page.getByLabel('事故報告').uncheck();
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('heading', { name: '署名鍵（この一度だけ表示します）' }).waitFor();
    expect(await page.locator('[data-secret]').textContent()).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'テスト送信' }).click();
    await page.getByText('テスト送信の結果：HTTP 200').waitFor();
    expect(receiver.at('/browser')).toHaveLength(1);
    const history = page.getByRole('region', { name: `送信履歴：${receiver.url('/browser')}`, exact: true });
    await history.getByText('送信済み').waitFor();
    expect(await page.locator('[data-secret]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
