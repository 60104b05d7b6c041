import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, samplePdf, screenshot, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { pdfText } from '../helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, USERS, type World } from '../helpers/world.js';
import { as, expectAccessible, notice, press, signFromQueue, signHere, text } from './story.js';

// The Shinjuku bicycle-measures case (seed 003) carried through the browser by each kind of user:
// the privacy officer registers a contract and its register, the contractor lists its handlers with
// their pledges, the ward acknowledges and signs (担当者 → 係長 → 課長), the contractor applies to
// sub-contract the call centre, the ward reviews it beside the parent's register, and the council
// reviewer reads the resulting report item and its PDF.

// A browser step that takes a few seconds alone can take several times longer on a loaded machine.
describe.skipIf(skipBrowserTests())('the bicycle-measures case in the browser', { timeout: 90_000 }, () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  let contractId = '';
  const TITLE = '放置自転車等撤去・保管業務委託';

  beforeAll(async () => {
    t = await createTestApp();
    // Cookies expire by the browser's clock: the app's clock must be the real one.
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

  it('shows a Japanese ログイン page that keeps the address after a wrong password', async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await page.locator('h1').textContent()).toBe('ログイン');
    await expectAccessible(page);
    await screenshot(page, 'login');
    await page.getByLabel('メールアドレス').fill(USERS.ward_officer!.email);
    await page.getByLabel('パスワード').fill('wrong password');
    await press(page, 'ログイン');
    expect(await text(page.getByRole('alert'))).toContain('メールアドレスまたはパスワードが正しくありません');
    expect(await page.getByLabel('メールアドレス').inputValue()).toBe(USERS.ward_officer!.email);
    await context.close();
  });

  it('lets the privacy officer register a contract, keeping what was typed when a field is wrong', async () => {
    const page = await as(browser, base, 'ward_officer');
    await expectAccessible(page);
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '委託契約' })
      .click();
    await page.getByRole('link', { name: '新規登録' }).click();
    await page.getByLabel('契約番号').fill('8新交対契約第200号');
    await page.getByLabel('所管課').selectOption({ label: '交通対策課' });
    await page.getByLabel('受託者').selectOption({ label: '株式会社サイクルサポート東京' });
    await page.getByLabel('契約期間（開始）').fill('2026-04-01');
    await page.getByLabel('契約期間（終了）').fill('2027-03-31');
    await page.getByLabel('契約金額（円）').fill('４８，６００，０００');
    await page.getByLabel('(3) 電磁的記録の庁外への持出し（媒体・ネットワーク）').check();
    await page.getByLabel('運用上の対策').first().fill('特記事項を付す\n区職員が立入調査を行う');
    await press(page, '保存する');
    // the title was left empty: the error sits beside it, everything else is kept
    expect(await text(page.getByRole('alert'))).toContain('入力してください');
    expect(await text(page.locator('#f-title-error'))).toBe('入力してください');
    expect(await page.getByLabel('契約番号').inputValue()).toBe('8新交対契約第200号');
    expect(await page.getByLabel('契約金額（円）').inputValue()).toBe('４８，６００，０００');
    expect(await page.getByLabel('(3) 電磁的記録の庁外への持出し（媒体・ネットワーク）').isChecked()).toBe(
      true,
    );
    await expectAccessible(page);
    await page.getByLabel('件名').fill(TITLE);
    await press(page, '保存する');
    expect(await notice(page)).toBe('登録しました。');
    expect(await text(page.locator('h1'))).toBe(TITLE);
    expect(await text(page.locator('dl.details'))).toContain('48,600,000円');
    contractId = new URL(page.url()).pathname.split('/')[2]!;
    await page.context().close();
  });

  it('lets the privacy officer enter the data-item register, adding rows in the browser', async () => {
    const page = await as(browser, base, 'ward_officer');
    await page.goto(`/contracts/${contractId}`);
    await page.getByRole('link', { name: '情報項目を登録・変更' }).click();
    const rows: Array<[string, string, string, boolean]> = [
      ['撤去車両所有者', '氏名', 'provided', true],
      ['撤去車両所有者', '住所', 'provided', true],
      ['問合せ者', '氏名', 'collected', false],
      ['問合せ者', '電話番号', 'collected', false],
    ];
    // three blank rows are there; the fourth comes from "行を追加" (the script copies a row)
    await page.getByRole('button', { name: '行を追加' }).first().click();
    for (const [n, [group, item, direction, past]] of rows.entries()) {
      await page.getByLabel(`${n + 1}行目 対象者（誰の情報か）`).fill(group);
      await page.getByLabel(`${n + 1}行目 項目名`).fill(item);
      await page.getByLabel(`${n + 1}行目 収集・提供の別`).selectOption(direction);
      if (past) await page.getByLabel(`${n + 1}行目 過年度分を含む`).check();
    }
    await page.getByLabel('1行目 媒体の種類').selectOption('usb');
    await page.getByLabel('1行目 名称（帳票名・システム名など）').fill('暗号化USB');
    await expectAccessible(page);
    await screenshot(page, 'register-editor', 'h1');
    await press(page, '保存する');
    expect(await notice(page)).toBe('保存しました。');
    const register = page.getByRole('region', { name: /取り扱う個人情報/ });
    expect(await text(register)).toContain('撤去車両所有者');
    expect(await text(register)).toContain('住所（過年度分を含む）');
    expect(await text(page.locator('#register'))).toContain('第1版');
    await page.context().close();
  });

  it('lets the contractor register a person with a pledge PDF and submit the handler list', async () => {
    const page = await as(browser, base, 'contractor_manager');
    expect(await text(page.getByRole('region', { name: '受託している契約' }))).toContain(TITLE);
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '取扱者' })
      .click();
    // the register's form field, not the list's filter (氏名・ふりがな・役職) nor its sort link
    await page.getByRole('textbox', { name: /^氏名\s*必須$/ }).fill('新宿 太郎');
    await page.getByLabel('ふりがな（カタカナ）', { exact: true }).fill('シンジュク タロウ');
    await press(page, '取扱者を登録する');
    expect(await notice(page)).toBe('登録しました。');
    await page.getByLabel('誓約日').fill('2026-03-20');
    await page
      .getByLabel(/誓約書の写し/)
      .setInputFiles({ name: '誓約書_新宿太郎.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await expectAccessible(page);
    await press(page, '誓約書を登録する');
    expect(await notice(page)).toBe('誓約書を登録しました。');
    expect(await page.getByRole('link', { name: '写し' }).isVisible()).toBe(true);

    await page.goto(`/contracts/${contractId}`);
    await page.getByRole('link', { name: '名簿を提出・変更する' }).click();
    await page.getByLabel('新宿 太郎を名簿に載せる').check();
    await page.getByLabel('新宿 太郎 役割').selectOption('responsible');
    await page.getByLabel('西新宿 健を名簿に載せる').check();
    await expectAccessible(page);
    await press(page, '名簿を提出・変更する');
    expect(await notice(page)).toBe('提出しました。');
    expect(await text(page.getByRole('table', { name: '提出の履歴' }))).toContain('確認待ち');
    await page.context().close();
  });

  it('lets the privacy officer acknowledge the list, apply for approval and sign as 担当者', async () => {
    const page = await as(browser, base, 'ward_officer');
    await page
      .getByRole('region', { name: '確認待ちの取扱者名簿' })
      .getByRole('link', { name: TITLE })
      .click();
    expect(await text(page.getByRole('table', { name: /確認待ちの名簿/ }))).toContain('新宿 太郎');
    await screenshot(page, 'handler-list-pending', '#handler-lists');
    await page.goto(`/contracts/${contractId}`);
    await screenshot(page, 'contract-detail');
    await press(page, '名簿を確認する');
    expect(await notice(page)).toBe('処理しました。');
    expect(await text(page.getByRole('table', { name: /現在の名簿/ }))).toContain('新宿 太郎');
    await press(page, '委託の承認を申請する');
    expect(await notice(page)).toContain('申請を作成しました');
    await signHere(page, 'submit');
    await signHere(page, 'start-review');
    await signHere(page, 'approve', '内容を確認しました');
    const stamps = page.getByRole('list', { name: '決裁欄' }).getByRole('listitem');
    expect(await text(stamps.nth(0))).toMatch(/^担当者\s+決裁済/);
    expect(await text(stamps.nth(1))).toMatch(/^係長\s+決裁待ち/);
    expect(await text(stamps.nth(2))).toMatch(/^課長\s+—$/);
    await page.context().close();
  });

  it('lets the 係長 and then the 課長 sign it from their queue, and the officer start the work', async () => {
    await (await signFromQueue(browser, base, 'ward_chief', TITLE)).context().close();
    const manager = await signFromQueue(browser, base, 'ward_manager', TITLE);
    expect(await text(manager.locator('.badge').first())).toBe('承認');
    await screenshot(manager, 'approval-signed');
    await manager.context().close();

    const page = await as(browser, base, 'ward_officer');
    await page.goto(`/contracts/${contractId}`);
    await press(page, '履行を開始する');
    expect(await text(page.locator('dl.details'))).toContain('履行中');
    await page.context().close();
  });

  it('lets the contractor apply to sub-contract the call centre, refusing the whole work first', async () => {
    // the sub-contractor tells its corporate number (法人番号), shown on its dashboard
    const sub = await as(browser, base, 'subcontractor_manager');
    const number = (await sub
      .getByRole('region', { name: '貴社の法人番号' })
      .locator('code')
      .textContent())!.trim();
    expect(number).toBe('1011101000003');
    await sub.context().close();

    const page = await as(browser, base, 'contractor_manager');
    await page.goto(`/contracts/${w.bicycleContractId}`);
    await page.getByRole('link', { name: '再委託を申請する' }).click();
    // it works with no company yet, so it names the call centre by its corporate number
    expect(await page.getByLabel('法人番号で指定する').isChecked()).toBe(true);
    await page.getByLabel('法人番号（13桁）').fill(number);
    await page.getByLabel('事業者名').fill('株式会社コールセンター・ジャパン');
    await page.getByLabel('件名').fill('自転車対策コールセンター運営業務');
    await page.getByLabel(/再委託する理由/).fill('問合せ対応に専門的なノウハウが必要なため');
    await page.getByLabel('再委託して処理する内容').fill('コールセンターの運営（問合せの受付及び回答）');
    await page.getByLabel('業務の全部').check();
    await page.getByLabel('問合せ者: 氏名（委託先が収集する項目）').check();
    await page.getByLabel('問合せ者: 電話番号（委託先が収集する項目）').check();
    await page.getByLabel('問合せ者: 問合せ内容（委託先が収集する項目）').check();
    await page.getByLabel('委託先のパソコン', { exact: true }).check();
    await page
      .getByLabel(/安全性及び信頼性/)
      .fill('プライバシーマーク取得事業者とする\n従事者に研修を受講させる');
    await page.getByLabel(/管理及び監督の方法/).fill('月1回の業務報告と年1回以上の立入調査');
    await press(page, '申請書を作成する');
    expect(await text(page.locator('#f-portion-error'))).toContain(
      '業務の全部又は主たる部分を再委託することはできません',
    );
    expect(await page.getByLabel('問合せ者: 電話番号（委託先が収集する項目）').isChecked()).toBe(true);
    await expectAccessible(page);
    await page.getByLabel('業務の一部').check();
    await press(page, '申請書を作成する');
    expect(await notice(page)).toContain('申請を作成しました');
    await signHere(page, 'submit');
    expect(await notice(page)).toBe('提出しました。');
    await page.context().close();
  });

  it('shows the privacy officer the application beside the parent register, and the chain approves it', async () => {
    const page = await as(browser, base, 'ward_officer');
    await screenshot(page, 'dashboard-officer');
    await page
      .getByRole('region', { name: '決裁待ちの申請' })
      .getByRole('link', { name: '自転車対策コールセンター運営業務' })
      .click();
    const parent = page.getByRole('region', { name: '委託元（受託者）の契約の情報項目' });
    expect(await parent.locator('.picked').count()).toBe(4);
    expect(await text(page.getByRole('region', { name: '再委託において取り扱う情報' }))).toContain(
      '問合せ内容',
    );
    await expectAccessible(page);
    await signHere(page, 'start-review');
    await screenshot(page, 'subcontract-review', '.compare');
    await signHere(page, 'approve');
    await page.context().close();
    await (await signFromQueue(browser, base, 'ward_chief', '自転車対策コールセンター運営業務'))
      .context()
      .close();
    const manager = await signFromQueue(browser, base, 'ward_manager', '自転車対策コールセンター運営業務');
    expect(await text(manager.locator('.badge').first())).toBe('承認');
    await manager.context().close();

    const sub = await as(browser, base, 'subcontractor_manager');
    expect(await text(sub.getByRole('region', { name: '受託している契約' }))).toContain(
      '自転車対策コールセンター運営業務',
    );
    await sub.context().close();
  });

  it('lets the council reviewer read a report item and its PDF, with nothing to edit', async () => {
    const page: Page = await as(browser, base, 'council_reviewer');
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '審議会' })
      .click();
    await page
      .getByRole('link', { name: '自転車対策コールセンター運営業務の再委託について', exact: true })
      .click();
    expect(await text(page.locator('main'))).toContain('株式会社コールセンター・ジャパン');
    expect(await page.locator('main form').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'council-item');
    const href = await page.getByRole('link', { name: 'PDFで開く' }).getAttribute('href');
    const pdf = await page.context().request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const document = await pdfText(new Uint8Array(await pdf.body()));
    expect(document.text).toContain('報告事項');
    expect(document.text).toContain('株式会社コールセンター・ジャパン');
    await page.context().close();
  });
});
