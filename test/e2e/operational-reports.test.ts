import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNankokuOperations } from '../../src/demo/nankoku-operations.js';
import { toJapanDate } from '../../src/domain/shared/japan-date.js';
import { launchBrowser, serveApp, signedInPage, skipBrowserTests } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, USERS } from '../helpers/world.js';
import { expectAccessible, notice, press, text } from './story.js';

// 南国市's counter contract (seed 004) in the browser: the contractor finds what it must submit on
// its dashboard, submits a 業務日報 and files a 随時報告; the city receives the daily report, closes
// the answered 改善勧告 and records a 定例会議, which the contractor reads. Another municipality's
// officer finds none of it. axe-core checks the lists, the forms and the records.

describe.skipIf(skipBrowserTests())(
  'operational reports of the My Number counter',
  { timeout: 180_000 },
  () => {
    let t: TestApp;
    let base: string;
    let close: () => Promise<void>;
    let browser: Browser;
    let dailyPath = '';
    const today = toJapanDate(new Date());
    const CITY = {
      officer: 'officer@city.nankoku.example.jp',
      chief: 'chief@city.nankoku.example.jp',
      contractor: 'manager@nankoku-madoguchi.example.jp',
    };
    const as = async (email: string): Promise<Page> => {
      const { page } = await signedInPage(browser, base, email);
      page.on('dialog', (dialog) => void dialog.accept());
      return page;
    };

    beforeAll(async () => {
      t = await createTestApp();
      t.clock.set(new Date());
      const w = await buildWorld(t);
      await seedNankokuOperations(t.handle.db, w.nankoku, t.clock.now);
      ({ url: base, close } = await serveApp(t));
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await close?.();
      await t?.close();
    });

    it('shows the contractor what to submit, and takes its daily report', async () => {
      const page = await as(CITY.contractor);
      const panel = page.getByRole('region', { name: '提出する業務報告' });
      expect(await text(panel)).toContain('期限超過');
      await page.goto(`${base}/operational-reports?kind=daily&status=issued`);
      await expectAccessible(page);
      expect(await text(page.locator('table'))).toContain('令和');
      await page.getByRole('link', { name: '業務日報' }).first().click();
      await page.waitForLoadState('load');
      dailyPath = new URL(page.url()).pathname;
      expect(await text(page.locator('dl.details'))).toContain('未提出');
      await expectAccessible(page);
      await press(page, /^提出する$/);
      expect(await text(page.locator('.error-summary, [role="alert"]'))).toContain(
        '当日の業務実績を入力してください',
      );
      await page.getByLabel('業務実績').fill('交付 61件、申請支援 20件。特記事項なし');
      await press(page, /^提出する$/);
      expect(await notice(page)).toBe('保存しました。');
      expect(await text(page.locator('dl.details'))).toContain('提出済み（受付待ち）');
    });

    it('files an ad-hoc report at once', async () => {
      const page = await as(CITY.contractor);
      await page.goto(`${base}/operational-reports`);
      await page.getByRole('link', { name: '随時報告を提出する' }).click();
      await page.waitForLoadState('load');
      await expectAccessible(page);
      await page.getByLabel('契約').selectOption({ label: '個人番号カード関係業務委託（8南市民契約第4号）' });
      await page.getByLabel('報告の種類').selectOption('staff_change');
      await page.getByLabel('件名').fill('業務従事者の交代');
      await page.getByLabel('報告の内容').fill('12月から業務従事者1名が交代。誓約書の写しを提出済み。');
      await press(page, /^提出する$/);
      expect(await notice(page)).toBe('登録しました。');
      expect(await text(page.locator('dl.details'))).toContain('業務従事者交代の報告');
    });

    it('has the city receive the daily report', async () => {
      const page = await as(CITY.officer);
      await page.goto(`${base}${dailyPath}`);
      await press(page, /^受付$/);
      expect(await notice(page)).toBe('決裁の操作を記録しました。');
      expect(await text(page.locator('dl.details'))).toContain('受付済み');
      expect(await text(page.locator('dl.details'))).toContain(`（${today}）`);
      await expectAccessible(page);
    });

    it('has the city close the answered recommendation', async () => {
      const page = await as(CITY.chief);
      await page.goto(`${base}/improvement-recommendations`);
      await expectAccessible(page);
      await page.getByRole('link', { name: '水曜日夜間の待ち時間の改善' }).click();
      await page.waitForLoadState('load');
      expect(await text(page.locator('dl.details'))).toContain('回答済み（確認待ち）');
      await page.getByLabel('確認の所見').fill('改善を確認した');
      await press(page, /^完了とする$/);
      expect(await notice(page)).toBe('保存しました。');
      expect(await text(page.locator('dl.details'))).toContain('完了');
    });

    it('records a 定例会議 the contractor reads', async () => {
      const page = await as(CITY.officer);
      await page.goto(`${base}/regular-meetings/new`);
      await expectAccessible(page);
      await page.getByLabel('契約').selectOption({ label: '個人番号カード関係業務委託（8南市民契約第4号）' });
      await page.getByLabel('開催日').fill(today);
      await page.getByLabel('出席者').fill('市民課 比江 美咲\n株式会社南国窓口サービス 十市 亮');
      await page.getByLabel('議事録').fill('業務従事者の交代を確認した。');
      await press(page, /^記録する$/);
      expect(await notice(page)).toBe('登録しました。');
      const contractor = await as(CITY.contractor);
      await contractor.goto(`${base}/regular-meetings`);
      expect(await text(contractor.locator('table'))).toContain('株式会社南国窓口サービス 十市 亮');
    });

    it('shows another municipality nothing of it', async () => {
      const page = await as(USERS.ward_officer!.email);
      const res = await page.goto(`${base}${dailyPath}`);
      expect(res?.status()).toBe(404);
      await page.goto(`${base}/operational-reports`);
      expect(await text(page.locator('main'))).toContain('業務報告はありません。');
    });
  },
);
