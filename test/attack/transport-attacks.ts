import type { AttackClient } from './attack-client.js';
import type { Operation } from './openapi.js';

// What arrives before any schema: invalid UTF-8, deeply nested JSON, bodies over the limit, the
// wrong content type, forms and files where JSON is expected — on API routes and on the pages.

const INVALID_UTF8 = Buffer.from([
  0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d,
]);
const DEEP_ARRAY = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
const DEEP_OBJECT = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
const OVER_LIMIT = Buffer.alloc(2 * 1024 * 1024 + 10, 0x61);

export async function transportAttacks(http: AttackClient, ops: Operation[], token: string): Promise<void> {
  const targets = ops
    .filter((o) => o.bodySchema && o.params.length === 0)
    .map((o) => [o.template, o.key] as const);
  // uploads (multipart) and pages too
  targets.push(
    ['/api/v1/attachments', 'POST /api/v1/attachments'],
    ['/api/v1/handover-packages', 'POST /api/v1/handover-packages'],
    ['/login', 'page'],
    ['/contracts', 'page'],
  );
  for (const [path, op] of targets) {
    // each on a connection of its own: the server may answer before reading a body and close
    const auth = { token, op: op === 'page' ? undefined : op, raw: true };
    await http.send('POST', path, {
      ...auth,
      body: INVALID_UTF8,
      headers: { 'content-type': 'application/json' },
    });
    await http.send('POST', path, {
      ...auth,
      body: INVALID_UTF8,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    });
    await http.send('POST', path, {
      ...auth,
      body: DEEP_ARRAY,
      headers: { 'content-type': 'application/json' },
    });
    await http.send('POST', path, {
      ...auth,
      body: DEEP_OBJECT,
      headers: { 'content-type': 'application/json' },
    });
    await http.send('POST', path, { ...auth, body: '{"a":1}', headers: { 'content-type': 'text/plain' } });
    await http.send('POST', path, { ...auth, body: '', headers: { 'content-type': 'application/json' } });
    await http.send('POST', path, {
      ...auth,
      body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--',
      headers: { 'content-type': 'multipart/form-data; boundary=y' },
    });
    // The server answers 413 before reading the body, then drains it for 500 ms
    // (@hono/node-server) and closes the connection. A client still writing 2 MiB when it closes
    // gets EPIPE and may lose the answer it was sent: that is the client's race, not a server
    // failure, so an over-limit body without an answer is sent once more before it counts.
    const oversized = () =>
      http.send('POST', path, { ...auth, body: OVER_LIMIT, headers: { 'content-type': 'application/json' } });
    const failuresBefore = http.figures.failures.length;
    let big = await oversized();
    if (big.status === 0) {
      http.figures.failures.splice(failuresBefore);
      big = await oversized();
    }
    // (uploads take more: attachments 10 MiB, handover packages tens of MB)
    const upload = path === '/api/v1/attachments' || path === '/api/v1/handover-packages';
    if (!upload && big.status !== 413) {
      http.figures.failures.push(`POST ${path} with a body over the limit → ${big.status}, not 413`);
    }
  }
  // hostile URLs: encoded slashes, overlong paths, odd methods
  for (const path of [
    '/api/v1/contracts/%2e%2e%2f%2e%2e',
    `/api/v1/contracts/${'a'.repeat(8000)}`,
    '/api/v1/%00',
    '/%c0%ae%c0%ae/',
  ]) {
    await http.send('GET', path, { token, raw: true });
  }
  await http.send('TRACE', '/api/v1/contracts', { token, raw: true });
  await http.send('OPTIONS', '/api/v1/contracts', { token });
}
