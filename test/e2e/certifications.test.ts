import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toJapanDate } from '../../src/domain/shared/japan-date.js';
import { launchBrowser, samplePdf, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';
import { as, expectAccessible, notice, press, text } from './story.js';

// 認証 in the browser: the contractor's manager records its P-mark and its ISMS with the copy from
// the 認証 menu (refused first for a reversed validity, nothing stored), on a desktop and a phone;
// the ward's officer sees them on the contract. The ISMS then expires (the clock moves) and the
// flags appear on the contract page and in the contract list.

describe.skipIf(skipBrowserTests())(
  'certifications expire and the contracts say so',
  { timeout: 180_000 },
  () => {
    let t: TestApp;
    let w: World;
    let base: string;
    let close: () => Promise<void>;
    let browser: Browser;

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

    it('lets the contractor’s manager record its certifications with the copy', async () => {
      const today = toJapanDate(t.clock.now());
      const page = await as(browser, base, 'contractor_manager');
      await page.getByRole('link', { name: '認証', exact: true }).click();
      await page.waitForLoadState('load');
      expect(new URL(page.url()).pathname).toBe(`/companies/${w.companies.contractor}/certifications`);
      expect(await text(page.locator('main'))).toContain('登録されている認証はありません。');
      await expectAccessible(page);

      await page.getByLabel('種類').selectOption({ label: 'プライバシーマーク' });
      await page.getByLabel('登録番号・認証番号').fill('第10823456(03)号');
      await page.getByLabel('付与機関・認証機関').fill('一般財団法人日本情報経済社会推進協会');
      await page.getByLabel('有効期間の開始日').fill(addDays(today, 10));
      await page.getByLabel('有効期限').fill(addDays(today, 9));
      await page.getByLabel('証明書の写し', { exact: true }).setInputFiles({
        name: 'Pマーク登録証.pdf',
        mimeType: 'application/pdf',
        buffer: samplePdf('pmark'),
      });
      await press(page, /^登録する$/);
      // refused beside the field, what was typed kept, and no file stored
      expect(await text(page.locator('.error-summary'))).toContain('有効期間');
      expect(await page.getByLabel('登録番号・認証番号').inputValue()).toBe('第10823456(03)号');
      await expectAccessible(page);
      const files = await t.handle.db.selectFrom('attachments').select('id').execute();

      await page.getByLabel('有効期間の開始日').fill(addDays(today, -100));
      await page.getByLabel('有効期限').fill(addDays(today, 600));
      await page.getByLabel('証明書の写し', { exact: true }).setInputFiles({
        name: 'Pマーク登録証.pdf',
        mimeType: 'application/pdf',
        buffer: samplePdf('pmark'),
      });
      await press(page, /^登録する$/);
      expect(await notice(page)).toBe('登録しました。');
      expect((await t.handle.db.selectFrom('attachments').select('id').execute()).length).toBe(
        files.length + 1,
      );

      // the ISMS, on a phone
      const phone = await as(browser, base, 'contractor_manager', { width: 375, height: 740 });
      await phone.goto(`${base}/certifications`);
      await phone.getByLabel('種類').selectOption({ label: 'ISMS（ISO/IEC 27001）' });
      await phone.getByLabel('登録番号・認証番号').fill('IS 612345');
      await phone.getByLabel('適用範囲').fill('自転車対策業務に係る情報システムの運用');
      await phone.getByLabel('付与機関・認証機関').fill('BSIグループジャパン株式会社');
      await phone.getByLabel('有効期限').fill(addDays(today, 10));
      await press(phone, /^登録する$/);
      expect(await notice(phone)).toBe('登録しました。');
      const row = phone.getByRole('row', { name: /ISMS/ });
      expect(await text(row)).toContain('期限間近');
      await expectAccessible(phone);
    });

    it('flags the contract once the ISMS has expired', async () => {
      const officer = await as(browser, base, 'ward_officer');
      await officer.goto(`${base}/contracts/${w.bicycleContractId}`);
      const section = officer.getByRole('region', { name: '受託者の認証' });
      expect(await text(section)).toContain('期限間近');
      expect(await section.locator('#certification-flags').count()).toBe(0);
      await expectAccessible(officer);

      // eleven days on, the ISMS has expired
      t.clock.advance(11 * 24 * 3600 * 1000);
      const later = await as(browser, base, 'ward_officer');
      await later.goto(`${base}/contracts/${w.bicycleContractId}`);
      const flags = await text(later.locator('#certification-flags'));
      expect(flags).toContain('ISMS（ISO/IEC 27001）の有効期限が切れています');
      expect(flags).not.toContain('プライバシーマーク');
      await expectAccessible(later);

      await later.goto(`${base}/contracts`);
      const listed = later.getByRole('row', { name: /総合自転車対策業務/ }).first();
      expect(await text(listed)).toContain('認証に不備');
      await expectAccessible(later);

      // the ward reads the list and the P-mark's copy through the contract page's link
      await later.goto(`${base}/contracts/${w.bicycleContractId}`);
      await later.getByRole('link', { name: '認証の一覧と証明書の写し' }).click();
      await later.waitForLoadState('load');
      const table = await text(later.getByRole('table'));
      expect(table).toContain('期限切れ');
      expect(table).toContain('第10823456(03)号');
      const copy = await later.request.get(
        (await later
          .getByRole('link', { name: 'プライバシーマークの証明書の写しをダウンロード' })
          .getAttribute('href'))!,
      );
      expect(copy.status()).toBe(200);
      expect(copy.headers()['content-type']).toBe('application/pdf');
      expect(await later.getByRole('button', { name: /取り下げる/ }).count()).toBe(0);
      await expectAccessible(later);
    });
  },
);
