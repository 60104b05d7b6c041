import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld } from '../helpers/world.js';
import { as, expectAccessible, notice, press, text } from './story.js';

// The inspector on a phone (390×844): plans the year's inspection of the bicycle-measures
// contractor, starts it and answers the checklist one item at a time; a reload in the middle
// loses nothing saved; a × without what was seen is refused beside its fields, then saved with a
// photo and becomes a finding. Every page fits the screen and passes axe-core.

const PHONE = { width: 390, height: 844 };
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function fitsAndPasses(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, page.url()).toBeLessThanOrEqual(0);
  await expectAccessible(page);
}

describe.skipIf(skipBrowserTests())('pages: an inspection on a phone', { timeout: 120_000 }, () => {
  let t: TestApp;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date());
    await buildWorld(t);
    ({ url: base, close } = await serveApp(t));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
    await t?.close();
  });

  it('plans, answers item by item, survives a reload and records a × as a finding', async () => {
    const page = await as(browser, base, 'inspector', PHONE);
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '実地検査' })
      .click();
    await page.waitForLoadState('load');
    expect(await text(page.locator('h1'))).toMatch(/^実地検査計画/);
    await fitsAndPasses(page);

    const due = page.getByRole('region', { name: '実施が必要な委託先等' });
    await due
      .getByRole('listitem')
      .filter({ hasText: '株式会社サイクルサポート東京' })
      .getByRole('link', { name: 'この委託先等の検査を予定する' })
      .click();
    await page.waitForLoadState('load');
    await fitsAndPasses(page);
    await page.getByLabel('実施場所').fill('株式会社サイクルサポート東京 本社');
    await press(page, '実地検査を予定する');
    expect(await notice(page)).toBe('登録しました。');
    await press(page, '検査を開始する');
    await fitsAndPasses(page);

    // one item at a time: ○, then 該当なし, each saved on its own
    await page.getByRole('link', { name: '未確認の項目から入力する' }).first().click();
    await page.waitForLoadState('load');
    expect(await text(page.locator('h1'))).toMatch(/^確認項目 /);
    await fitsAndPasses(page);
    await page.getByLabel('○（適）').check();
    await press(page, '保存して次の項目へ');
    expect(await notice(page)).toBe('確認結果を保存しました。');
    await page.getByLabel('該当なし').check();
    await page.getByLabel('遠隔確認の方法').selectOption('video');
    await press(page, '保存して次の項目へ');
    const third = page.url();

    // the phone loses the page: what was saved is still there
    await page.reload();
    await page.getByRole('link', { name: '前の項目' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByLabel('該当なし').isChecked()).toBe(true);
    expect(await page.getByLabel('遠隔確認の方法').inputValue()).toBe('video');
    await page.getByRole('link', { name: '前の項目' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByLabel('○（適）').isChecked()).toBe(true);
    await page.goto(third);

    // a × needs what was seen and a deadline: refused beside the fields, the choice kept
    await page.getByLabel('×（否）').check();
    await press(page, '保存する');
    expect(await text(page.locator('#f-observation-error'))).toContain('確認内容');
    expect(await text(page.locator('#f-improvementDueOn-error'))).toContain('改善期限');
    expect(await page.getByLabel('×（否）').isChecked()).toBe(true);
    await fitsAndPasses(page);
    await page.getByLabel('確認内容（確認した事実）').fill('施錠されていない保管庫があった');
    const deadline = new Date(Date.now() + 30 * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
    await page.getByLabel('改善期限（委託先等と協議した期限）').fill(deadline);
    await page
      .getByLabel(/写真を追加/)
      .setInputFiles({ name: '保管庫.png', mimeType: 'image/png', buffer: PNG });
    await press(page, '保存する');
    expect(await notice(page)).toBe('確認結果を保存しました。');
    const finding = page.getByRole('region', { name: '指摘事項' });
    expect(await text(finding)).toContain('改善待ち');
    expect(await page.locator('.photos img').count()).toBe(1);
    await fitsAndPasses(page);
    await screenshot(page, 'phone-inspection', 'h1');

    await page.getByRole('link', { name: '検査の概要へ戻る' }).click();
    await page.waitForLoadState('load');
    const overview = await text(page.locator('main'));
    expect(overview).toContain('施錠されていない保管庫があった');
    expect(overview).toMatch(/3 \/ \d+ 項目を確認済み/);
    await fitsAndPasses(page);
    await page.context().close();
  });
});
