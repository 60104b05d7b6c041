import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { countRows } from '../../../../test/helpers/contracts.js';
import { readCsv } from '../../../../test/helpers/csv.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// The monitoring report pages (業務委託モニタリング報告書, seed 000) through app.request: the list
// for the ward's staff only, the form with the S/A/B/C items and the financial checksheet rated by
// the API's own table (shown before saving, stored on saving), the report with its PDF, its CSV.

type Client = Awaited<ReturnType<typeof pageClient>>;

const SEED_FIGURES = {
  'financials.unit': 'million_yen',
  'financials.statementsOf': '2019年3月期',
  'financials.currentAssets': '38,214',
  'financials.currentLiabilities': '16346',
  'financials.fixedAssets': '17541',
  'financials.equity': '37812',
  'financials.totalCapital': '55755',
};

describe('pages: monitoring reports (モニタリング報告書)', () => {
  let t: TestApp;
  let w: World;
  let inspector: Client;
  let id = '';

  const form = (extra: Record<string, string> = {}) => ({
    contractId: w.bicycleContractId,
    hearingOn: '2026-10-24',
    'ratings.c1': 'S',
    'ratings.c4': 'C',
    'ratings.s1': 'A',
    'ratings.k2': 'C',
    'comments.compliance': '対応マニュアルが提供されていなかった。',
    overall: '○現段階では、概ね順調に業務の遂行がなされている。',
    improvements: '',
    ...SEED_FIGURES,
    ...extra,
  });
  const reports = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('monitoring_reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    inspector = await pageClient(t, USERS.inspector!.email);
  });
  afterAll(() => t.close());

  it('is in the menu of the ward staff, not of a company or the council', async () => {
    const home = await inspector.get('/monitoring');
    expect(home.status).toBe(200);
    expect(home.html).toContain('href="/monitoring"');
    expect(home.html).toContain('href="/monitoring/new"');
    expect(textOf(home.html)).toContain('モニタリング報告書はまだありません。');
    for (const who of ['contractor_manager', 'council_reviewer']) {
      const other = await pageClient(t, USERS[who]!.email);
      expect((await other.get('/')).html).not.toContain('href="/monitoring"');
      expect((await other.get('/monitoring')).status).toBe(403);
      expect((await other.get('/monitoring/export.csv')).status).toBe(403);
      expect((await other.get('/monitoring/new')).status).toBe(403);
    }
  });

  it('shows the form with every check item, the two-grade item with S and C only', async () => {
    const res = await inspector.get(`/monitoring/new?contractId=${w.bicycleContractId}`);
    expect(res.status).toBe(200);
    expect(res.html).toMatch(new RegExp(`value="${w.bicycleContractId}" selected`));
    expect(res.html).toContain('name="ratings.s14"');
    expect(res.html).toContain('財務状況チェックシートにより判定');
    expect(res.html).not.toContain('name="ratings.k1"');
    const k2 = res.html.slice(res.html.indexOf('id="f-ratings-k2"'));
    expect(k2.slice(0, k2.indexOf('</fieldset>'))).not.toContain('value="A"');
    expect(res.html).toContain('data-rating-url="/api/v1/inspections/monitoring/financial-rating"');
  });

  it('shows the rating of the figures before saving, and saves nothing', async () => {
    const before = await reports();
    const res = await inspector.post('/monitoring', form({ intent: 'preview' }));
    expect(res.status).toBe(200);
    const text = textOf(res.html);
    expect(text).toContain('財務状況の判定（保存前）');
    expect(text).toContain('233.8'); // 流動比率 of the seed's figures
    expect(text).toMatch(/総合判定\s+S/);
    expect(await reports()).toBe(before);
  });

  it('refuses figures that are not numbers, or half the sheet, beside the fields, keeping the rest', async () => {
    const audits = await countRows(t, 'audit_entries');
    const res = await inspector.post(
      '/monitoring',
      form({ 'financials.equity': '三万', 'financials.totalCapital': '' }),
    );
    expect(res.status).toBe(422);
    expect(res.html).toMatch(/id="f-financials-equity-error">整数で入力してください/);
    expect(res.html).toMatch(/id="f-financials-totalCapital-error">財務状況チェックシートの数値をすべて/);
    expect(res.html).toContain('value="三万"');
    expect(res.html).toContain('対応マニュアルが提供されていなかった。');
    const bad = await inspector.post('/monitoring', form({ 'ratings.k2': 'A', hearingOn: '2026-02-30' }));
    expect(bad.status).toBe(422);
    expect(textOf(bad.html)).toContain('この項目で選べる評価はS・Cです');
    expect(await countRows(t, 'audit_entries')).toBe(audits);
  });

  it('saves the report with the rating of the sheet, shows it with its PDF', async () => {
    // a forged k1 is not taken: the finances item is the sheet's rating
    const res = await inspector.post('/monitoring', form({ 'ratings.k1': 'C' }));
    expect(res.status).toBe(303);
    id = res.location!.match(/^\/monitoring\/([0-9a-f-]{36})\?notice=created$/)![1]!;
    const page = await inspector.get(`/monitoring/${id}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('総合自転車対策業務一括委託');
    expect(text).toContain('令和8年10月24日');
    expect(text).toContain('令和8年度');
    expect(text).toMatch(/財務状況の判定\s+S/);
    expect(page.html).toContain(`href="/monitoring/${id}/pdf"`);
    expect(page.html).toContain(`href="/monitoring/${id}/edit"`);
    const pdf = await inspector.get(`/monitoring/${id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
  });

  it('edits against the version read: a stale form is 409 with what was typed kept', async () => {
    const edit = await inspector.get(`/monitoring/${id}/edit`);
    expect(edit.status).toBe(200);
    expect(edit.html).toContain('value="2019年3月期"');
    expect(edit.html).toMatch(/name="ratings.c4" value="C" checked/);
    const changed = {
      ...form({ 'financials.currentAssets': '8500', 'financials.currentLiabilities': '10000' }),
    };
    const saved = await inspector.post(`/monitoring/${id}/edit`, { ...changed, version: '1' });
    expect(saved.status).toBe(303);
    expect(textOf((await inspector.get(`/monitoring/${id}`)).html)).toMatch(/財務状況の判定\s+A/);
    const stale = await inspector.post(`/monitoring/${id}/edit`, {
      ...changed,
      overall: '古い版',
      version: '1',
    });
    expect(stale.status).toBe(409);
    expect(stale.html).toContain('古い版');
  });

  it('sorts the list in SQL and exports it as CSV for Excel; others see no row', async () => {
    await inspector.post('/monitoring', form({ hearingOn: '2026-06-01', 'financials.equity': '1000' }));
    const list = await inspector.get('/monitoring?sort=hearingOn&dir=asc');
    expect(list.status).toBe(200);
    expect(list.html).toContain('aria-sort="ascending"');
    const text = textOf(list.html);
    expect(text.indexOf('令和8年6月1日')).toBeLessThan(text.indexOf('令和8年10月24日'));
    const byGrade = textOf((await inspector.get('/monitoring?sort=financialGrade&dir=desc')).html);
    expect(byGrade.indexOf('令和8年6月1日')).toBeLessThan(byGrade.indexOf('令和8年10月24日'));
    const csv = await inspector.get('/monitoring/export.csv?sort=hearingOn&dir=desc');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.html.trimEnd().split('\r\n');
    readCsv(csv); // as Excel reads it: the BOM, and no ISO date or time in any cell
    expect(lines[0]).toBe(
      '"契約","委託先","ヒアリング実施日","年度","財務状況の判定","総合的な評価","更新日時"',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"2026/10/24","令和8年度","A"');
    expect(lines[2]).toContain('"2026/06/01"');
    const filtered = await inspector.get('/monitoring/export.csv?q=存在しない件名');
    expect(filtered.html.trimEnd().split('\r\n')).toHaveLength(1);

    const other = await pageClient(t, USERS.other_ward_officer!.email);
    expect((await other.get(`/monitoring/${id}`)).status).toBe(404);
    expect((await other.get(`/monitoring/${id}/pdf`)).status).toBe(404);
    expect((await other.get(`/monitoring/${id}/edit`)).status).toBe(404);
    const theirs = await other.get('/monitoring/export.csv');
    expect(theirs.status).toBe(200);
    expect(theirs.html.trimEnd().split('\r\n')).toHaveLength(1);
    expect(textOf((await other.get('/monitoring')).html)).toContain('モニタリング報告書はまだありません。');
  });

  it('refuses a forged cursor as a page, not a server error', async () => {
    const res = await inspector.get('/monitoring?sort=hearingOn&dir=asc&cursor=bm90LWEtY3Vyc29y');
    expect(res.status).toBe(422);
  });
});

describe('the financial rating through the API from a signed-in page (the form’s script)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await buildWorld(t);
  });
  afterAll(() => t.close());

  it('answers the page’s session with its CSRF header, and refuses it without', async () => {
    const page = await pageClient(t, USERS.inspector!.email);
    const cookie = [...page.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const body = JSON.stringify({
      unit: 'million_yen',
      currentAssets: 38214,
      currentLiabilities: 16346,
      fixedAssets: 17541,
      equity: 37812,
      totalCapital: 55755,
    });
    const url = '/api/v1/inspections/monitoring/financial-rating';
    const headers = { cookie, 'content-type': 'application/json' };
    const rated = await t.app.request(url, {
      method: 'POST',
      body,
      headers: { ...headers, 'x-csrf-token': page.jar.get('pg_csrf')! },
    });
    expect(rated.status).toBe(200);
    expect(await rated.json()).toMatchObject({ grade: 'S', currentRatio: { display: '233.8' } });
    expect((await t.app.request(url, { method: 'POST', body, headers })).status).toBe(403);
  });
});
