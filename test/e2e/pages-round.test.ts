import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNankokuOperations } from '../../src/demo/nankoku-operations.js';
import { runDailyJobs } from '../../src/jobs/daily-jobs.js';
import { launchBrowser, samplePdf, serveApp, signedInPage, skipBrowserTests } from '../helpers/browser.js';
import { expectStatus } from '../helpers/contracts.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';
import { as, expectAccessible, notice, press, text } from './story.js';

// Three pages in Chromium, as their users meet them: the company asked for a report answers with a
// file (on a phone too) and the ward downloads it; the inspector makes the ward's own version of a
// checklist template; the city's officer of a My Number contract reaches アクセスログの確認 from the
// menu and sets the review interval. axe-core on each page.

const PHONE = { width: 390, height: 844 };

describe.skipIf(skipBrowserTests())(
  'answers with files, template versions, review intervals',
  { timeout: 120_000 },
  () => {
    let t: TestApp;
    let w: World;
    let base: string;
    let close: () => Promise<void>;
    let browser: Browser;
    let requestId = '';

    beforeAll(async () => {
      t = await createTestApp();
      t.clock.set(new Date()); // sessions are checked against the clock: the browser lives in real time
      w = await buildWorld(t);
      await seedNankokuOperations(t.handle.db, w.nankoku, t.clock.now);
      await runDailyJobs({ db: t.handle.db, now: t.clock.now, logger: pino({ level: 'silent' }) });
      requestId = expectStatus(
        await t.call('POST', '/api/v1/report-requests', {
          token: w.tokens.ward_officer,
          json: {
            contractId: w.bicycleContractId,
            topic: '個人情報の保管状況',
            detail: '鍵の管理簿の写しを添付してください',
            dueOn: w.today(),
          },
        }),
        201,
      ).id;
      ({ url: base, close } = await serveApp(t));
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await close?.();
      await t?.close();
    });

    it('the company answers a report request with a file on a phone; the ward downloads it', async () => {
      const phone = await as(browser, base, 'contractor_manager', PHONE);
      await phone.goto(`/report-requests/${requestId}`);
      await expectAccessible(phone);
      const form = phone.getByRole('form', { name: '報告する' });
      await form
        .getByLabel('報告の内容')
        .fill('施錠できるキャビネットに保管し、鍵は取扱責任者が管理しています。');
      await form.getByLabel('ファイルを添付（任意）').setInputFiles({
        name: '鍵の管理簿.pdf',
        mimeType: 'application/pdf',
        buffer: samplePdf('kagi'),
      });
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await press(phone, '報告する');
      expect(await notice(phone)).toBe('保存しました。');
      expect(await phone.getByRole('link', { name: '鍵の管理簿.pdf' }).count()).toBe(1);
      await phone.context().close();

      const officer = await as(browser, base, 'ward_officer');
      await officer.goto(`/report-requests/${requestId}`);
      await expectAccessible(officer);
      const [download] = await Promise.all([
        officer.waitForEvent('download'),
        officer.getByRole('link', { name: '鍵の管理簿.pdf' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('鍵の管理簿.pdf');
      await officer.context().close();
    });

    it('the inspector makes the ward’s own version of a checklist template', async () => {
      const page = await as(browser, base, 'inspector');
      await page.goto('/inspections/templates/fukuoka-supervision');
      await page.getByRole('link', { name: '項目を追加・編集して第2版を作る' }).click();
      expect(await text(page.locator('h1'))).toContain('第2版を作る');
      await expectAccessible(page);
      const first = page.getByRole('group', { name: '追加する項目 1' });
      const place = first.getByLabel('追加する場所（区分・項目群）');
      await place.selectOption({ index: 2 });
      await first.getByLabel('番号（ア、1-1 など）').fill('エ');
      await first.getByLabel('確認項目の内容').fill('保管場所の鍵の貸出記録が作成されているか。');
      await page.getByLabel('改版の理由（任意）').fill('鍵の管理を追加');
      await press(page, '第2版として保存する');
      expect(await notice(page)).toBe('保存しました。');
      expect(await text(page.locator('h1'))).toContain('第2版');
      expect(await text(page.locator('main'))).toContain('保管場所の鍵の貸出記録が作成されているか。');
      await page.context().close();

      // the same form on a phone: no sideways scrolling, nothing inaccessible
      const phone = await as(browser, base, 'ward_officer', PHONE);
      await phone.goto('/inspections/templates/fukuoka-supervision/versions/new');
      expect(await phone.getByLabel('確認項目の内容').first().inputValue()).toBe(
        '保管場所の鍵の貸出記録が作成されているか。',
      );
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(phone);
      await phone.context().close();
    });

    it('the city’s officer reaches the access-log reviews from the menu and sets the interval', async () => {
      const { page } = await signedInPage(browser, base, 'officer@city.nankoku.example.jp');
      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: 'アクセスログの確認' })
        .click();
      expect(await text(page.locator('h1'))).toBe('アクセスログの確認');
      await page.locator('main table tbody a').first().click();
      const section = page.getByRole('region', { name: '確認の頻度' });
      expect(await text(section)).toContain('毎月');
      await expectAccessible(page);
      await section.getByLabel('四半期ごと').check();
      await press(page, '確認の頻度を保存する');
      expect(await notice(page)).toBe('保存しました。');
      expect(
        await page.getByRole('region', { name: '確認の頻度' }).getByLabel('四半期ごと').isChecked(),
      ).toBe(true);
      await page.context().close();
    });
  },
);
