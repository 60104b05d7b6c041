import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJapanDate } from '../../src/domain/shared/japan-date.js';
import { launchBrowser, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';
import { as, expectAccessible, notice, press, text } from './story.js';

// 指名停止の登録 and 契約解除 in the browser: the privacy officer finds a company by name and
// suspends it; the 課長 terminates a contract for breach, choosing the article from the contract's
// own 特記事項. A refused form lists its problems at the top, each a link to its field.

describe.skipIf(skipBrowserTests())('suspension and termination pages', { timeout: 120_000 }, () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  const today = toJapanDate(new Date());

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

  it('lets the privacy officer register a suspension of a company found by search', async () => {
    const page = await as(browser, base, 'ward_officer');
    await page.goto(`${base}/suspensions`);
    const section = page.getByRole('region', { name: '指名停止の登録' });
    await section.getByLabel('事業者名または法人番号').fill('コールセンター');
    await press(page, '検索');
    expect(await text(page.getByRole('status'))).toContain('「コールセンター」に一致する事業者: 1件');
    // one match: it is chosen already
    expect(await page.locator('#f-companyId').inputValue()).toBe(w.companies.subcontractor);
    await expectAccessible(page);

    // a careless officer forgets the reason and types the end as text
    await page.getByLabel('停止期間（終了日）').evaluate((el: HTMLInputElement) => {
      el.type = 'text';
      el.value = '来年3月';
    });
    await press(page, '指名停止を登録する');
    const summary = page.locator('.error-summary');
    expect(await text(summary)).toContain('理由を入力してください');
    expect(await text(summary)).toContain('終了日は年月日の形で入力してください');
    expect(await summary.getByRole('link', { name: '理由を入力してください' }).getAttribute('href')).toBe(
      '#f-reason',
    );
    await expectAccessible(page);

    await page.getByLabel('停止期間（開始日）').fill(today);
    await page.getByLabel('停止期間（終了日）').fill('2099-03-31');
    await page.getByLabel('理由（措置の根拠と内容）').fill('個人情報の漏えい事故による指名停止（3か月）');
    await press(page, '指名停止を登録する');
    expect(await notice(page)).toBe('保存しました。');
    const list = await text(page.locator('table'));
    expect(list).toContain('株式会社コールセンター・ジャパン');
    expect(list).toContain('個人情報の漏えい事故による指名停止（3か月）');
    expect(list).toContain('停止中');
  });

  it('offers no registration to a company', async () => {
    const page = await as(browser, base, 'contractor_manager');
    await page.goto(`${base}/suspensions`);
    expect(await page.getByRole('region', { name: '指名停止の登録' }).count()).toBe(0);
  });

  it('offers 契約解除 to the 課長 only', async () => {
    for (const who of ['ward_officer', 'contractor_manager']) {
      const page = await as(browser, base, who);
      await page.goto(`${base}/contracts/${w.bicycleContractId}`);
      expect(await page.getByRole('button', { name: '契約を解除する' }).count(), who).toBe(0);
      await page.close();
    }
  });

  it('lets the 課長 terminate the contract, naming the breached article of its own provisions', async () => {
    const page = await as(browser, base, 'ward_manager');
    await page.goto(`${base}/contracts/${w.bicycleContractId}`);
    const section = page.getByRole('region', { name: '契約解除' });
    // the demo contract runs under the Shinjuku 乙 provisions, numbered by 項
    const options = await section.getByLabel('違反した条項').locator('option').allTextContents();
    expect(options).toContain('第9項（複写等の禁止）');
    await expectAccessible(page);

    await section.getByLabel('解除の理由（違反の内容）').fill('無承諾で撤去車両所有者の名簿を複製した');
    await press(page, '契約を解除する');
    const summary = page.locator('.error-summary');
    expect(
      await summary.getByRole('link', { name: '違反した条項を選んでください' }).getAttribute('href'),
    ).toBe('#f-article');
    // what was typed stays
    expect(await page.getByLabel('解除の理由（違反の内容）').inputValue()).toBe(
      '無承諾で撤去車両所有者の名簿を複製した',
    );
    await expectAccessible(page);

    // a day in the future is refused by the use case, shown at the top and beside the field
    await page.getByLabel('違反した条項').selectOption({ label: '第9項（複写等の禁止）' });
    await page.getByLabel('解除日').fill('2099-04-01');
    await press(page, '契約を解除する');
    expect(await text(page.locator('.error-summary'))).toContain('解除日に将来の日付は指定できません');

    await page.getByLabel('解除日').fill(today);
    await press(page, '契約を解除する');
    expect(await notice(page)).toBe('保存しました。');
    const overview = await text(page.getByRole('region', { name: '契約の内容' }));
    expect(overview).toContain('終了手続中');
    expect(overview).toContain('特記事項第9項');
    expect(overview).toContain('無承諾で撤去車両所有者の名簿を複製した');
    expect(await page.getByRole('region', { name: '契約解除' }).count()).toBe(0);
  });
});
