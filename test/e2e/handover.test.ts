import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLocal } from '../../src/http/pages/handover/shared.js';
import { launchBrowser, screenshot, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { ownersCsv } from '../helpers/handover.js';
import { pdfText } from '../helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld } from '../helpers/world.js';
import { as, expectAccessible, notice, text } from './story.js';

// Encrypted media handover and erasure in the browser (seed 003 運用8・13): the privacy officer
// prepares the 撤去車両所有者 package, downloads the package and its password notice, records the
// media and — on a separate occasion only — the password notice; the contractor stores it, records
// its erasure and downloads the signed certificate.

const HOUR = 3600 * 1000;

/** Presses the submit button of one form (by its section id) and waits for the answer. */
async function submitIn(page: Page, form: string, name: string) {
  await Promise.all([
    page.waitForLoadState('load'),
    page.locator(`#form-${form}`).getByRole('button', { name }).click(),
  ]);
  await page.waitForLoadState('load');
}

describe.skipIf(skipBrowserTests())('handover and erasure in the browser', { timeout: 120_000 }, () => {
  let t: TestApp;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  let packageUrl = '';
  let prepared = 0;

  beforeAll(async () => {
    t = await createTestApp();
    // Cookies expire by the browser's clock: the app's clock starts at the real one.
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

  it('lets the officer prepare a package and record the two handovers on separate occasions', async () => {
    const page = await as(browser, base, 'ward_officer');
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '受渡・消去' })
      .click();
    await page.getByRole('link', { name: '受渡データを作成する' }).click();
    await page.getByLabel('契約').selectOption({ label: '総合自転車対策業務一括委託' });
    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByLabel('件名（受渡データの名称）').fill('撤去車両所有者情報（令和8年度分）');
    const owners = page.getByRole('group', { name: '撤去車両所有者' });
    for (const box of await owners.getByRole('checkbox').all()) await box.check();
    await page.getByLabel('暗号化するファイル').setInputFiles({
      name: '撤去車両所有者一覧.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(ownersCsv(200)),
    });
    await expectAccessible(page);
    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name: '暗号化して作成する' }).click(),
    ]);
    prepared = t.clock.now().getTime();
    expect(await text(page.locator('h1'))).toBe('受渡データを作成しました');
    await expectAccessible(page);
    for (const [link, file] of [
      ['受渡データ（暗号化ファイル）をダウンロード', /^package-.+\.jwe$/],
      ['パスワード通知書（PDF）をダウンロード', /^password-notice-.+\.pdf$/],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: link }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(file);
      const bytes = await readFile((await download.path())!);
      if (file.source.endsWith('pdf$'))
        expect((await pdfText(bytes)).text.replace(/\s/g, '')).toContain('パスワード通知書');
      else expect(bytes.toString()).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./);
    }
    await page.getByRole('link', { name: '受渡データの記録へ' }).click();
    packageUrl = page.url();

    // two hours later: the media was handed over 10 minutes after it was made, the password notice
    // first tried 20 minutes after that (the same visit: refused), then 90 minutes after the media
    t.clock.set(new Date(prepared + 2 * HOUR));
    await page.reload();
    const media = page.locator('#form-media');
    await media.getByLabel('受渡日時').fill(toLocal(new Date(prepared + 10 * 60 * 1000)));
    await media
      .getByLabel('受け取った者（受領者の取扱者名簿から選択）')
      .selectOption({ label: '戸山 恵（取扱者）' });
    await media.getByLabel('本人確認の方法').selectOption({ label: '社員証・職員証' });
    await submitIn(page, 'media', '記録する');
    expect(await notice(page)).toBe('保存しました。');
    const password = page.locator('#form-password');
    await password.getByLabel('受渡日時').fill(toLocal(new Date(prepared + 30 * 60 * 1000)));
    await password
      .getByLabel('受け取った者（受領者の取扱者名簿から選択）')
      .selectOption({ label: '戸山 恵（取扱者）' });
    await submitIn(page, 'password', '記録する');
    expect(await text(page.locator('#form-password').getByRole('alert'))).toContain(
      'パスワード通知書は電磁的媒体とは別の機会（1時間以上後）に手渡ししてください',
    );
    await expectAccessible(page);
    await page
      .locator('#form-password')
      .getByLabel('受渡日時')
      .fill(toLocal(new Date(prepared + 100 * 60 * 1000)));
    await submitIn(page, 'password', '記録する');
    const timeline = await text(page.locator('#timeline ~ section, section:has(#timeline)'));
    expect(timeline).toContain('電磁的媒体の受渡し');
    expect(timeline).toContain('パスワード通知書の受渡し');
    await expectAccessible(page);
    await screenshot(page, 'handover-package', '#timeline');
  });

  it('lets the contractor keep the media, record its erasure and download the certificate', async () => {
    const page = await as(browser, base, 'contractor_manager');
    await page.goto(packageUrl);
    expect(await page.getByRole('link', { name: /ブラウザで復号する/ }).getAttribute('href')).toBe(
      '/api/v1/handover-packages/open',
    );
    const store = page.locator('#form-store');
    await store.getByLabel('保管場所').fill('執務室内の施錠できるキャビネット');
    await store.getByLabel('鍵を管理する取扱責任者').selectOption({ index: 1 });
    await submitIn(page, 'store', '記録する');
    expect(await text(page.locator('.badge').first())).toBe('保管中');

    await page.goto('/handover');
    await page.getByRole('link', { name: '消去を記録する' }).click();
    await page.getByLabel('契約').selectOption({ label: '総合自転車対策業務一括委託' });
    await page.getByRole('button', { name: '次へ' }).click();
    for (const select of await page.locator('select[name^="item."]').all())
      await select.selectOption('erased');
    await page.getByRole('checkbox', { name: /撤去車両所有者情報（令和8年度分）/ }).check();
    await page.getByRole('checkbox', { name: 'データ消去ソフトによる消去' }).check();
    await page.getByLabel('データ消去ソフトの名称（版）').fill('DataEraser Pro 5.2');
    await page.getByLabel('消去した者（取扱者名簿から選択）').selectOption({ label: '戸山 恵（取扱者）' });
    await page.getByLabel('氏名（1行目）').fill('交通 花子');
    await page.getByLabel('立場（1行目）').selectOption({ label: '区職員' });
    await expectAccessible(page);
    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name: '消去を記録する' }).click(),
    ]);
    expect(await notice(page)).toBe('保存しました。');
    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name: '消去証明書を発行する' }).click(),
    ]);
    await page.waitForLoadState('load');
    // the public page, with this certificate's number and code filled in (as its QR code)
    expect(await page.getByRole('link', { name: /消去証明書の検証ページ/ }).getAttribute('href')).toMatch(
      /^\/verify\?number=\d{4}-\d{4}&code=[0-9a-f]{64}$/,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '消去証明書（PDF）をダウンロード' }).click(),
    ]);
    const pdf = await pdfText(await readFile((await download.path())!));
    expect(pdf.text.replace(/\s/g, '')).toContain('消去証明書');
    await expectAccessible(page);
    await screenshot(page, 'erasure-certificate', 'main');
    await page.goto(packageUrl);
    expect(await text(page.locator('.badge').first())).toBe('消去済み');
  });
});
