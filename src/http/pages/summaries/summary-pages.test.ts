import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { CSV_DATE, CSV_INSTANT, readCsv } from '../../../../test/helpers/csv.js';
import { pdfText } from '../../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';
import { startScheduler } from '../../../jobs/scheduler.js';

// The council reviewer's summary through app.request: the figures by subject (with the inspections
// section), the CSV at once, the PDF prepared in a worker thread while the page refreshes itself,
// and nothing to change; nobody else reaches the reviewer's file.

type Client = Awaited<ReturnType<typeof pageClient>>;
let t: TestApp;
let w: World;
let council: Client;
let exportPath = '';
const cookies = (client: Client) => [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ');

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  council = await pageClient(t, USERS.council_reviewer!.email);
});
afterAll(() => t.close());

describe('the council summary', () => {
  it('shows the year’s figures by subject and the contracts, with nothing to edit', async () => {
    const page = await council.get('/summaries?fiscalYear=2026');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    for (const words of [
      '個人情報を取り扱う委託契約',
      '遵守状況報告書の受付',
      '事故報告',
      '実地検査（期限超過）',
    ]) {
      expect(text).toContain(words);
    }
    expect(page.html).toContain('id="section-inspections"');
    expect(text).toContain('総合自転車対策業務一括委託');
    expect(page.html).not.toMatch(/<textarea|type="text"|type="radio"/);
    // the only forms: the filter (GET) and the request for the PDF
    expect(page.html.match(/<form method="post"/g)).toHaveLength(2); // sign-out and the PDF
  });

  it('filters by department, and answers a department of another ward with 404', async () => {
    const dept = w.departments.区民相談課!;
    const page = await council.get(`/summaries?fiscalYear=2026&departmentId=${dept}`);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).not.toContain('総合自転車対策業務一括委託');
    const otherWard = await t.handle.db
      .selectFrom('departments')
      .select('id')
      .where('ward_id', '=', w.otherWardId)
      .executeTakeFirstOrThrow();
    expect((await council.get(`/summaries?fiscalYear=2026&departmentId=${otherWard.id}`)).status).toBe(404);
    // a year that makes no sense falls back to the current one instead of failing
    expect((await council.get('/summaries?fiscalYear=abc')).status).toBe(200);
  });

  it('reads in English when asked: headings, figures and the year, the data left as entered', async () => {
    const reader = await pageClient(t, USERS.council_reviewer!.email);
    const page = await reader.get('/summaries?fiscalYear=2026&lang=en');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="en"');
    const text = textOf(page.html);
    for (const words of [
      'Summary for the council',
      'Compliance reports',
      'On-site inspections',
      'Contracts handling personal information',
      'Inspections overdue',
      'FY2026',
    ]) {
      expect(text).toContain(words);
    }
    // the labels are translated, not shown twice; the contract's title stays as the ward wrote it
    expect(text).not.toContain('遵守状況報告書の受付');
    expect(text).toContain('総合自転車対策業務一括委託');
  });

  it('downloads the CSV at once, UTF-8 with BOM', async () => {
    const res = await t.app.request('/summaries/csv?fiscalYear=2026', {
      headers: { cookie: cookies(council) },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('総合自転車対策業務一括委託');
    // 年度 in 令和, the time made in Japan time and the periods as dates Excel reads; no ISO text
    const rows = readCsv({ status: res.status, headers: res.headers, bytes });
    expect(rows.find((r) => r[0] === '年度')?.[1]).toBe('令和8年度');
    expect(rows.find((r) => r[0] === '作成日時')?.[1]).toMatch(CSV_INSTANT);
    const bicycle = rows.find((r) => r[0] === '総合自転車対策業務一括委託')!;
    expect(bicycle[4]).toMatch(CSV_DATE);
    expect(bicycle[5]).toMatch(CSV_DATE);
  });

  it('prepares the PDF in the background and links it when ready', { timeout: 60_000 }, async () => {
    const res = await council.post('/summaries/pdf', { fiscalYear: '2026' });
    expect(res.status).toBe(303);
    exportPath = res.location!;
    expect(exportPath).toMatch(/^\/summaries\/exports\/[0-9a-f-]{36}$/);
    let page = await council.get(exportPath);
    expect(page.status).toBe(200);
    // the request returned before the PDF was drawn (a worker thread takes over a second)
    expect(page.html).toContain('PDFを作成しています');
    for (let i = 0; i < 100 && !page.html.includes('PDFができました'); i++) {
      // while it is being prepared the page says so and asks the browser to refresh it
      expect(page.html).toContain('PDFを作成しています');
      expect(page.headers.get('refresh')).toBe('3');
      await new Promise((r) => setTimeout(r, 300));
      page = await council.get(exportPath);
    }
    expect(page.html).toContain('PDFができました');
    expect(page.headers.get('refresh')).toBeNull();
    const pdf = await t.app.request(`${exportPath}/pdf`, { headers: { cookie: cookies(council) } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(new Uint8Array(await pdf.arrayBuffer()))).text.replace(/\s/g, '');
    expect(text).toContain('新宿区');
    expect(text).toContain('総合自転車対策業務一括委託');
  });

  it('keeps the file to its requester: the officer and another ward get 404', async () => {
    const officer = await pageClient(t, USERS.ward_officer!.email);
    expect((await officer.get(exportPath)).status).toBe(404);
    expect((await officer.get(`${exportPath}/pdf`)).status).toBe(404);
    const otherWard = await pageClient(t, USERS.other_ward_officer!.email);
    expect((await otherWard.get(exportPath)).status).toBe(404);
    const company = await pageClient(t, USERS.contractor_manager!.email);
    expect((await company.get('/summaries')).status).toBe(404);
    expect((await company.post('/summaries/pdf', { fiscalYear: '2026' })).status).toBe(404);
  });

  it('draws a request left waiting when the server stopped, once the scheduler starts', {
    timeout: 60_000,
  }, async () => {
    // as if the server had stopped before drawing it: the same request, back to pending, no file
    const id = exportPath.split('/').pop()!;
    await t.handle.db
      .updateTable('summary_exports')
      .set({ status: 'pending', content: null, size_bytes: null, started_at: null, finished_at: null })
      .where('id', '=', id)
      .execute();
    expect((await council.get(exportPath)).html).toContain('PDFを作成しています');
    const scheduler = startScheduler({
      db: t.handle.db,
      now: t.clock.now,
      logger: { info: () => {}, error: () => {} },
    });
    try {
      await scheduler.ready;
      let status = 'pending';
      for (let i = 0; i < 100 && status !== 'ready'; i++) {
        await new Promise((r) => setTimeout(r, 300));
        status = (
          await t.handle.db
            .selectFrom('summary_exports')
            .select('status')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).status;
      }
      expect(status).toBe('ready');
      expect((await council.get(exportPath)).html).toContain('PDFができました');
    } finally {
      scheduler.stop();
    }
  });
});
