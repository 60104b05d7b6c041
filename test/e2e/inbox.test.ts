import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { expectStatus } from '../helpers/contracts.js';
import { answerRest, command, plan } from '../helpers/inspections.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';
import { as, expectAccessible, press, text } from './story.js';

// 受信箱: an inspection record awaiting 決裁 reaches the 係長's inbox, counted in the header of every
// page; the 係長 opens it from there, signs, and it leaves the inbox and the count. Desktop and
// phone, axe-core on each page.

const PHONE = { width: 390, height: 844 };

describe.skipIf(skipBrowserTests())('pages: the inbox', { timeout: 120_000 }, () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  let inspectionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date());
    w = await buildWorld(t);
    const planned = expectStatus(await plan(t, w, { contractId: w.bicycleContractId }), 201);
    const started = expectStatus(await command(t, w, 'inspector', planned, 'start'), 200);
    const submitted = expectStatus(
      await command(t, w, 'inspector', await answerRest(t, w, started.id), 'submit'),
      200,
    );
    expectStatus(await command(t, w, 'ward_officer', submitted, 'approve'), 200);
    inspectionId = submitted.id;
    ({ url: base, close } = await serveApp(t));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
    await t?.close();
  });

  it('brings the 係長 from the inbox to the inspection awaiting their 決裁, and lets it go once signed', async () => {
    const page = await as(browser, base, 'ward_chief');
    // the dashboard's panel, from the same worklist
    const panel = page.getByRole('region', { name: '決裁待ちの実地検査' });
    expect(await text(panel)).toContain('株式会社サイクルサポート東京');
    const inboxLink = page.locator('header').getByRole('link', { name: /^受信箱/ });
    expect(await text(inboxLink)).toMatch(/^受信箱\s*[1-9]/);
    await Promise.all([page.waitForLoadState('load'), inboxLink.click()]);
    expect(await text(page.locator('h1'))).toBe('受信箱');
    await expectAccessible(page);
    const row = page.getByRole('row').filter({ hasText: '実地検査結果の決裁' });
    expect(await text(row)).toContain('株式会社サイクルサポート東京');
    await screenshot(page, 'inbox');
    await Promise.all([page.waitForLoadState('load'), row.getByRole('link').first().click()]);
    expect(new URL(page.url()).pathname).toBe(`/inspections/${inspectionId}`);
    await press(page, '決裁する');
    await page.goto('/notifications');
    expect(await page.getByRole('row').filter({ hasText: '実地検査結果の決裁' }).count()).toBe(0);
    await page.context().close();
  });

  it('reaches the 課長 next, on a phone, without overflowing the screen', async () => {
    const page = await as(browser, base, 'ward_manager', PHONE);
    await page.goto('/notifications');
    await expectAccessible(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.locator(`a[href="/inspections/${inspectionId}"]`).count()).toBe(1);
    await page.context().close();
  });
});
