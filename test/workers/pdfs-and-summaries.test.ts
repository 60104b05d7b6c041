import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../src/db/create-database.js';
import { pageClient } from '../helpers/browser.js';
import { expectStatus } from '../helpers/contracts.js';
import { pdfText } from '../helpers/pdf-text.js';
import type { TestApp } from '../helpers/test-app.js';
import { USERS } from '../helpers/world.js';
import { workerTestApp, workerWorld } from './worker-test-app.js';

// PDFs drawn inside workerd: a council report item on request, and the council summary that the
// Worker draws after its response (ctx.waitUntil) where the Node server uses a worker thread.

const run = inject('workerRun');
const w = workerWorld();
let t: TestApp;

beforeAll(async () => {
  t = workerTestApp(run.url, await createDatabase({ databaseUrl: run.databaseUrl, poolSize: 2 }));
});
afterAll(() => t.close());

describe('PDFs on the Worker', () => {
  it('draws the council report item (報告事項) with the Japanese font', async () => {
    const items = expectStatus(
      await t.call('GET', '/api/v1/council/report-items', { token: w.tokens.council_reviewer }),
      200,
    );
    const res = await t.app.request(`/api/v1/council/report-items/${items.items[0].id}/pdf`, {
      headers: { authorization: `Bearer ${w.tokens.council_reviewer}` },
    });
    expect(res.status).toBe(200);
    const text = (await pdfText(new Uint8Array(await res.arrayBuffer()))).text.replace(/\s/g, '');
    expect(text).toContain('報告事項');
    expect(text).toContain('総合自転車対策業務一括委託');
  });

  it('prepares the council summary PDF after the response and links it when ready', async () => {
    const council = await pageClient(t, USERS.council_reviewer!.email);
    const requested = await council.post('/summaries/pdf', { fiscalYear: '2026' });
    expect(requested.status).toBe(303);
    const path = requested.location!;
    let page = await council.get(path);
    for (let i = 0; i < 100 && !page.html.includes('PDFができました'); i++) {
      expect(page.html).toContain('PDFを作成しています');
      await new Promise((r) => setTimeout(r, 200));
      page = await council.get(path);
    }
    expect(page.html).toContain('PDFができました');
    const pdf = await t.app.request(`${path}/pdf`, { headers: { cookie: cookieHeader(council.jar) } });
    expect(pdf.status).toBe(200);
    const text = (await pdfText(new Uint8Array(await pdf.arrayBuffer()))).text.replace(/\s/g, '');
    expect(text).toContain('新宿区');
    expect(text).toContain('総合自転車対策業務一括委託');
  });

  it('serves the fonts and Swagger UI as static assets, and the API reference', async () => {
    const font = await t.app.request('/assets/fonts/noto-sans-jp-400.ttf');
    expect(font.status).toBe(200);
    expect(font.headers.get('cache-control')).toContain('immutable');
    expect((await font.arrayBuffer()).byteLength).toBeGreaterThan(5_000_000);
    const css = await t.app.request('/api/docs/assets/swagger-ui.css');
    expect(css.status).toBe(200);
    expect((await t.app.request('/api/docs')).status).toBe(200);
    const doc = expectStatus(await t.call('GET', '/api/openapi.json'), 200);
    expect(doc.openapi).toBe('3.1.0');
  });
});

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}
