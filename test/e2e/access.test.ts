import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  screenshot,
  serveApp,
  skipBrowserTests,
  skipFallbackFont,
} from '../helpers/browser.js';
import { CONTRACTS, contractInput, expectStatus } from '../helpers/contracts.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, PASSWORD, USERS, type World } from '../helpers/world.js';
import { as, expectAccessible, notice, press, text } from './story.js';

// What each kind of user may not see or do, a phone-sized screen, the English switch, the keyboard,
// and the automated accessibility check (axe-core) on the main pages.

// A browser step that takes a few seconds alone can take several times longer on a loaded machine.
describe.skipIf(skipBrowserTests())(
  'pages: access, phone, language, keyboard, accessibility',
  { timeout: 90_000 },
  () => {
    let t: TestApp;
    let w: World;
    let base: string;
    let close: () => Promise<void>;
    let browser: Browser;
    let otherWardContractId = '';

    beforeAll(async () => {
      t = await createTestApp();
      t.clock.set(new Date());
      w = await buildWorld(t);
      const dept = await t.handle.db
        .selectFrom('departments')
        .select('id')
        .where('ward_id', '=', w.otherWardId)
        .executeTakeFirstOrThrow();
      const created = await t.call('POST', CONTRACTS, {
        token: w.tokens.other_ward_officer,
        json: contractInput(w, {
          departmentId: dept.id,
          contractorOrgId: w.otherWardCompanyId,
          title: '練馬区の委託',
        }),
      });
      otherWardContractId = expectStatus(created, 201).id;
      ({ url: base, close } = await serveApp(t));
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await close?.();
      await t?.close();
    });

    /** Opens a path and returns the status and the error page's heading. */
    async function open(page: Page, path: string) {
      const response = await page.goto(path);
      return {
        status: response?.status(),
        h1: await text(page.locator('h1')),
        body: await text(page.locator('main')),
      };
    }

    it('sends someone who is not signed in to the ログイン page, and back where they were going', async () => {
      const context = await browser.newContext({ baseURL: base });
      await skipFallbackFont(context);
      const page = await context.newPage();
      await page.goto('/contracts?status=active');
      expect(new URL(page.url()).search).toBe(`?next=${encodeURIComponent('/contracts?status=active')}`);
      await page.getByLabel('メールアドレス').fill(USERS.ward_officer!.email);
      await page.getByLabel('パスワード').fill(PASSWORD);
      await press(page, 'ログイン');
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/contracts?status=active');
      await press(page, 'ログアウト');
      expect(await notice(page)).toBe('ログアウトしました。');
      expect(await text(page.locator('h1'))).toBe('ログイン');
      await page.goto('/contracts');
      expect(await text(page.locator('h1'))).toBe('ログイン');
      await context.close();
    });

    it('answers 404 when a company or another ward opens a contract that is not theirs', async () => {
      for (const [who, id] of [
        ['other_contractor_manager', w.bicycleContractId],
        ['subcontractor_manager', w.bicycleContractId],
        ['other_ward_officer', w.bicycleContractId],
        ['ward_officer', otherWardContractId],
        ['contractor_manager', otherWardContractId],
      ] as const) {
        const page = await as(browser, base, who);
        const seen = await open(page, `/contracts/${id}`);
        expect(seen, who).toMatchObject({ status: 404, h1: 'ページが見つかりません' });
        expect(seen.body).toContain('契約が見つかりません');
        expect(seen.body).not.toContain('総合自転車対策業務一括委託');
        if (who === 'other_contractor_manager') await expectAccessible(page);
        await page.context().close();
      }
    });

    it('answers 403 when a council reviewer, a 係長 or a company opens what they may not change', async () => {
      const cases: Array<[string, string]> = [
        ['council_reviewer', `/contracts/${w.bicycleContractId}/edit`],
        ['council_reviewer', `/contracts/${w.bicycleContractId}/register/edit`],
        ['council_reviewer', '/contracts/new'],
        ['ward_chief', '/contracts/new'],
        ['contractor_staff', `/contracts/${w.bicycleContractId}/handler-list/new`],
        ['contractor_manager', '/council'],
        ['ward_officer', `/contracts/${w.bicycleContractId}/subcontract/new`],
      ];
      for (const [who, path] of cases) {
        const page = await as(browser, base, who);
        const seen = await open(page, path);
        expect(seen, `${who} ${path}`).toMatchObject({ status: 403, h1: 'この操作は許可されていません' });
        await page.context().close();
      }
    });

    it('shows the council reviewer no way to change anything, and the contractor staff no forms', async () => {
      const council = await as(browser, base, 'council_reviewer');
      const links = await council
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link')
        .allInnerTexts();
      expect(links).toEqual(['ダッシュボード', '委託契約', '集計', '審議会', '二要素認証']);
      await council.goto(`/contracts/${w.bicycleContractId}`);
      expect(
        await council.locator('main form').evaluateAll((forms) => forms.map((f) => f.getAttribute('action'))),
      ).toEqual([]);
      for (const name of [
        '契約内容を変更',
        '情報項目を登録・変更',
        '再委託を申請する',
        '名簿を提出・変更する',
      ]) {
        expect(await council.getByRole('link', { name }).count(), name).toBe(0);
      }
      expect(await council.getByRole('link', { name: '変更履歴' }).count()).toBe(1);
      await council.context().close();

      const staff = await as(browser, base, 'contractor_staff');
      await staff.goto('/handlers');
      // the list's filter (a GET form) changes nothing: no form that posts
      expect(
        await staff
          .locator('main form[method="post"]')
          .evaluateAll((forms) => forms.map((f) => f.getAttribute('action'))),
      ).toEqual([]);
      await staff.context().close();
    });

    it('works on a phone-sized screen without sideways scrolling of the page', async () => {
      const page = await as(browser, base, 'contractor_manager', { width: 390, height: 844 });
      for (const path of [
        '/',
        `/contracts/${w.bicycleContractId}`,
        `/contracts/${w.bicycleContractId}/handler-list/new`,
        '/handlers',
      ]) {
        await page.goto(path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
        await expectAccessible(page);
      }
      await page.goto(`/contracts/${w.bicycleContractId}`);
      await screenshot(page, 'phone-contract');
      await page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: '取扱者' })
        .click();
      expect(await text(page.locator('h1'))).toBe('取扱者');

      // a list becomes cards: each row a block as wide as the screen, each value beside its column's name
      await page.goto('/contracts');
      await screenshot(page, 'phone-contract-list');
      const row = page.locator('table.cards tbody tr').first();
      const box = (await row.boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      const period = row.locator('td[data-label="契約期間"]');
      expect(await period.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"契約期間"');
      // the period is shown whole inside its card, not clipped to a narrow column
      const periodBox = (await period.locator('span').first().boundingBox())!;
      expect(periodBox.x + periodBox.width).toBeLessThanOrEqual(box.x + box.width);
      // the header and the menu leave most of the screen to the page
      const nav = (await page.getByRole('navigation', { name: 'メインメニュー' }).boundingBox())!;
      expect(nav.y + nav.height).toBeLessThan(844 / 4);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await page.context().close();
    });

    it('switches to English and back, remembering the choice', async () => {
      const page = await as(browser, base, 'ward_officer');
      await page.getByRole('link', { name: 'English' }).click();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await text(page.locator('h1'))).toBe('Dashboard');
      await page.goto('/contracts');
      expect(await text(page.locator('h1'))).toBe('Contracts');
      const seen = await open(page, `/contracts/${otherWardContractId}`);
      expect(seen).toMatchObject({ status: 404, h1: 'Page not found' });
      await expectAccessible(page);
      await page.getByRole('link', { name: '日本語' }).click();
      expect(await page.getAttribute('html', 'lang')).toBe('ja');
      await page.context().close();
    });

    it('can be used with the keyboard: skip link first, visible focus, forms in order', async () => {
      const context = await browser.newContext({ baseURL: base });
      await skipFallbackFont(context);
      const page = await context.newPage();
      await page.goto('/');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('本文へ移動');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-email');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).not.toBe('none');
      await page.keyboard.type(USERS.ward_officer!.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(PASSWORD);
      await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
      await page.waitForLoadState('load');
      expect(await text(page.locator('h1'))).toBe('ダッシュボード');
      await context.close();
    });

    const mainPages: Array<[string, string[]]> = [
      [
        'ward_officer',
        ['/', '/contracts', '/contracts/new', '/approvals', '/approvals?view=all', '/council'],
      ],
      [
        'ward_officer',
        [
          '/contracts/{bicycle}',
          '/contracts/{bicycle}/register/edit',
          '/contracts/{bicycle}/register/revisions?revision=1',
        ],
      ],
      ['ward_chief', ['/', '/approvals']],
      ['ward_manager', ['/users', '/users/new', '/contracts?sort=title&dir=desc']],
      ['contractor_manager', ['/', '/handlers', '/contracts/{bicycle}/subcontract/new', '/users']],
      ['council_reviewer', ['/', '/council', '/contracts']],
    ];
    for (const [who, paths] of mainPages) {
      it(`passes the automated accessibility check for ${who} on ${paths.length} main pages`, async () => {
        const page = await as(browser, base, who);
        for (const path of paths.map((p) => p.replace('{bicycle}', w.bicycleContractId))) {
          const response = await page.goto(path);
          expect(response?.status(), `${who} ${path}`).toBe(200);
          await expectAccessible(page);
        }
        await page.context().close();
      });
    }
  },
);
