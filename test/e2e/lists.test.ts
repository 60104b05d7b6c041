import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/imports/read-csv.js';
import { launchBrowser, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { CONTRACTS, createContract, expectStatus } from '../helpers/contracts.js';
import { certifyFinalErasure, listedHandlers } from '../helpers/handover.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../helpers/world.js';
import { as, expectAccessible, press, text } from './story.js';

// Lists people can work with (issue 19), in Chromium: the 担当者's own sign-off queue sorted by a
// heading both ways, filtered (the order kept), and downloaded as the CSV Excel opens — the same
// rows in the same order, times in Japan time as YYYY/MM/DD HH:mm, never ISO; the erasure records
// the same way; on a phone each list is a stack of labelled cards.

const PHONE = { width: 390, height: 844 };

describe.skipIf(skipBrowserTests())(
  'lists: sort, filter and CSV in the browser',
  { timeout: 120_000 },
  () => {
    let t: TestApp;
    let w: World;
    let base: string;
    let close: () => Promise<void>;
    let browser: Browser;

    beforeAll(async () => {
      t = await createTestApp();
      // sessions are checked against the clock: the browser lives in real time
      t.clock.set(new Date());
      w = await buildWorld(t);
      // three applications waiting in the 担当者's queue (drafts to submit)
      for (const title of [
        '窓口案内業務（一覧試験甲）',
        '窓口案内業務（一覧試験乙）',
        '台帳整備業務（一覧試験丙）',
      ]) {
        const contract = await createContract(t, w, { title });
        expectStatus(
          await t.call('POST', `${CONTRACTS}/${contract.id}/delegation-approval`, {
            token: w.tokens.ward_officer,
            json: {},
          }),
          201,
        );
      }
      // an erasure with its certificate, recorded by the contractor
      const token = await signIn(t, USERS.contractor_manager!.email);
      const people = await listedHandlers(t, token, w.bicycleContractId);
      await certifyFinalErasure(t, token, w.bicycleContractId, Object.values(people)[0]!);
      ({ url: base, close } = await serveApp(t));
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await close?.();
      await t?.close();
    });

    const sortBy = async (page: Page, heading: string, dir: '昇順' | '降順') => {
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('link', { name: `${heading}で${dir}に並べ替える` }).click(),
      ]);
      await page.waitForLoadState('load');
    };
    const column = (page: Page, n: number) =>
      page.locator(`main table tbody tr td:nth-child(${n})`).allInnerTexts();
    /** The CSV the page's link hands over, read back as Excel would (the BOM checked, then dropped). */
    const downloadCsv = async (page: Page) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'CSV（Excel用）で書き出す' }).click(),
      ]);
      const bytes = new Uint8Array(await readFile((await file.path())!));
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)).replace(/\r\n$/, '')).map(
        (r) => r.cells,
      );
      expect(rows.flat().filter((cell) => /\d{4}-\d{2}-\d{2}/.test(cell))).toEqual([]);
      return { name: file.suggestedFilename(), rows };
    };

    it('sorts the 担当者’s queue by a heading both ways, filters it and exports it', async () => {
      const page = await as(browser, base, 'ward_officer');
      await page.goto('/approvals');
      await sortBy(page, '整理番号', '昇順');
      expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
      const ascending = await column(page, 1);
      expect(ascending.length).toBeGreaterThanOrEqual(3);
      await sortBy(page, '整理番号', '降順');
      expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
      expect(await column(page, 1)).toEqual([...ascending].reverse());

      await page.getByLabel('整理番号・件名').fill('一覧試験');
      await press(page, '絞り込む');
      const url = new URL(page.url());
      expect([url.searchParams.get('sort'), url.searchParams.get('dir'), url.searchParams.get('q')]).toEqual([
        'number',
        'desc',
        '一覧試験',
      ]);
      const titles = await column(page, 2);
      expect(titles).toHaveLength(3);
      expect(titles.every((title) => title.includes('一覧試験'))).toBe(true);
      await expectAccessible(page);

      const csv = await downloadCsv(page);
      expect(csv.name).toMatch(/\.csv$/);
      expect(csv.rows[0]).toEqual(['整理番号', '件名', '種別', '状態', '決裁待ちの段階', '作成日時']);
      expect(csv.rows.slice(1).map((r) => r[1])).toEqual(titles);
      for (const r of csv.rows.slice(1)) expect(r[5]).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
      // the page shows the same minute in Japan time as the CSV
      expect(await column(page, 6)).toEqual(csv.rows.slice(1).map((r) => r[5]!.replaceAll('/', '-')));
      await page.context().close();
    });

    it('sorts, filters and exports the erasure records; a phone shows each row as a card', async () => {
      const page = await as(browser, base, 'ward_officer');
      await page.goto('/handover');
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('link', { name: 'すべての消去の記録（並べ替え・絞り込み・CSV）' }).click(),
      ]);
      expect(await text(page.locator('h1'))).toBe('消去の記録の一覧');
      await sortBy(page, '消去日時', '昇順');
      expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
      await sortBy(page, '消去日時', '降順');
      expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
      await page.getByRole('combobox', { name: '状態' }).selectOption({ label: '証明書発行済み' });
      await press(page, '絞り込む');
      expect(await column(page, 5)).toEqual(['証明書発行済み']);
      await expectAccessible(page);
      const csv = await downloadCsv(page);
      expect(csv.rows[0]).toEqual(['契約', '消去した事業者', '消去の理由', '消去日時', '記録日時', '状態']);
      expect(csv.rows).toHaveLength(2);
      expect(csv.rows[1]![5]).toBe('証明書発行済み');
      await page.context().close();

      const phone = await as(browser, base, 'ward_officer', PHONE);
      await phone.goto('/approvals?q=一覧試験');
      const row = phone.locator('main table tbody tr').first();
      expect(await row.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
      // each cell says which column it is
      expect(
        await row
          .locator('td')
          .first()
          .evaluate((td) => getComputedStyle(td, '::before').content),
      ).toBe('"整理番号"');
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(phone);
      await phone.context().close();
    });
  },
);
