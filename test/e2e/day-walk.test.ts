import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnNote, IMPORT_COLUMNS } from '../../src/domain/imports/import-columns.js';
import { certificateVerifyUrl } from '../../src/http/pdf-documents.js';
import { callCentreApplication } from '../helpers/approvals.js';
import {
  launchBrowser,
  screenshot,
  serveApp,
  skipBrowserTests,
  skipFallbackFont,
} from '../helpers/browser.js';
import { CONTRACTS, expectStatus } from '../helpers/contracts.js';
import { certifyFinalErasure, ERASURES, listedHandlers } from '../helpers/handover.js';
import { answerRest, command, plan } from '../helpers/inspections.js';
import { pdfText } from '../helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorkbook } from '../helpers/workbook.js';
import { buildWorld, type World } from '../helpers/world.js';
import { as, expectAccessible, notice, press, signHere, text } from './story.js';

// A day of each user, walked through the pages with one app and one browser: the contractor applies
// to sub-contract, choosing the company by name; the 担当者, 係長 and 課長 each find it in their
// 受信箱 and sign it from there (the 課長 on a phone); the contractor downloads the 承認通知書; an
// inspection awaiting 決裁 waits in the 係長's inbox; an erasure certificate's printed address (the
// one its QR code carries) opens /verify; the contract list is sorted, filtered and exported; and
// the pages added this round each open once. axe-core on each page the walk stops at.

const PHONE = { width: 390, height: 844 };
const TITLE = '繁忙期の問合せ対応業務';
const COMPANY = '株式会社コールセンター・ジャパン';

