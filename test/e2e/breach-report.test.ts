import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../forms/breach-reporting/index.js';
import { toJapanDate } from '../../src/domain/shared/japan-date.js';
import { toWareki } from '../../src/domain/shared/wareki.js';
import { launchBrowser, screenshot, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { expectStatus } from '../helpers/contracts.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';
import { as, expectAccessible, notice, press, text } from './story.js';

// 漏えい等報告 in the browser: the contractor has reported an incident five days ago; the officer
// answers the questions on the incident page, reads the judgment with its articles and the due days
// in 令和, finds the overdue 速報 on the dashboard, records it sent (a day in the future is refused
// beside its field), opens the PDF; the contractor reads that it need not report itself.

describe.skipIf(skipBrowserTests())('a breach report to the Commission', { timeout: 120_000 }, () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  let incidentId = '';
  const today = toJapanDate(new Date());
  const learnedOn = addCalendarDays(today, -5);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date());
    w = await buildWorld(t);
    incidentId = expectStatus(
      await t.call('POST', '/api/v1/incidents', {
        token: w.tokens.contractor_manager,
        json: {
          contractId: w.bicycleContractId,
          information: '撤去車両所有者の氏名・住所・個人番号',
          recordCount: 150,
          location: '保管所の事務室',
          circumstances: '従業者が名簿を持ち出した疑い',
          discoveredAt: `${learnedOn}T10:00:00+09:00`,
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

  it('is judged by the officer from the incident page, with reasons and due days in 令和', async () => {
    const page = await as(browser, base, 'ward_officer');
    await page.goto(`${base}/incidents/${incidentId}`);
    const section = page.getByRole('region', { name: '漏えい等報告（個人情報保護委員会）' });
    expect(await text(section)).toContain('まだ判定していません');
    await expectAccessible(page);
    // prefilled from the incident: the day discovered and its count
    expect(await section.getByLabel('覚知日（事態を知った日）').inputValue()).toBe(learnedOn);
    expect(
      await section
        .getByLabel(/本人の数$/)
        .first()
        .inputValue(),
    ).toBe('150');
    await section.getByLabel(/^不正の目的をもって行われたおそれがある/).check();
    await section.getByLabel('特定個人情報（個人番号を含む）が含まれる').check();
    // My Number data without its count is refused beside the field, the ticks kept
    await press(page, '判定する');
    const refused = page.getByRole('region', { name: '漏えい等報告（個人情報保護委員会）' });
    expect(await text(page.locator('#f-myNumberPersonsAffected-error'))).toContain(
      '特定個人情報が含まれる場合は、その本人の数を入力してください',
    );
    expect(await refused.getByLabel('特定個人情報（個人番号を含む）が含まれる').isChecked()).toBe(true);
    await refused.getByLabel('特定個人情報に係る本人の数').fill('120');
    await press(page, '判定する');
    expect(await notice(page)).toBe('保存しました。');

    const judged = await text(page.getByRole('region', { name: '漏えい等報告（個人情報保護委員会）' }));
    expect(judged).toContain('個人情報保護委員会への報告が必要です');
    expect(judged).toContain('第43条第3号');
    expect(judged).toContain('第43条第4号');
    expect(judged).toContain('番号法第29条の4第1項');
    expect(judged).toContain(toWareki(addCalendarDays(learnedOn, 59)));
    expect(judged).toContain('60日以内');
    expect(judged).toContain(toWareki(addCalendarDays(learnedOn, 2)));
    expect(judged).toContain('本人通知が必要です');
    expect(await text(page.locator('#breach-preliminary'))).toContain('期限超過');
    await expectAccessible(page);
    await screenshot(page, 'breach-report', '#breach');
    await page.close();
  });

  it('waits on the dashboard, overdue, and is recorded sent (a day in the future refused)', async () => {
    const page = await as(browser, base, 'ward_officer');
    const panel = page.getByRole('region', { name: '漏えい等報告（速報・確報・本人通知）' });
    expect(await text(panel)).toContain('期限超過');
    await panel.getByRole('link', { name: /^速報：/ }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(`/incidents/${incidentId}`);

    await page.getByLabel('確報：送付日').fill(addCalendarDays(today, 3));
    await press(page, '確報を送付済みとして記録する');
    expect(await text(page.locator('#f-sentOn-final-error'))).toContain('未来の日付は指定できません');

    await page.getByLabel('速報：送付日').fill(today);
    await press(page, '速報を送付済みとして記録する');
    expect(await notice(page)).toBe('保存しました。');
    const row = await text(page.locator('#breach-preliminary'));
    expect(row).toContain(toWareki(today));
    expect(row).not.toContain('期限超過');
    expect(await page.getByLabel('速報：送付日').count()).toBe(0);

    const pdf = await page.request.get(
      `${base}${await page.getByRole('link', { name: '漏えい等報告書（PDF）' }).getAttribute('href')}`,
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const csv = await page.request.get(`${base}/incidents/${incidentId}/breach-report.csv`);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    await page.close();
  });

  it('is read by the contractor, who need not report itself and may not answer', async () => {
    const page = await as(browser, base, 'contractor_manager');
    await page.goto(`${base}/incidents/${incidentId}`);
    const section = page.getByRole('region', { name: '漏えい等報告（個人情報保護委員会）' });
    const seen = await text(section);
    expect(seen).toContain('委託先自身の報告は要しません');
    expect(seen).toContain('第26条第1項ただし書');
    expect(seen).toContain('区に事故を報告');
    expect(await section.getByRole('button').count()).toBe(0);
    await page.close();
  });
});
