import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreApplication, signOff, step } from '../helpers/approvals.js';
import { launchBrowser, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { CONTRACTS, createContract, expectStatus } from '../helpers/contracts.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';
import { as, expectAccessible, notice, press, text } from './story.js';

// 特記事項 in the browser: the sub-contractor reads the flow-down provisions (丙) of its approved
// sub-contract in full and accepts them under its manager's name; the privacy officer chooses the
// provisions of a draft contract.

describe.skipIf(skipBrowserTests())('special provisions in the browser', { timeout: 120_000 }, () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  let subId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date());
    w = await buildWorld(t);
    const applied = expectStatus(
      await t.call('POST', `${CONTRACTS}/${w.bicycleContractId}/subcontract-applications`, {
        token: w.tokens.contractor_manager,
        json: callCentreApplication(w),
      }),
      201,
    );
    subId = applied.contractId;
    await signOff(t, w, expectStatus(await step(t, w, 'contractor_manager', applied, 'submit'), 200));
    ({ url: base, close } = await serveApp(t));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
    await t?.close();
  });

  it('lets the sub-contractor read the flow-down provisions and accept them', async () => {
    const page = await as(browser, base, 'subcontractor_manager');
    await page.goto(`/contracts/${subId}`);
    const section = page.getByRole('region', { name: '特記事項' });
    expect(await text(section)).toContain('特記事項（再委託先用・丙）（第1版・再委託先（丙）用）');
    expect(await text(section)).toContain('未受諾');
    expect(await text(section)).toContain('この特記事項を受ける者は再委託できません');
    await expectAccessible(page);

    await section.getByRole('link', { name: '全文を表示する' }).click();
    const body = await text(page.locator('main'));
    expect(body).toContain(
      '第11項 丙は、業務を行うに当たって、個人情報を取り扱う業務を一切第三者に委託してはならない。',
    );
    expect(body).toContain('（再委託の禁止）');
    const duties = await text(page.getByRole('region', { name: 'このシステムが確認する義務と根拠条項' }));
    expect(duties).toContain('秘密の保持（誓約書）');
    await expectAccessible(page);

    await page.getByRole('link', { name: '契約に戻る' }).click();
    await page
      .getByLabel('受諾者（会社名・役職・氏名）')
      .fill('株式会社コールセンター・ジャパン 統括責任者 山田花子');
    await press(page, '特記事項を受諾する');
    expect(await notice(page)).toBe('保存しました。');
    const accepted = await text(page.getByRole('region', { name: '特記事項' }));
    expect(accepted).toContain('受諾済み（株式会社コールセンター・ジャパン 統括責任者 山田花子）');
    expect(await page.getByRole('button', { name: '特記事項を受諾する' }).count()).toBe(0);
  });

  it('lets the privacy officer choose the provisions of a draft, and not of a started contract', async () => {
    const draft = await createContract(t, w, { title: '特記事項を選ぶ契約' });
    const page = await as(browser, base, 'ward_officer');
    await page.goto(`/contracts/${draft.id}`);
    const section = page.getByRole('region', { name: '特記事項' });
    await section
      .getByLabel('適用する特記事項')
      .selectOption({ label: '個人情報 特記事項（別紙7様式）（第1版）' });
    await press(page, '特記事項を選択する');
    expect(await text(page.getByRole('region', { name: '特記事項' }))).toContain(
      '個人情報 特記事項（別紙7様式）',
    );
    await expectAccessible(page);

    await page.goto(`/contracts/${w.bicycleContractId}`);
    expect(await page.getByRole('button', { name: '特記事項を選択する' }).count()).toBe(0);
  });
});