describe.skipIf(skipBrowserTests())('a day of each user, through the pages', { timeout: 120_000 }, () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  let approvalId = '';

  beforeAll(async () => {
    t = await createTestApp();
    // sessions are checked against the clock: the browser lives in real time
    t.clock.set(new Date());
    w = await buildWorld(t);
    // the contractor has applied once before (a draft), so it works with the call centre: the
    // company is offered by name from now on
    expectStatus(
      await t.call('POST', `${CONTRACTS}/${w.bicycleContractId}/subcontract-applications`, {
        token: w.tokens.contractor_manager,
        json: callCentreApplication(w),
      }),
      201,
    );
    // an inspection record the 担当者 has signed: it awaits the 係長's 決裁
    const planned = expectStatus(await plan(t, w, { contractId: w.bicycleContractId }), 201);
    const started = expectStatus(await command(t, w, 'inspector', planned, 'start'), 200);
    const submitted = expectStatus(
      await command(t, w, 'inspector', await answerRest(t, w, started.id), 'submit'),
      200,
    );
    expectStatus(await command(t, w, 'ward_officer', submitted, 'approve'), 200);
    ({ url: base, close } = await serveApp(t));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
    await t?.close();
  });

  /** The inbox's row of this walk's application, opened, as `page`'s user. */
  const openFromInbox = async (page: Page, title: string) => {
    const inboxLink = page.locator('header').getByRole('link', { name: /^受信箱/ });
    expect(await text(inboxLink)).toMatch(/^受信箱\s*[1-9]/);
    await Promise.all([page.waitForLoadState('load'), inboxLink.click()]);
    expect(await text(page.locator('h1'))).toBe('受信箱');
    await expectAccessible(page);
    const row = page.getByRole('row').filter({ hasText: title });
    expect(await text(row)).toContain('承認申請の決裁・提出');
    return row;
  };

  const openRow = async (page: Page, row: ReturnType<Page['getByRole']>) => {
    await Promise.all([page.waitForLoadState('load'), row.getByRole('link').first().click()]);
    expect(new URL(page.url()).pathname).toBe(`/approvals/${approvalId}`);
  };

  /** What a download link hands over, as bytes, with its suggested file name. */
  const download = async (page: Page, name: string | RegExp) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name }).first().click(),
    ]);
    return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile((await file.path())!)) };
  };

  it('lets the contractor apply to sub-contract, finding the company by name', async () => {
    const page = await as(browser, base, 'contractor_manager');
    await page.goto(`/contracts/${w.bicycleContractId}`);
    await page.getByRole('link', { name: '再委託を申請する' }).click();
    await page.getByLabel('会社名または法人番号').fill('コールセンター');
    await press(page, '検索');
    expect(await text(page.getByRole('status'))).toContain('1');
    // the one company found is chosen, by its name
    expect(await page.getByLabel('取引のある事業者から選ぶ').isChecked()).toBe(true);
    const chosen = page.getByLabel('取引のある事業者', { exact: true });
    expect(await chosen.locator('option:checked').textContent()).toBe(COMPANY);
    await expectAccessible(page);
    await page.getByLabel('件名').fill(TITLE);
    await page.getByLabel(/再委託する理由/).fill('繁忙期の問合せに専門の事業者で対応するため');
    await page.getByLabel('再委託して処理する内容').fill('繁忙期の問合せの受付及び回答');
    await page.getByLabel('業務の一部').check();
    await page.getByLabel('問合せ者: 氏名（委託先が収集する項目）').check();
    await page.getByLabel('問合せ者: 問合せ内容（委託先が収集する項目）').check();
    await page.getByLabel('委託先のパソコン', { exact: true }).check();
    await page.getByLabel(/安全性及び信頼性/).fill('プライバシーマーク取得事業者とする');
    await page.getByLabel(/管理及び監督の方法/).fill('月1回の業務報告');
    await press(page, '申請書を作成する');
    expect(await notice(page)).toContain('申請を作成しました');
    approvalId = new URL(page.url()).pathname.split('/')[2]!;
    expect(await text(page.locator('main'))).toContain(COMPANY);
    await signHere(page, 'submit');
    expect(await notice(page)).toBe('提出しました。');
    await page.context().close();
  });

  it('brings the 担当者 to it from the inbox, to review and sign', async () => {
    const page = await as(browser, base, 'ward_officer');
    await openRow(page, await openFromInbox(page, TITLE));
    await signHere(page, 'start-review');
    await signHere(page, 'approve', '担当者 確認済み');
    expect(await notice(page)).toBe('決裁の操作を記録しました。');
    await page.goto('/notifications');
    expect(await page.getByRole('row').filter({ hasText: TITLE }).count()).toBe(0);
    await page.context().close();
  });

  it('brings the 係長 to it and to the inspection awaiting 決裁, from one inbox', async () => {
    const page = await as(browser, base, 'ward_chief');
    const row = await openFromInbox(page, TITLE);
    const inspection = page.getByRole('row').filter({ hasText: '実地検査結果の決裁' });
    expect(await text(inspection)).toContain('株式会社サイクルサポート東京');
    await screenshot(page, 'inbox-waiting');
    await openRow(page, row);
    await signHere(page, 'approve', '係長 確認済み');
    expect(await notice(page)).toBe('決裁の操作を記録しました。');
    await page.context().close();
  });

  it('brings the 課長 to it on a phone, who signs it there', async () => {
    const page = await as(browser, base, 'ward_manager', PHONE);
    const row = await openFromInbox(page, TITLE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await openRow(page, row);
    await signHere(page, 'approve', '課長 決裁');
    expect(await notice(page)).toBe('決裁の操作を記録しました。');
    expect(await text(page.locator('.badge').first())).toBe('承認');
    await page.context().close();
  });

  it('hands the contractor the approval notice (承認通知書) naming the company, dated in 令和', async () => {
    const page = await as(browser, base, 'contractor_manager');
    await page.goto(`/approvals/${approvalId}`);
    const notice = await download(page, '承認通知書（PDF）をダウンロード');
    expect(notice.name).toMatch(/\.pdf$/);
    expect(new TextDecoder().decode(notice.bytes.slice(0, 5))).toBe('%PDF-');
    const flat = (await pdfText(notice.bytes)).text.replace(/\s/g, '');
    expect(flat).toContain(COMPANY);
    expect(flat).toMatch(/令和\d+年\d+月\d+日/);
    await page.context().close();
  });

  it('opens /verify from the address an erasure certificate’s QR code carries: valid, in Japan time', async () => {
    const token = w.tokens.contractor_manager!;
    const people = await listedHandlers(t, token, w.bicycleContractId);
    const certificate = await certifyFinalErasure(t, token, w.bicycleContractId, Object.values(people)[0]!);
    const record = (await t.call('GET', ERASURES, { token })).body.items[0];
    // the certificate as its page hands it out
    const page = await as(browser, base, 'contractor_manager');
    await page.goto(`/handover/erasures/${record.id}`);
    const href = await page.locator('a[href$="/certificate.pdf"]').first().getAttribute('href');
    const pdf = await page.context().request.get(href!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const flat = (await pdfText(new Uint8Array(await pdf.body()))).text.replace(/\s/g, '');
    const printed = /検証ページ：(\S+?\/verify\?number=[^&]+&code=[0-9a-f]{64})/.exec(flat)![1]!;
    // the QR code carries the same address (certificateVerifyUrl builds both; certificate-qr.test.ts
    // decodes the printed code from the page's pixels)
    const target = certificateVerifyUrl(base, certificate.certificateNumber, certificate.payloadSha256);
    expect(printed).toBe(target);
    await page.context().close();

    // whoever scans it is not signed in
    const context = await browser.newContext({ locale: 'ja-JP' });
    context.setDefaultTimeout(5000);
    await skipFallbackFont(context);
    const visitor = await context.newPage();
    expect((await visitor.goto(target))!.status()).toBe(200);
    expect(await visitor.getByLabel('証明書番号').inputValue()).toBe(certificate.certificateNumber);
    const result = await text(visitor.getByRole('region', { name: '確認の結果' }));
    expect(result).toContain('有効');
    const japan = new Date(new Date(certificate.payload.erasedAt).getTime() + 9 * 3600 * 1000).toISOString();
    expect(result).toContain(`${japan.slice(0, 10)} ${japan.slice(11, 16)}`);
    expect(result).toContain('日本時間');
    expect(result).not.toMatch(/\d{2}:\d{2}(:\d{2})?(\.\d+)?Z/);
    await expectAccessible(visitor);
    await context.close();
  });

  it('sorts the contract list by a heading, filters it and exports it; the list fits a phone', async () => {
    const page = await as(browser, base, 'ward_officer');
    await page.goto('/contracts');
    const titles = () => page.locator('main table tbody tr td:first-child').allInnerTexts();
    const sortBy = async (dir: '昇順' | '降順') => {
      await Promise.all([
        page.waitForLoadState('load'),
        page.getByRole('link', { name: `件名で${dir}に並べ替える` }).click(),
      ]);
      await page.waitForLoadState('load');
    };
    await sortBy('昇順');
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    const ascending = await titles();
    expect(ascending.length).toBeGreaterThan(2);
    // the heading now offers the other order, which reverses the list
    await sortBy('降順');
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    const descending = await titles();
    expect(descending).toEqual([...ascending].reverse());
    expect(descending).not.toEqual(ascending);
    // filtering keeps the order
    await page.getByLabel('件名・契約番号').fill('自転車');
    await press(page, '絞り込む');
    const url = new URL(page.url());
    expect([url.searchParams.get('sort'), url.searchParams.get('dir')]).toEqual(['title', 'desc']);
    expect(url.searchParams.get('q')).toBe('自転車');
    const filtered = await titles();
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(ascending.length);
    expect(filtered).toEqual(descending.filter((title) => title.includes('自転車')));
    await expectAccessible(page);
    // the CSV: the same rows in the same order, for Excel (BOM), headed in Japanese
    const csv = await download(page, 'CSV（Excel用）で書き出す');
    expect(csv.name).toMatch(/\.csv$/);
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(csv.bytes.slice(3)).split(/\r?\n/).filter(Boolean);
    expect(lines[0]).toContain('件名');
    expect(lines[0]).toContain('契約番号');
    expect(lines.length - 1).toBe(filtered.length);
    for (const [i, line] of lines.slice(1).entries()) expect(line).toContain(filtered[i]!);
    await page.context().close();

    const phone = await as(browser, base, 'ward_officer', PHONE);
    await phone.goto('/contracts?q=自転車');
    expect(await text(phone.locator('main table tbody'))).toContain('自転車');
    await expectAccessible(phone);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.context().close();
  });

  it('opens each page added this round once: 200, no serious accessibility problem', async () => {
    const visits: Array<[string, string[]]> = [
      [
        'ward_officer',
        [
          `/contracts/${w.bicycleContractId}/renew`,
          '/catalogue',
          '/imports',
          '/suspensions',
          '/access-log-reviews',
        ],
      ],
      [
        'inspector',
        ['/inspections/templates', '/monitoring', `/monitoring/new?contractId=${w.bicycleContractId}`],
      ],
      ['ward_manager', ['/settings/ward', '/users']],
    ];
    for (const [who, paths] of visits) {
      const page = await as(browser, base, who);
      for (const path of paths) {
        const res = (await page.goto(path))!;
        expect(res.status(), path).toBe(200);
        expect(await text(page.locator('h1')), path).not.toBe('');
        await expectAccessible(page);
        if (path === '/settings/ward') await screenshot(page, 'ward-settings');
        if (path.startsWith('/monitoring/new')) await screenshot(page, 'monitoring-form');
      }
      await page.context().close();
    }
  });

  it('shows the problems of a refused import file by row and column', async () => {
    const page = await as(browser, base, 'ward_officer');
    await page.goto('/imports');
    const headings =
      '契約番号,件名,所管課,受託者（法人番号又はID）,契約日,契約期間（開始）,契約期間（終了）,契約金額,履行場所,個人情報の取扱い,処理の形態,業務内容,状態,業務開始日';
    const row = (number: string, from: string) =>
      `${number},区民相談業務委託,区民相談課,1011101000001,,${from},2026-03-31,,,有,2,,実施中,`;
    await page.getByLabel('委託契約', { exact: true }).check();
    await page.getByLabel(/^ファイル/).setInputFiles({
      name: '契約一覧.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `\uFEFF${[headings, row('W-1', '令和7年13月1日'), row('W-2', '2025-04-01'), row('W-3', 'x')].join('\r\n')}`,
      ),
    });
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: '取り込む' }).click(),
    ]);
    await page.waitForLoadState('load');
    expect(res.status()).toBe(422);
    expect(await text(page.locator('.error-summary'))).toContain('2行目');
    const problems = page.locator('section[aria-labelledby="import-problems"]');
    expect(await problems.getByRole('row').filter({ hasText: '契約期間（開始）' }).count()).toBe(2);
    await expectAccessible(page);
    await screenshot(page, 'import-problems', '#import-problems');
    await page.context().close();
  });

  it('imports a filled Excel workbook, then past handovers shown on the contract as history', async () => {
    const page = await as(browser, base, 'ward_officer');
    await page.goto('/imports');
    const template = await page.request.get(`${base}/imports/templates/contracts.xlsx`);
    expect(template.status()).toBe(200);
    expect(template.headers()['content-type']).toContain('spreadsheetml');
    const contracts = buildWorkbook([
      {
        name: '委託契約',
        rows: [
          IMPORT_COLUMNS.contracts.map((c) => c.heading),
          IMPORT_COLUMNS.contracts.map((c) => columnNote(c)),
          [
            'W-10',
            '区民相談業務委託',
            '区民相談課',
            1011101000001,
            null,
            { date: '2025-04-01' },
            { date: '2026-03-31' },
            null,
            null,
            '有',
            '2',
            null,
            '完了',
            null,
          ],
        ],
      },
    ]);
    const send = async (kind: string, name: string, bytes: Uint8Array, dryRun: boolean) => {
      await page.goto('/imports');
      await page.getByLabel(kind, { exact: true }).check();
      await page.getByLabel(/^ファイル/).setInputFiles({
        name,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(bytes),
      });
      if (dryRun) await page.getByLabel('確認のみ（登録しない）').check();
      const [res] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: '取り込む' }).click(),
      ]);
      await page.waitForLoadState('load');
      return res.status();
    };
    expect(await send('委託契約', '契約一覧.xlsx', contracts, true)).toBe(200);
    expect(await text(page.getByRole('status'))).toContain('誤りはありません（1行');
    expect(await send('委託契約', '契約一覧.xlsx', contracts, false)).toBe(303);
    expect(await text(page.locator('main'))).toContain('契約一覧.xlsx');

    const handovers = buildWorkbook([
      {
        name: '媒体の受渡し・消去（過去の記録）',
        rows: [
          IMPORT_COLUMNS.handovers.map((c) => c.heading),
          [
            'W-10',
            '媒体の受渡し',
            { date: '2025-06-02', time: '10:00' },
            '暗号化USBメモリ1本',
            '新宿 花子',
            '西新宿 健',
            '社員証',
          ],
          [
            'W-10',
            'パスワード通知書の受渡し',
            { date: '2025-06-02', time: '10:10' },
            'パスワード通知書',
            '新宿 花子',
            '西新宿 健',
            '社員証',
          ],
        ],
      },
    ]);
    expect(await send('媒体の受渡し・消去（過去の記録）', '受渡記録.xlsx', handovers, false)).toBe(303);
    const list = await t.call('GET', `${CONTRACTS}?limit=200`, { token: w.tokens.ward_officer });
    const id = list.body.items.find((c: any) => c.contractNumber === 'W-10').id;
    await page.goto(`/contracts/${id}`);
    const past = page.locator('section[aria-labelledby="imported-history"]');
    expect(await text(past.locator('h2'))).toBe('取込み（過去の記録）');
    const rows = past.getByRole('row');
    expect(await text(rows.nth(1))).toContain('2025-06-02 10:00');
    expect(await text(rows.nth(2))).toContain('パスワード通知書の受渡し');
    expect(await text(rows.nth(2))).toContain('2025-06-02 10:10');
    await expectAccessible(page);
    await screenshot(page, 'imported-history', '#imported-history');
    await page.context().close();
  });
});
