import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJapanDate } from '../../src/domain/shared/japan-date.js';
import { launchBrowser, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';
import { as, expectAccessible, notice, press, text } from './story.js';

// 事前承認 in the browser: the contractor applies to copy part of the register from the contract
// page, the ward's chain signs it from each signer's dashboard queue, and the contractor records the
// copying done. axe-core checks the form and the record.

describe.skipIf(skipBrowserTests())('a prior approval for copying', { timeout: 120_000 }, () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  let recordPath = '';
  const today = toJapanDate(new Date());

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date());
    w = await buildWorld(t);
    ({ url: base, close } = await serveApp(t));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
    await t?.close();
  });

  it('is applied for by the contractor from the contract page', async () => {
    const page = await as(browser, base, 'contractor_manager');
    await page.goto(`${base}/contracts/${w.bicycleContractId}`);
    await page.getByRole('link', { name: '事前承認を申請する' }).click();
    await page.waitForLoadState('load');
    await expectAccessible(page);
    await page.getByLabel('種類').selectOption('copy');
    await page.getByLabel('理由・必要性').fill('返還通知の発送作業のため、撤去車両所有者の名簿を2部複写する');
    const items = page.locator('input[type="checkbox"][name^="itemKeys"]');
    await items.nth(0).check();
    await items.nth(1).check();
    await page.getByLabel('部数・数量').fill('2');
    await page.getByLabel('開始日').fill(today);
    await page.getByLabel('終了日').fill(today);
    await page.getByLabel('場所（複写・持出し先・廃棄の場所）').fill('受託者事業所（執務室内）');
    await press(page, /^申請する$/);
    expect(await notice(page)).toBe('登録しました。');
    recordPath = new URL(page.url()).pathname;
    expect(await text(page.locator('dl.details'))).toContain('申請中（決裁中）');
    await expectAccessible(page);
  });

  it('is signed 担当者 → 係長 → 課長, each from their dashboard', async () => {
    for (const who of ['ward_officer', 'ward_chief', 'ward_manager']) {
      const page = await as(browser, base, who);
      const queue = page.getByRole('region', { name: '決裁待ちの事前承認' });
      await queue
        .getByRole('link', { name: /複写・複製/ })
        .first()
        .click();
      await page.waitForLoadState('load');
      expect(new URL(page.url()).pathname).toBe(recordPath);
      await press(page, /^承認$/);
      expect(await notice(page), who).toBe('決裁の操作を記録しました。');
      await page.close();
    }
  });

  it('is recorded done by the contractor', async () => {
    const page = await as(browser, base, 'contractor_manager');
    await page.goto(`${base}${recordPath}`);
    expect(await text(page.locator('dl.details'))).toContain('承認済み');
    await expectAccessible(page);
    await page.getByLabel('実施日').fill(today);
    await press(page, /^実施を記録$/);
    expect(await notice(page)).toBe('保存しました。');
    expect(await text(page.locator('dl.details'))).toContain('実施済み');
  });
});
