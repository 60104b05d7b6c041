import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJapanDate } from '../../src/domain/shared/japan-date.js';
import { launchBrowser, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { approvedSubcontract } from '../helpers/inspections.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';
import { as, expectAccessible, notice, press, text } from './story.js';

// 再委託先の監督 in the browser (seed 001 別紙7 第7条5, seed 003 丙15–16): the contractor asks its
// sub-contractor for a report from the sub-contract's page, the sub-contractor answers it from its
// dashboard, the contractor sends it back once and accepts the second answer, the ward reads it on
// the sub-contract's page; the contractor plans an inspection of its sub-contractor there too.
// axe-core checks the form, the record and the section.

describe.skipIf(skipBrowserTests())(
  'a contractor supervising its sub-contractor',
  { timeout: 120_000 },
  () => {
    let t: TestApp;
    let w: World;
    let base: string;
    let close: () => Promise<void>;
    let browser: Browser;
    let subcontractId = '';
    let recordPath = '';
    const today = toJapanDate(new Date());

    beforeAll(async () => {
      t = await createTestApp();
      t.clock.set(new Date());
      w = await buildWorld(t);
      subcontractId = (await approvedSubcontract(t, w)).contractId;
      ({ url: base, close } = await serveApp(t));
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await close?.();
      await t?.close();
    });

    it('asks for a report from the sub-contract’s page', async () => {
      const page = await as(browser, base, 'contractor_manager');
      await page.goto(`${base}/contracts/${subcontractId}`);
      const section = page.getByRole('region', { name: '再委託先の監督（立入検査・報告の求め）' });
      await section.getByRole('link', { name: '報告を求める' }).click();
      await page.waitForLoadState('load');
      await expectAccessible(page);
      // careless: no topic
      await page.getByLabel('報告期限').fill(today);
      await press(page, /^報告を求める$/);
      expect(await text(page.locator('#f-topic-error'))).toContain('入力してください');
      expect(await page.getByLabel('報告期限').inputValue()).toBe(today);
      await page.getByLabel('報告を求める事項').fill('個人情報の保管状況');
      await page.getByLabel('内容・求める資料').fill('施錠保管の状況と鍵の管理簿を報告してください');
      await press(page, /^報告を求める$/);
      expect(await notice(page)).toBe('登録しました。');
      recordPath = new URL(page.url()).pathname;
      expect(await text(page.locator('dl.details'))).toContain('報告待ち');
      await expectAccessible(page);
      await page.close();
    });

    it('is answered by the sub-contractor from its dashboard', async () => {
      const page = await as(browser, base, 'subcontractor_manager');
      const panel = page.getByRole('region', { name: '報告の求め（報告・受理待ち、期限超過）' });
      await panel
        .getByRole('link', { name: /個人情報の保管状況/ })
        .first()
        .click();
      await page.waitForLoadState('load');
      expect(new URL(page.url()).pathname).toBe(recordPath);
      await page.getByLabel('報告の内容').fill('保管庫は施錠している');
      await press(page, /^報告する$/);
      expect(await notice(page)).toBe('保存しました。');
      expect(await text(page.locator('dl.details'))).toContain('報告済み（確認待ち）');
      await page.close();
    });

    it('is sent back once and accepted by the contractor', async () => {
      const page = await as(browser, base, 'contractor_manager');
      await page.goto(`${base}${recordPath}`);
      await expectAccessible(page);
      await page.locator('#f-sendBackComment').fill('鍵の管理簿の写しも添えてください');
      await press(page, /^差し戻す$/);
      expect(await text(page.locator('dl.details'))).toContain('差戻し（再報告待ち）');
      const sub = await as(browser, base, 'subcontractor_manager');
      await sub.goto(`${base}${recordPath}`);
      expect(await text(sub.locator('dl.details'))).toContain('鍵の管理簿の写しも添えてください');
      await sub.getByLabel('報告の内容').fill('保管庫は施錠している。鍵の管理簿は別途提出する');
      await press(sub, /^報告する$/);
      await sub.close();
      await page.goto(`${base}${recordPath}`);
      await press(page, /^受理する$/);
      expect(await text(page.locator('dl.details'))).toContain('受理');
      await page.close();
    });

    it('is seen by the ward on the sub-contract’s page, and planned inspections too', async () => {
      const contractor = await as(browser, base, 'contractor_manager');
      await contractor.goto(`${base}/contracts/${subcontractId}`);
      await press(contractor, /^再委託先の立入検査を予定する$/);
      expect(await notice(contractor)).toBe('登録しました。');
      expect(await text(contractor.locator('dl.details'))).toContain('株式会社サイクルサポート東京');
      await contractor.close();

      const page = await as(browser, base, 'ward_officer');
      await page.goto(`${base}/contracts/${subcontractId}`);
      const section = page.getByRole('region', { name: '再委託先の監督（立入検査・報告の求め）' });
      const seen = await text(section);
      expect(seen).toContain('個人情報の保管状況');
      expect(seen).toContain('受理');
      expect(seen).toContain('株式会社サイクルサポート東京');
      expect(await section.getByRole('link', { name: '報告を求める' }).count()).toBe(1);
      await expectAccessible(page);
      await page.close();

      const other = await as(browser, base, 'other_contractor_manager');
      const res = await other.goto(`${base}${recordPath}`);
      expect(res?.status()).toBe(404);
      await other.close();
    });
  },
);
