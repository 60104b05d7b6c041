import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp, textOf } from '../helpers/browser.js';
import { certifyFinalErasure, ERASURES, listedHandlers } from '../helpers/handover.js';
import { decodeQr, pdfPageToPng, skipPdfRendering } from '../helpers/pdf-qr.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';

// The erasure certificate's QR code as a checker's phone reads it: the PDF, fetched over a real
// socket, is drawn to a PNG (pdftoppm) and the code decoded from its pixels (jsQR). The decoded
// address is then opened over HTTP without signing in: the public verification page says the
// certificate is valid (有効) and gives the erasure time in Japan time, as the paper does.

describe.skipIf(skipPdfRendering())('the certificate’s printed QR code', { timeout: 120_000 }, () => {
  let t: TestApp;
  let w: World;
  let base: string;
  let close: () => Promise<void>;
  let certificate: { certificateNumber: string; payloadSha256: string; payload: { erasedAt: string } };
  let pdf: Uint8Array;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    ({ url: base, close } = await serveApp(t));
    const token = w.tokens.contractor_manager!;
    const people = await listedHandlers(t, token, w.bicycleContractId);
    certificate = await certifyFinalErasure(t, token, w.bicycleContractId, Object.values(people)[0]!);
    const record = (await t.call('GET', ERASURES, { token })).body.items[0];
    const res = await fetch(`${base}${ERASURES}/${record.id}/certificate/pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    pdf = new Uint8Array(await res.arrayBuffer());
  });
  afterAll(async () => {
    await close?.();
    await t?.close();
  });

  it('decodes to the verification page, which says valid in Japan time', async () => {
    const decoded = decodeQr(await pdfPageToPng(pdf));
    expect(decoded).not.toBeNull();
    const url = new URL(decoded!);
    expect(`${url.origin}${url.pathname}`).toBe(`${base}/verify`);
    expect(url.searchParams.get('code')).toBe(certificate.payloadSha256);

    // opened as a phone opens it: no cookie, no token
    const res = await fetch(decoded!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    const page = textOf(html);
    expect(page).toContain('有効：この証明書は発行されたとおりです');
    expect(html).toContain(certificate.certificateNumber);
    const erased = new Date(certificate.payload.erasedAt);
    const japan = new Date(erased.getTime() + 9 * 3600 * 1000).toISOString();
    expect(page).toContain(`${japan.slice(0, 10)} ${japan.slice(11, 16)}`);
    expect(page).toContain('日本時間');
    expect(page).not.toMatch(/\d{2}:\d{2}(:\d{2})?(\.\d+)?Z/);
  });

  it('reads nothing from a page without the code, so a decoding that always succeeds would fail', async () => {
    const blank = await pdfPageToPng(
      new TextEncoder().encode(
        '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
      ),
      72,
    );
    expect(decodeQr(blank)).toBeNull();
  });
});
