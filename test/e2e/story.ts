import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations, signedInPage } from '../helpers/browser.js';
import { USERS } from '../helpers/world.js';

// Steps of the browser stories that several tests repeat.

/** Signs in as one of the world's users (by its key in USERS) in a fresh context. */
export async function as(
  browser: Browser,
  base: string,
  who: keyof typeof USERS | string,
  viewport?: { width: number; height: number },
) {
  const { page } = await signedInPage(browser, base, USERS[who]!.email, { viewport });
  // confirm() dialogs of dangerous buttons are accepted, as a careful user would after reading them
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

/** The visible text of what a locator finds (the first match), trimmed. */
export async function text(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text as rendered, what a user reads
  return (await locator.first().innerText()).trim();
}

/** Fails with the list of serious or critical accessibility problems of the page, if any. */
export async function expectAccessible(page: Page) {
  expect(await seriousViolations(page), page.url()).toEqual([]);
}

/** Presses a button and waits for the page the form leads to. */
export async function press(page: Page, name: string | RegExp) {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name }).first().click()]);
  await page.waitForLoadState('load');
}

/** The notice shown after a redirect (保存しました etc.). */
export async function notice(page: Page) {
  return (await page.locator('.notice').textContent())?.trim();
}

/** Takes one step of the approval shown (the form of that command), with a comment. */
export async function signHere(page: Page, command: keyof typeof BUTTONS, comment = '') {
  const form = page.getByRole('region', { name: '操作' });
  if (comment) await form.getByLabel('コメント（任意）').fill(comment);
  await Promise.all([
    page.waitForLoadState('load'),
    form.getByRole('button', { name: BUTTONS[command] }).click(),
  ]);
  await page.waitForLoadState('load');
}

const BUTTONS = { submit: '申請する', 'start-review': '審査を開始する', approve: '承認する（決裁）' };

/** Signs the awaited step of an approval, as `who`, from their queue on the dashboard. */
export async function signFromQueue(browser: Browser, base: string, who: string, title: string) {
  const page = await as(browser, base, who);
  const queue = page.getByRole('region', { name: '決裁待ちの申請' });
  await queue.getByRole('link', { name: title }).first().click();
  await signHere(page, 'approve', `${who} 確認済み`);
  expect(await notice(page)).toBe('決裁の操作を記録しました。');
  return page;
}
