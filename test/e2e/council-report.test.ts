import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { pdfText } from '../helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld } from '../helpers/world.js';
import { as, expectAccessible, notice, press, text } from './story.js';

// The council report's cover sheet, 事業の概要 and bundled parts recorded in the page (issue 16):
// the ward officer fills the form, a careless entry (a bundle of one part) is refused beside its
// field with a summary at the top, the corrected form is recorded and drawn in the PDF; the council
// reviewer reads it all and is offered no form.

describe.skipIf(skipBrowserTests())('the council report cover in the pages', { timeout: 90_000 }, () => {
  let t: TestApp;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  let itemPath = '';

  beforeAll(async () => {
    t = await createTestApp();
    // the browser keeps real time: sessions made on the test clock would have expired
    t.clock.set(new Date());
    await buildWorld(t);
    ({ url: base, close } = await serveApp(t));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
    await t?.close();
  });

  it('lets the ward officer record the cover, the overview, the pre-selection and the parts', async () => {
    const page = await as(browser, base, 'ward_officer');
    await page.goto('/council');
    await page
      .getByRole('link', { name: /の委託について$/ })
      .first()
      .click();
    itemPath = new URL(page.url()).pathname;
    const section = page.getByRole('region', { name: '表紙・事業の概要・一括契約の内訳' });
    expect(await text(section)).toContain('一括契約ではありません');
    await section.getByText('表紙・概要・内訳を記録・修正する').click();

    await section.getByLabel('条例の根拠（条項）').fill('第14条第1項');
    await section.getByLabel('電子計算機による個人情報の処理委託').check();
    await section.getByLabel('個人情報の収集を伴う委託').check();
    await section.getByLabel('会議日').fill('2026-12-10');
    await section.getByLabel('選定方法').fill('プロポーザルにより選定');
    await section.getByLabel('事業者決定の予定').fill('令和9年2月中旬に事業者決定（予定）');
    await section.getByLabel('目的').fill('放置自転車対策の強化');
    await section.getByLabel('対象者').fill('駐輪施設利用希望者、撤去車両所有者');
    const part = (n: number) => section.getByRole('group', { name: `内訳 ${n}` });
    await part(1).getByLabel('業務内容').fill('放置自転車等撤去');
    // careless: one part only is no bundle
    await press(page, '表紙・概要を記録する');
    const summary = page.getByRole('alert');
    expect(await text(summary)).toContain('一括契約の内訳は2件以上です');
    expect(
      await page
        .getByRole('region', { name: '表紙・事業の概要・一括契約の内訳' })
        .getByLabel('条例の根拠（条項）')
        .inputValue(),
    ).toBe('第14条第1項');
    await expectAccessible(page);
    await screenshot(page, 'council-item-cover-refused', '.error-summary');

    const again = page.getByRole('region', { name: '表紙・事業の概要・一括契約の内訳' });
    const row = (n: number) => again.getByRole('group', { name: `内訳 ${n}` });
    await row(2).getByLabel('業務内容').fill('駐輪施設定期利用申請受付業務');
    await row(2).getByLabel('個人情報を取り扱う').check();
    await row(2).getByLabel('審議会の承認（既承認）').fill('平成27年度第5回本審議会にて了承済');
    await row(3).getByLabel('業務内容').fill('自転車対策コールセンター運営業務');
    await row(3).getByLabel('個人情報を取り扱う').check();
    await row(3).getByLabel('新規追加業務').check();
    await press(page, '表紙・概要を記録する');
    expect(await notice(page)).toBe('保存しました。');

    const recorded = page.getByRole('region', { name: '表紙・事業の概要・一括契約の内訳' });
    const table = recorded.getByRole('table', { name: '一括契約の内訳' });
    expect(await text(table)).toContain('平成27年度第5回本審議会にて了承済');
    expect(await text(table)).toContain('今回の報告事項');
    expect(await text(page.locator('main'))).toContain('未決定（プロポーザルにより選定）');
    await expectAccessible(page);
    await screenshot(page, 'council-item-cover', '#cover-heading');

    const pdf = await page.context().request.get(`${itemPath}/pdf`);
    expect(pdf.status()).toBe(200);
    const flat = (await pdfText(new Uint8Array(await pdf.body()))).text.replace(/\s/g, '');
    for (const expected of [
      '諮問・報告事項',
      '第14条第1項（業務委託）',
      '事業の概要',
      '①放置自転車等撤去×—',
      '令和8年12月10日',
    ]) {
      expect(flat).toContain(expected);
    }
    await page.context().close();
  });

  it('shows the council reviewer the cover and parts with no form', async () => {
    const page = await as(browser, base, 'council_reviewer');
    await page.goto(itemPath);
    const section = page.getByRole('region', { name: '表紙・事業の概要・一括契約の内訳' });
    expect(await text(section.getByRole('table', { name: '一括契約の内訳' }))).toContain(
      '自転車対策コールセンター運営業務',
    );
    expect(await page.locator('main form').count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });
});
