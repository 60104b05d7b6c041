import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { countRows, expectStatus } from '../../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../../test/helpers/world.js';
import { seedNankokuOperations } from '../../../demo/nankoku-operations.js';
import { runDailyJobs } from '../../../jobs/daily-jobs.js';

// アクセスログの確認 in the menu and its interval on the review's page: the menu entry for those who
// read the reviews (the city's signers and inspectors, the contractor) and nobody else; the city's
// officer sets the interval with the form (the use case of PUT …/intervals/{contractId}); a stale
// page is refused (409), a forged value 422, and whoever may not edit the contract gets no form and
// a 403 when posting anyway; another municipality does not see the review (404).

const OFFICER = 'officer@city.nankoku.example.jp';
let t: TestApp;
let w: World;
let reviewId: string;
const intervalOf = async () =>
  expectStatus(
    await t.call('GET', `/api/v1/access-log-reviews/intervals/${w.nankoku.myNumberContractId}`, {
      token: await signIn(t, OFFICER),
    }),
    200,
  );

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  await seedNankokuOperations(t.handle.db, w.nankoku, t.clock.now);
  await runDailyJobs({ db: t.handle.db, now: t.clock.now, logger: pino({ level: 'silent' }) });
  const token = await signIn(t, OFFICER);
  const list = expectStatus(await t.call('GET', '/api/v1/access-log-reviews?limit=5', { token }), 200);
  reviewId = list.items[0].id;
});
afterAll(() => t.close());

const menu = (html: string) => /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';

describe('the access-log reviews in the menu', () => {
  it('is offered to those who read the reviews, and to nobody else', async () => {
    for (const email of [
      OFFICER,
      'chief@city.nankoku.example.jp',
      'inspector@city.nankoku.example.jp',
      'staff@nankoku-madoguchi.example.jp',
      USERS.ward_officer!.email, // 新宿区 reads reviews too (it has none today)
    ]) {
      const page = await (await pageClient(t, email)).get('/');
      expect(menu(page.html), email).toContain('href="/access-log-reviews"');
    }
    for (const email of ['council@city.nankoku.example.jp', USERS.council_reviewer!.email]) {
      const page = await (await pageClient(t, email)).get('/');
      expect(menu(page.html), email).not.toContain('href="/access-log-reviews"');
    }
    // the entry is the current one on a review's page
    const review = await (await pageClient(t, OFFICER)).get(`/access-log-reviews/${reviewId}`);
    expect(menu(review.html)).toMatch(/href="\/access-log-reviews" aria-current="page"/);
  });
});

describe('the review interval on the review page', () => {
  it('shows monthly by default and lets the officer choose quarterly', async () => {
    const officer = await pageClient(t, OFFICER);
    const page = await officer.get(`/access-log-reviews/${reviewId}`);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('毎月 （定めがないため毎月）');
    expect(page.html).toContain(`action="/access-log-reviews/${reviewId}/interval"`);
    const saved = await officer.post(`/access-log-reviews/${reviewId}/interval`, {
      interval: 'quarterly',
      intervalVersion: '0',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/access-log-reviews/${reviewId}?notice=saved`);
    expect(await intervalOf()).toMatchObject({ interval: 'quarterly', chosen: true, version: 1 });
    const after = await officer.get(`/access-log-reviews/${reviewId}`);
    expect(after.html).toMatch(/value="quarterly" checked/);
    expect(after.html).toContain('name="intervalVersion" value="1"');
  });

  it('refuses a stale page (409) and a forged value (422), changing nothing', async () => {
    const officer = await pageClient(t, OFFICER);
    const audit = await countRows(t, 'audit_entries');
    const stale = await officer.post(`/access-log-reviews/${reviewId}/interval`, {
      interval: 'monthly',
      intervalVersion: '0',
    });
    expect(stale.status).toBe(409);
    expect(textOf(stale.html)).toContain('確認の頻度は他の人が変更しました');
    const forged = await officer.post(`/access-log-reviews/${reviewId}/interval`, {
      interval: 'weekly',
      intervalVersion: '1',
    });
    expect(forged.status).toBe(422);
    expect(textOf(forged.html)).toContain('確認の頻度を選んでください');
    expect(await countRows(t, 'audit_entries')).toBe(audit);
    expect(await intervalOf()).toMatchObject({ interval: 'quarterly', version: 1 });
  });

  it('gives no form to those who may not edit the contract, and refuses their posts', async () => {
    for (const email of ['chief@city.nankoku.example.jp', 'staff@nankoku-madoguchi.example.jp']) {
      const client = await pageClient(t, email);
      const page = await client.get(`/access-log-reviews/${reviewId}`);
      expect(page.status, email).toBe(200);
      expect(textOf(page.html), email).toContain('四半期ごと');
      expect(page.html, email).not.toContain(`action="/access-log-reviews/${reviewId}/interval"`);
      const posted = await client.post(`/access-log-reviews/${reviewId}/interval`, {
        interval: 'monthly',
        intervalVersion: '1',
      });
      expect(posted.status, email).toBe(403);
    }
    const other = await pageClient(t, USERS.ward_officer!.email);
    const posted = await other.post(`/access-log-reviews/${reviewId}/interval`, {
      interval: 'monthly',
      intervalVersion: '1',
    });
    expect(posted.status).toBe(404);
    expect(await intervalOf()).toMatchObject({ interval: 'quarterly', version: 1 });
  });
});
