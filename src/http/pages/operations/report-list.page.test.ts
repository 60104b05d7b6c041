import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { CSV_DATE, CSV_INSTANT, readCsv } from '../../../../test/helpers/csv.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS } from '../../../../test/helpers/world.js';
import { seedNankokuOperations } from '../../../demo/nankoku-operations.js';

// 業務報告の一覧 of 南国市's counter contract (seed 004): sorted by its columns in SQL, filtered
// by words, kind and state, and exported as CSV that Excel reads; another municipality sees none.

describe('the list of operational reports', () => {
  let t: TestApp;
  const officer = () => pageClient(t, 'officer@city.nankoku.example.jp');

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-10-15T01:00:00Z');
    const w = await buildWorld(t);
    await seedNankokuOperations(t.handle.db, w.nankoku, t.clock.now);
  });
  afterAll(() => t.close());

  it('sorts by a column in SQL and keeps the order in the CSV', async () => {
    const city = await officer();
    const page = await city.get('/operational-reports?sort=dueOn&dir=asc');
    expect(page.status).toBe(200);
    expect(page.html).toContain('aria-sort="ascending"');
    expect(page.html).toContain('<table class="cards">');
    expect(page.html).toContain('data-label="提出期限"');
    expect(page.html).toContain('href="/operational-reports/export.csv?sort=dueOn&amp;dir=asc"');

    const rows = readCsv(await city.get('/operational-reports/export.csv?sort=dueOn&dir=asc'));
    expect(rows[0]).toEqual([
      '種類',
      '報告の種類',
      '対象期間（自）',
      '対象期間（至）',
      '契約',
      '受託者',
      '提出期限',
      '期限超過',
      '状態',
    ]);
    expect(rows.length).toBeGreaterThan(3);
    const due = rows.slice(1).map((r) => r[6]!);
    for (const d of due) expect(d).toMatch(CSV_DATE);
    expect(due).toEqual([...due].sort());
    const desc = readCsv(await city.get('/operational-reports/export.csv?sort=dueOn&dir=desc'));
    expect(desc.slice(1).map((r) => r[6])).toEqual([...due].reverse());
  });

  it('filters by the contract’s words, kind and state, on the page and in the CSV alike', async () => {
    const city = await officer();
    const monthly = readCsv(await city.get('/operational-reports/export.csv?kind=monthly'));
    expect(monthly.length).toBeGreaterThan(1);
    expect(monthly.slice(1).every((r) => r[0] === '業務月報')).toBe(true);
    const words = encodeURIComponent('個人番号カード');
    const all = readCsv(await city.get('/operational-reports/export.csv'));
    expect(readCsv(await city.get(`/operational-reports/export.csv?q=${words}`))).toHaveLength(all.length);
    const none = await city.get(`/operational-reports?q=${encodeURIComponent('存在しない業務')}`);
    expect(textOf(none.html)).toContain('業務報告はありません');
    expect(readCsv(await city.get('/operational-reports/export.csv?q=%25%25'))).toHaveLength(1);
  });

  it('shows another municipality nothing, and refuses a forged cursor', async () => {
    const other = await pageClient(t, USERS.ward_officer!.email);
    const theirs = readCsv(await other.get('/operational-reports/export.csv'));
    expect(theirs.slice(1).filter((r) => r[4]!.includes('個人番号カード'))).toEqual([]);
    const city = await officer();
    expect((await city.get('/operational-reports?sort=kind&dir=asc&cursor=forged')).status).toBe(422);
  });

  it('sorts, filters and exports the improvement recommendations the same way', async () => {
    const city = await officer();
    const page = await city.get('/improvement-recommendations?sort=recommendedAt&dir=desc');
    expect(page.status).toBe(200);
    expect(page.html).toContain('aria-sort="descending"');
    expect(page.html).toContain('<table class="cards">');
    const rows = readCsv(await city.get('/improvement-recommendations/export.csv?sort=title&dir=asc'));
    expect(rows[0]).toEqual(['件名', '契約', '受託者', '勧告日時', '回答期限', '期限超過', '状態']);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows.slice(1)) {
      expect(r[3]).toMatch(CSV_INSTANT);
      expect(r[4]).toMatch(CSV_DATE);
    }
    const title = rows[1]![0]!;
    const found = readCsv(
      await city.get(`/improvement-recommendations/export.csv?q=${encodeURIComponent(title)}`),
    );
    expect(found.slice(1).map((r) => r[0])).toContain(title);
    const other = await pageClient(t, USERS.ward_officer!.email);
    const theirs = readCsv(await other.get('/improvement-recommendations/export.csv'));
    expect(theirs.slice(1).map((r) => r[0])).not.toContain(title);
    expect((await city.get('/improvement-recommendations?sort=title&dir=asc&cursor=forged')).status).toBe(
      422,
    );
  });
});
