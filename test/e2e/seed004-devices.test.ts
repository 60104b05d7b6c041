import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJapanDate } from '../../src/domain/shared/japan-date.js';
import { launchBrowser, serveApp, signedInPage, skipBrowserTests } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';
import { expectAccessible, notice, press, text } from './story.js';

// Seed 004 in the browser, at 南国市: the contract page lists the 業務従事者名簿 with its roles; the
// contractor's manager declares a device (refused first without the "never networked"
// acknowledgement), the city's officer permits it in advance from the same register, which also
// shows the My Number handling areas and staff. A council reviewer is not shown the register.

describe.skipIf(skipBrowserTests())(
  'devices brought into 南国市’s counter (seed 004)',
  { timeout: 120_000 },
  () => {
    let t: TestApp;
    let w: World;
    let base: string;
    let close: () => Promise<void>;
    let browser: Browser;
    const today = toJapanDate(new Date());

    async function as(email: string): Promise<Page> {
      const { page } = await signedInPage(browser, base, email);
      page.on('dialog', (dialog) => void dialog.accept());
      return page;
    }
    const devicesPath = () => `/contracts/${w.nankoku.myNumberContractId}/devices`;

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

    it('shows the roster’s roles on the contract and lets the contractor declare a device', async () => {
      const page = await as('manager@nankoku-madoguchi.example.jp');
      await page.goto(`${base}/contracts/${w.nankoku.myNumberContractId}`);
      const contract = await text(page.locator('main'));
      for (const role of ['統括責任者', '業務責任者', '副業務責任者', '業務従事者'])
        expect(contract).toContain(role);
      expect(contract).toContain('マイナポータル利用登録支援');
      await page.getByRole('link', { name: '持込み機器の一覧と届出' }).click();
      await page.waitForLoadState('load');
      expect(new URL(page.url()).pathname).toBe(devicesPath());
      await expectAccessible(page);
      const register = await text(page.getByRole('table', { name: '持込み機器の一覧' }));
      expect(register).toContain('ノートPC');
      expect(register).toContain('許可待ち');

      await page
        .getByLabel('届出者（業務責任者）')
        .selectOption({ label: '岩村 健一（業務責任者・個人番号カード関係業務）' });
      await page.getByLabel('機器名').fill('モバイルプリンタ');
      await page.getByLabel('仕様').fill('USB接続のみ、無線機能なし');
      await page.getByLabel('用途').fill('業務従事者への連絡文書の印刷');
      await page.getByLabel('保管場所').fill('市民課内 施錠できる保管庫');
      await page.getByLabel('使用場所').fill('市民課内 交付準備室');
      await page.getByLabel('持込み開始日').fill(today);
      await press(page, /^届け出る$/);
      // refused: the "never networked" acknowledgement is missing; what was typed stays
      expect(await text(page.locator('.error-summary'))).toContain('市のネットワークに接続しません');
      expect(await page.getByLabel('機器名').inputValue()).toBe('モバイルプリンタ');
      await expectAccessible(page);
      await page.getByLabel('市のネットワークに接続しないことを確認しました').check();
      await press(page, /^届け出る$/);
      expect(await notice(page)).toBe('提出しました。');
      const row = page.getByRole('row', { name: /モバイルプリンタ/ });
      expect(await text(row)).toContain('許可待ち');
      expect(await text(page.locator('main'))).not.toMatch(/(?<!地)区(?!分|域|別|切)/); // 区域・区分… are not the municipality
    });

    it('is permitted in advance by the city’s officer, who sees the My Number areas and staff', async () => {
      const page = await as('officer@city.nankoku.example.jp');
      await page.goto(`${base}${devicesPath()}`);
      await expectAccessible(page);
      const myNumber = await text(page.getByRole('region', { name: '特定個人情報（個人番号）' }));
      expect(myNumber).toContain('市民課窓口');
      expect(myNumber).toContain('十市 亮');
      expect(myNumber).toContain('第10条');
      const row = page.getByRole('row', { name: /モバイルプリンタ/ });
      await row.getByLabel('モバイルプリンタについてのコメント').fill('市のネットワークに接続しないこと');
      await Promise.all([
        page.waitForLoadState('load'),
        row.getByRole('button', { name: '許可する' }).click(),
      ]);
      await page.waitForLoadState('load');
      expect(await notice(page)).toBe('処理しました。');
      expect(await text(page.getByRole('row', { name: /モバイルプリンタ/ }))).toContain('許可');
      expect(await text(page.getByRole('row', { name: /モバイルプリンタ/ }))).toContain(
        '市のネットワークに接続しないこと',
      );
    });

    it('is not shown to the council reviewer', async () => {
      const page = await as('council@city.nankoku.example.jp');
      const res = await page.goto(`${base}${devicesPath()}`);
      expect(res?.status()).toBe(404);
    });
  },
);
