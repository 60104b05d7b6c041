import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  seriousViolations,
  serveApp,
  signedInPage,
  skipBrowserTests,
  skipFallbackFont,
} from '../../../../test/helpers/browser.js';
import { expectStatus } from '../../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../../test/helpers/world.js';
import { issueReports } from '../../../domain/reports/issue-reports.js';
import { periodOf } from '../../../domain/reports/periods.js';

// In Chromium at a phone's width: the ward's officer makes a link on the report's page, the
// company's contact (no account) answers 別紙5 through it, and the link then stops working.

const skip = skipBrowserTests();
const PHONE = { width: 390, height: 844 };
let t: TestApp;
let w: World;
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let reportId = '';

beforeAll(async () => {
  if (skip) return;
  t = await createTestApp();
  t.clock.set('2026-05-01T01:00:00Z');
  w = await buildWorld(t);
  // the browser keeps the session's cookies by the real clock: the test's runs on it from here
  t.clock.set(new Date());
  await issueReports(t.handle.db, periodOf('2026H1'), t.clock.now());
  w.tokens.contractor_manager = await signIn(t, USERS.contractor_manager!.email);
  const list = expectStatus(
    await t.call('GET', '/api/v1/compliance-reports?period=2026H1', { token: w.tokens.contractor_manager }),
    200,
  );
  reportId = list.items.find(
    (r: { organisationId: string }) => r.organisationId === w.companies.contractor,
  ).id;
  server = await serveApp(t);
  browser = await launchBrowser();
});
afterAll(async () => {
  if (skip) return;
  await browser?.close();
  await server?.close();
  await t?.close();
});

describe.skipIf(skip)('answering 別紙5 through a one-time link', () => {
  it('is sent by the officer, answered by the contact, and then opens nothing', async () => {
    const officer = await signedInPage(browser, server.url, USERS.ward_officer!.email, { viewport: PHONE });
    await officer.page.goto(`/compliance-reports/${reportId}`);
    await officer.page.getByLabel('担当者の氏名').fill('戸塚 花子');
    await officer.page.getByLabel('担当者のメールアドレス').fill('hanako@cycle-support.example.jp');
    await officer.page.getByLabel('担当者の所属（会社名）').fill('株式会社サイクルサポート東京');
    await officer.page.getByRole('button', { name: 'リンクを作成' }).click();
    await officer.page.getByText('回答用リンクを作成しました').waitFor();
    expect(await seriousViolations(officer.page)).toEqual([]);
    const url = await officer.page.locator('#answer-link-url').inputValue();
    expect(url).toMatch(/\/l\/[A-Za-z0-9_-]{43}$/);

    // the contact: a browser of their own, no account
    const context = await browser.newContext({ viewport: PHONE, locale: 'ja-JP' });
    context.setDefaultTimeout(5000);
    await skipFallbackFont(context);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    const opened = await page.goto(url);
    expect(opened!.status()).toBe(200);
    await page.getByRole('heading', { name: '遵守状況報告書（別紙5）へのご回答' }).waitFor();
    expect(await page.locator('.site-nav').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    // no horizontal scrolling at a phone's width
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    for (const [q, answer] of [
      ['q1', 'no'],
      ['q2', 'no'],
      ['q3', 'yes'],
      ['q4', 'yes'],
      ['q5', 'no'],
      ['q6', 'no'],
      ['q9', 'yes'],
    ] as const) {
      await page.locator(`input[name="${q}.answer"][value="${answer}"]`).check();
    }
    await page.locator('input[name="q3.useHandlerList"]').check();
    await page.locator('textarea[name="q4.text"]').fill('2026年9月 個人情報保護研修（全従事者）');
    await page.getByRole('button', { name: '提出' }).click();
    await page.getByText('ご回答を受け付けました').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const again = await page.goto(url);
    expect(again!.status()).toBe(404);
    await page.getByRole('heading', { name: 'このリンクは使用できません', exact: false }).first().waitFor();
    await context.close();

    // the officer sees who answered
    await officer.page.goto(`/compliance-reports/${reportId}`);
    await officer.page.getByText('回答用リンクにより 戸塚 花子', { exact: false }).waitFor();
    expect(await seriousViolations(officer.page)).toEqual([]);
    await officer.context.close();
  });
});
