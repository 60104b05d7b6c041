import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode } from '../../src/domain/auth/second-factor/totp.js';
import { launchBrowser, serveApp, skipBrowserTests, skipFallbackFont } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, PASSWORD, USERS } from '../helpers/world.js';
import { as, expectAccessible, notice, press, text } from './story.js';

// The second factor in the browser: a contractor's manager sets up an authenticator app from the
// QR code (the test plays the app, computing codes from the key shown for typing by hand), keeps
// the recovery codes, and signs in again with a code and with a recovery code; the ward's 課長
// makes the second factor required, and the inspector is led through setting it up at sign-in.
// axe-core checks each page.

describe.skipIf(skipBrowserTests())(
  'the second factor (二要素認証) in the pages',
  { timeout: 120_000 },
  () => {
    let t: TestApp;
    let base: string;
    let close: () => Promise<void>;
    let browser: Browser;
    let secret = '';
    let recovery: string[] = [];

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

    /** The authenticator app: the code of the key for the app's clock, a new step each time. */
    const code = (key: string) => {
      t.clock.advance(30_000);
      return currentCode(key, t.clock.now());
    };

    async function passwordStep(email: string): Promise<Page> {
      const context = await browser.newContext({ baseURL: base, locale: 'ja-JP' });
      context.setDefaultTimeout(5000);
      await skipFallbackFont(context);
      const page = await context.newPage();
      await page.goto('/');
      await page.getByLabel('メールアドレス').fill(email);
      await page.getByLabel('パスワード').fill(PASSWORD);
      await press(page, 'ログイン');
      return page;
    }

    const readSecret = async (page: Page) => (await text(page.locator('code.secret'))).replace(/\s/g, '');

    it('lets a user set up an authenticator app from the QR code and keep the recovery codes', async () => {
      const page = await as(browser, base, 'contractor_manager');
      await page.getByRole('link', { name: '二要素認証' }).click();
      expect(await text(page.locator('dl.details'))).toContain('無効');
      await expectAccessible(page);
      await press(page, '二要素認証を設定する');
      const qr = page.getByRole('img', { name: /認証アプリに登録するQRコード/ });
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await expectAccessible(page);
      secret = await readSecret(page);
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);

      await page.getByLabel('確認コード').fill('000000');
      await press(page, '設定を完了する');
      expect(await text(page.locator('#f-code-error'))).toContain('確認コードが正しくありません');
      expect(await readSecret(page)).toBe(secret);
      await page.getByLabel('確認コード').fill(code(secret));
      await press(page, '設定を完了する');
      recovery = (
        await page.getByRole('list', { name: 'リカバリーコードの一覧' }).locator('code').allTextContents()
      ).map((s) => s.trim());
      expect(recovery).toHaveLength(10);
      await expectAccessible(page);
      await page.getByRole('link', { name: '続ける' }).click();
      expect(await text(page.locator('dl.details'))).toContain('有効');
      await page.context().close();
    });

    it('asks for the code after the password, and takes a recovery code once instead', async () => {
      const email = USERS.contractor_manager!.email;
      let page = await passwordStep(email);
      expect(new URL(page.url()).pathname).toBe('/login/second-factor');
      await expectAccessible(page);
      await page.getByLabel(/確認コード/).fill('123456');
      await press(page, '確認する');
      expect(await text(page.locator('#f-code-error'))).toContain('確認コードが正しくありません');
      await page.getByLabel(/確認コード/).fill(code(secret));
      await press(page, '確認する');
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await text(page.locator('h1'))).toBe('ダッシュボード');
      await page.context().close();

      page = await passwordStep(email);
      await page.getByLabel(/確認コード/).fill(recovery[0]!);
      await press(page, '確認する');
      expect(await text(page.locator('h1'))).toBe('ダッシュボード');
      await page.context().close();
    });

    it('lets the ward’s 課長 require it, and leads a member of staff through setting it up at sign-in', async () => {
      const manager = await as(browser, base, 'ward_manager');
      await manager.getByRole('link', { name: '区の設定' }).click();
      await expectAccessible(manager);
      await manager.getByLabel('区の職員のログインに二要素認証を必須とする').check();
      await press(manager, '保存する');
      expect(await notice(manager)).toBe('保存しました。');
      expect(await manager.getByLabel('区の職員のログインに二要素認証を必須とする').isChecked()).toBe(true);
      await manager.context().close();

      const page = await passwordStep(USERS.inspector!.email);
      expect(new URL(page.url()).pathname).toBe('/login/enrol');
      // before the second factor the page does not yet speak for the user's municipality: no word of it leaks
      expect(await text(page.locator('.lead'))).toContain('所属する自治体の設定により');
      await expectAccessible(page);
      const key = await readSecret(page);
      await page.getByLabel('確認コード').fill(code(key));
      await press(page, '設定を完了する');
      expect(await page.getByRole('list', { name: 'リカバリーコードの一覧' }).locator('code').count()).toBe(
        10,
      );
      await page.getByRole('link', { name: '続ける' }).click();
      expect(await text(page.locator('h1'))).toBe('ダッシュボード');
      // required by the ward: it cannot be turned off
      await page.getByRole('link', { name: '二要素認証' }).click();
      expect(await text(page.locator('dl.details'))).toContain('所属する区の設定により必須です');
      expect(await page.getByRole('button', { name: '二要素認証を無効にする' }).count()).toBe(0);
      await page.context().close();
    });
  },
);
