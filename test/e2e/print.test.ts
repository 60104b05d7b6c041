import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVALS } from '../helpers/approvals.js';
import { launchBrowser, serveApp, skipBrowserTests } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';
import { as } from './story.js';

// Printing a record (the print stylesheet of app.css): each detail page prints the record only —
// no menu, no header tools, no forms or buttons — while the screen keeps them all.

describe.skipIf(skipBrowserTests())('detail pages on paper', { timeout: 120_000 }, () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let close: () => Promise<void>;
  let browser: Browser;
  let pages: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    // sessions are checked against the clock: the browser lives in real time
    t.clock.set(new Date());
    w = await buildWorld(t);
    ({ url: base, close } = await serveApp(t));
    browser = await launchBrowser();
    const approvals = await t.call('GET', `${APPROVALS}?kind=delegation`, { token: w.tokens.ward_officer });
    pages = [
      `/contracts/${w.bicycleContractId}`,
      `/approvals/${approvals.body.items[0].id}`,
      `/contracts/${w.bicycleContractId}/provisions`,
    ];
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
    await t?.close();
  });

  /** How many of the elements `selector` finds are shown. */
  const shown = (page: Page, selector: string) =>
    page
      .locator(selector)
      .evaluateAll(
        (els) =>
          els.filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
            .length,
      );

  it('prints without the menu, the header tools, forms and buttons', async () => {
    const page = await as(browser, base, 'ward_officer');
    for (const path of pages) {
      await page.goto(path);
      expect(new URL(page.url()).pathname).toBe(path);
      await page.emulateMedia({ media: 'screen' });
      // on screen: the menu and the forms are there (what print hides exists)
      expect(await shown(page, 'nav.site-nav'), path).toBe(1);
      expect(await shown(page, 'form'), path).toBeGreaterThan(0);
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['nav.site-nav', '.header-tools', 'form', 'button', '.skip-link']) {
        expect(await shown(page, selector), `${path} ${selector}`).toBe(0);
      }
      // the record itself is printed
      expect(await shown(page, 'main h1'), path).toBe(1);
      expect(await shown(page, 'main dl, main table'), path).toBeGreaterThan(0);
      // KEEP_PDFS=<dir>: the printed pages, to look at
      if (process.env.KEEP_PDFS) {
        await page.pdf({ path: `${process.env.KEEP_PDFS}/print-${pages.indexOf(path)}.pdf`, format: 'A4' });
      }
    }
  });
});
