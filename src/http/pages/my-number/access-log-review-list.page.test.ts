import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { CSV_DATE, readCsv } from '../../../../test/helpers/csv.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS } from '../../../../test/helpers/world.js';
import { seedNankokuOperations } from '../../../demo/nankoku-operations.js';
import { issueAccessLogReviews } from '../../../domain/my-number/issue-access-log-reviews.js';

// アクセスログの確認の一覧 of 南国市's My Number counter contract: sorted by its columns in SQL,
// filtered by words and state, exported as CSV that Excel reads; nobody else's rows.

describe('the list of access-log reviews', () => {
  let t: TestApp;
  const officer = () => pageClient(t, 'officer@city.nankoku.example.jp');

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-07-15T01:00:00Z');
    const w = await buildWorld(t);
    await seedNankokuOperations(t.handle.db, w.nankoku, t.clock.now);
    for (const day of ['2026-07-15', '2026-08-15', '2026-09-15', '2026-10-15']) {
      t.clock.set(`${day}T01:00:00Z`);
      await issueAccessLogReviews(t.handle.db, t.clock.now());
    }
  });
  afterAll(() => t.close());

  it('sorts by the period in SQL, both ways, and the CSV follows the page', async () => {
    const city = await officer();
    const page = await city.get('/access-log-reviews?sort=period&dir=desc');
    expect(page.status).toBe(200);
    expect(page.html).toContain('aria-sort="descending"');
    expect(page.html).toContain('<table class="cards">');
    expect(page.html).toContain('href="/access-log-reviews/export.csv?sort=period&amp;dir=desc"');
    const rows = readCsv(await city.get('/access-log-reviews/export.csv?sort=period&dir=asc'));
    expect(rows[0]).toEqual([
      '対象期間（自）',
      '対象期間（至）',
      '契約',
      '受託者',
      '期限',
      '期限超過',
      '状態',
      '不審なアクセス等の有無',
    ]);
    expect(rows.length).toBeGreaterThan(2);
    const from = rows.slice(1).map((r) => r[0]!);
    for (const r of rows.slice(1)) for (const i of [0, 1, 4]) expect(r[i]).toMatch(CSV_DATE);
    expect(from).toEqual([...from].sort());
    const desc = readCsv(await city.get('/access-log-reviews/export.csv?sort=period&dir=desc'));
    expect(desc.slice(1).map((r) => r[0])).toEqual([...from].reverse());
  });

  it('filters by the contract’s words and by state', async () => {
    const city = await officer();
    const all = readCsv(await city.get('/access-log-reviews/export.csv'));
    const words = encodeURIComponent('個人番号カード');
    expect(readCsv(await city.get(`/access-log-reviews/export.csv?q=${words}`))).toHaveLength(all.length);
    expect(readCsv(await city.get('/access-log-reviews/export.csv?status=confirmed'))).toHaveLength(1);
    const none = await city.get(`/access-log-reviews?q=${encodeURIComponent('存在しない業務')}`);
    expect(textOf(none.html)).toContain('アクセスログの確認はありません');
    expect((await city.get('/access-log-reviews?sort=status&dir=asc&cursor=forged')).status).toBe(422);
  });

  it('shows another municipality none of them', async () => {
    const other = await pageClient(t, USERS.ward_officer!.email);
    const theirs = readCsv(await other.get('/access-log-reviews/export.csv'));
    expect(theirs.slice(1).filter((r) => r[2]!.includes('個人番号カード'))).toEqual([]);
  });
});
