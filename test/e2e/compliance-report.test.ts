import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueReports } from '../../src/domain/reports/issue-reports.js';
import { periodOf } from '../../src/domain/reports/periods.js';
import { launchBrowser, samplePdf, screenshot, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { pdfText } from '../helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld } from '../helpers/world.js';
import { as, expectAccessible, notice, press, text } from './story.js';

// The six-monthly compliance report (別紙5) and the council summary in the browser: the contractor
// answers the prefilled report with its copies and submits it, the privacy officer receives it and
// signs, and the council reviewer opens the year's summary and downloads its PDF, prepared in the
// background. axe-core checks each page.

describe.skipIf(skipBrowserTests())(
  'the compliance report and the council summary',
  { timeout: 120_000 },
  () => {
    let t: TestApp;
    let base: string;
    let close: () => Promise<void>;
    let browser: Browser;
    let reportPath = '';

    beforeAll(async () => {
      t = await createTestApp();
      t.clock.set(new Date());
      await buildWorld(t);
      // the scheduler's request for the first half of 令和8年度 (April–September 2026)
      await issueReports(t.handle.db, periodOf('2026H1'), t.clock.now());
      ({ url: base, close } = await serveApp(t));
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await close?.();
      await t?.close();
    });

    it('lets the contractor answer the prefilled report with its copies and submit it', async () => {
      const page = await as(browser, base, 'contractor_manager');
      await page
        .getByRole('region', { name: '回答が必要な遵守状況報告書' })
        .getByRole('link', { name: '総合自転車対策業務一括委託' })
        .click();
      await page.waitForLoadState('load');
      reportPath = new URL(page.url()).pathname;
      await expectAccessible(page);
      // prefilled from the records: the acknowledged handler list stands as the roster
      expect(await page.locator('#question-q3').getByLabel('はい', { exact: true }).isChecked()).toBe(true);
      expect(await page.getByLabel('この契約で確認済みの取扱者名簿を名簿のコピーとする').isChecked()).toBe(
        true,
      );
      const answer = (q: string, choice: 'はい' | 'いいえ') =>
        page.locator(`#question-${q}`).getByLabel(choice, { exact: true }).check();
      await answer('q1', 'いいえ');
      await answer('q2', 'はい');
      await page.locator('#f-q2-copies').setInputFiles({
        name: '個人情報取扱規程.pdf',
        mimeType: 'application/pdf',
        buffer: samplePdf('rules'),
      });
      await answer('q4', 'はい');
      await page.locator('#f-q4-text').fill('2026年6月10日 個人情報保護研修（全取扱者）');
      await answer('q5', 'はい');
      await page.locator('#f-q5-copies').setInputFiles({
        name: '事故対応手順.pdf',
        mimeType: 'application/pdf',
        buffer: samplePdf('procedure'),
      });
      await answer('q6', 'いいえ');
      await answer('q9', 'はい');
      await screenshot(page, 'compliance-report', '#answers-title');
      await press(page, '提出する');
      expect(await notice(page)).toBe('提出しました。');
      expect(await text(page.locator('dl.details'))).toContain('提出済み（受付待ち）');
      await expectAccessible(page);
    });

    it('lets the privacy officer receive it from the dashboard and sign as 担当者', async () => {
      const page = await as(browser, base, 'ward_officer');
      await page
        .getByRole('region', { name: '受付・決裁待ちの遵守状況報告書' })
        .getByRole('link', { name: '総合自転車対策業務一括委託' })
        .click();
      await page.waitForLoadState('load');
      expect(new URL(page.url()).pathname).toBe(reportPath);
      await expectAccessible(page);
      expect(await text(page.getByRole('table', { name: '回答' }))).toContain('個人情報取扱規程.pdf');
      await press(page, '受け付ける（受付）');
      expect(await notice(page)).toBe('決裁の操作を記録しました。');
      await press(page, '決裁する');
      expect(await text(page.getByRole('list', { name: '決裁欄' }))).toContain('決裁済');
    });

    it('lets the council reviewer open the summary and download its PDF, with nothing to edit', async () => {
      const page = await as(browser, base, 'council_reviewer');
      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: '集計' })
        .click();
      await page.waitForLoadState('load');
      expect(await text(page.locator('h1'))).toBe('審議会向け集計');
      expect(await text(page.locator('#reports'))).toContain('遵守状況報告書の受付');
      expect(await page.locator('textarea, input[type="text"], input[type="radio"]').count()).toBe(0);
      await expectAccessible(page);
      await screenshot(page, 'council-summary', 'h1');
      await press(page, 'PDFを作成する');
      // the page refreshes itself until the worker has drawn the PDF
      const link = page.getByRole('link', { name: /のPDFを開く$/ });
      await link.waitFor({ timeout: 90_000 });
      await expectAccessible(page);
      const href = (await link.getAttribute('href'))!;
      const res = await page.request.get(href);
      expect(res.headers()['content-type']).toBe('application/pdf');
      const pdf = (await pdfText(new Uint8Array(await res.body()))).text.replace(/\s/g, '');
      expect(pdf).toContain('新宿区');
      expect(pdf).toContain('総合自転車対策業務一括委託');
    });
  },
);
