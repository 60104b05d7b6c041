import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { expectStatus } from '../helpers/contracts.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';
import { as, expectAccessible, notice, press, text } from './story.js';

// 契約の見直し in the browser: 新宿区's officer set a one-month review cycle on the bicycle contract;
// a month later the review waits on the dashboard with what changed; the 係長 follows it to the
// contract's review page, is refused without a note, completes it, and sees it in the history with
// the next review due. The contract's coverage page shows the crosswalk for the demo contract.

describe.skipIf(skipBrowserTests())('a contract review in the browser', { timeout: 120_000 }, () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date());
    w = await buildWorld(t);
    expectStatus(
      await t.call('PUT', `/api/v1/contract-reviews/cycles/${w.bicycleContractId}`, {
        token: w.tokens.ward_officer,
        json: { months: 1, version: 0 },
      }),
      200,
    );
    // a month and a few days later: the review is due (the browser signs in at the new time)
    t.clock.advance(35 * 86_400_000);
    ({ url: base, close } = await serveApp(t));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
    await t?.close();
  });

  it('is completed from the dashboard by the 係長, with a note', async () => {
    const page = await as(browser, base, 'ward_chief');
    const panel = page.getByRole('region', { name: '見直しの時期が来た契約' });
    expect(await text(panel)).toContain('前回以降');
    await panel.getByRole('link', { name: /総合自転車対策業務一括委託/ }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(`/contracts/${w.bicycleContractId}/review`);
    expect(await text(page.locator('[data-cycle]'))).toBe('1か月ごと');
    await expectAccessible(page);
    await press(page, /^見直しを完了$/);
    expect(await text(page.locator('.error-summary'))).toContain('見直しの所見を入力してください');
    await expectAccessible(page);
    await page.getByLabel('見直しの所見').fill('名簿・特記事項に変更なし。引き続き委託する。');
    await press(page, /^見直しを完了$/);
    expect(await notice(page)).toBeTruthy();
    const history = await text(page.locator('.review-history'));
    expect(history).toContain('名簿・特記事項に変更なし。引き続き委託する。');
    // the next review is due a month after this one
    expect(await text(page.getByRole('region', { name: '見直し待ち' }))).toContain('期限');
    const reviews = await t.handle.db
      .selectFrom('contract_reviews')
      .select(['status', 'completed_by'])
      .where('contract_id', '=', w.bicycleContractId)
      .orderBy('issued_at')
      .execute();
    expect(reviews.map((r) => r.status)).toEqual(['completed', 'due']);
    expect(reviews[0]!.completed_by).toBe(w.userIds.ward_chief);
  });

  it('shows the coverage of the demo contract, reachable from the contract page', async () => {
    const page = await as(browser, base, 'ward_officer');
    await page.goto(`${base}/contracts/${w.bicycleContractId}`);
    await page.getByRole('link', { name: '統制項目の充足状況' }).click();
    await page.waitForLoadState('load');
    const table = await text(page.locator('table.coverage'));
    for (const id of ['mic-8.1-1', 'appi-66', 'iso-a5.19', 'iso-a5.23']) expect(table).toContain(id);
    expect(table).toContain('証跡あり');
    expect(table).toContain('証跡なし');
    await expectAccessible(page);
    await page.goto(`${base}/controls`);
    expect(await text(page.locator('main'))).toContain('総合自転車対策業務一括委託');
    await expectAccessible(page);
  });
});
