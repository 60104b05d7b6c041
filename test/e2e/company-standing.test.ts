import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, toJapanDate } from '../../src/domain/shared/japan-date.js';
import { launchBrowser, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { expectStatus } from '../helpers/contracts.js';
import { command, detail, itemsOf, plan, putItem } from '../helpers/inspections.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';
import { as, expectAccessible, text } from './story.js';

// リスク区分 in the browser (issue 22): the 係長 finds the contractor's standing from the menu; an
// inspection finding then passes its due day (the clock moves) and the company's page says the
// tier went up and why — the overdue finding, its points and its reason — on a desktop and a phone.

describe.skipIf(skipBrowserTests())('a company’s standing follows its records', { timeout: 180_000 }, () => {
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

  const overdueRow = async (page: import('playwright-core').Page) =>
    text(page.getByRole('row', { name: /期限を過ぎた指摘事項/ }));

  it('shows the tier and its reasons, and raises it when a finding goes overdue', async () => {
    const today = toJapanDate(t.clock.now());
    const planned = expectStatus(
      await plan(t, w, { contractId: w.bicycleContractId, plannedOn: today }),
      201,
    );
    expectStatus(await command(t, w, 'inspector', { id: planned.id, version: 1 }, 'start'), 200);
    const item = itemsOf(await detail(t, w, planned.id)).find((i) => i.key === 'm1-1-1')!;
    expectStatus(
      await putItem(t, w.tokens.inspector, planned.id, item, {
        checkedOn: today,
        result: 'ng',
        observation: '保管庫が施錠されていなかった',
        remoteMethod: 'video',
        improvementDueOn: addDays(today, 5),
      }),
      200,
    );

    const chief = await as(browser, base, 'ward_chief');
    await chief.getByRole('link', { name: '事業者', exact: true }).click();
    await chief.waitForLoadState('load');
    expect(new URL(chief.url()).pathname).toBe('/companies');
    expect(await text(chief.locator('main'))).toContain('区の記録');
    await expectAccessible(chief);
    await chief.getByRole('link', { name: '株式会社サイクルサポート東京' }).click();
    await chief.waitForLoadState('load');
    expect(new URL(chief.url()).pathname).toBe(`/companies/${w.companies.contractor}`);
    const before = await text(chief.locator('main'));
    const [, scoreBefore] = before.match(/合計 (\d+) 点/)!;
    expect(await overdueRow(chief)).toMatch(/期限を過ぎた指摘事項\s+0\s+0/);
    expect(await text(chief.getByRole('row', { name: /未完了の指摘事項/ }))).toMatch(/1\s+\+1/);
    await expectAccessible(chief);

    t.clock.advance(10 * 86_400_000);
    const later = await as(browser, base, 'ward_chief');
    await later.goto(`${base}/companies/${w.companies.contractor}`);
    const after = await text(later.locator('main'));
    const [, scoreAfter] = after.match(/合計 (\d+) 点/)!;
    expect(Number(scoreAfter)).toBe(Number(scoreBefore) + 3);
    expect(await overdueRow(later)).toMatch(
      /期限を過ぎた指摘事項\s+1\s+\+3\s+実地検査の指摘に期限までに改善報告がない/,
    );
    await expectAccessible(later);

    // the list, worst first by the same score, on a phone
    const phone = await as(browser, base, 'ward_chief', { width: 375, height: 740 });
    await phone.goto(`${base}/companies?sort=tier&dir=desc`);
    expect(await text(phone.locator('main'))).toContain(`期限を過ぎた指摘事項 1（+3）`);
    await expectAccessible(phone);
  });
});
