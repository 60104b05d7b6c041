import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';

// Property-based hostile input against every JSON route of the OpenAPI document: wrong types,
// oversized and malformed values, unicode edge cases, SQL and script injection. Whatever arrives,
// the answer is never a 500, and every refusal is problem+json.

let t: TestApp;
let w: World;
let doc: { paths: Record<string, Record<string, Operation>> };

interface Operation {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, unknown> };
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  doc = (await t.call('GET', '/api/openapi.json')).body;
});
afterAll(() => t.close());

const nasty = fc.oneof(
  fc.constantFrom(
    "' OR '1'='1",
    "'; DROP TABLE contracts; --",
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '\u0000',
    '\uD800',
    '\u202Eexe.pdf',
    '𠮷野家🍣',
    'ｱｲｳｴｵ',
    '%00',
    '../../etc/passwd',
    '{{7*7}}',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the attack
    '${jndi:ldap://x}',
    'NaN',
    '-1',
    '1e309',
    '9'.repeat(40),
    '',
    ' ',
  ),
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }),
  fc.constant('x'.repeat(20_000)),
);

/** A body: sometimes an object of nasty values under plausible keys, sometimes no object at all. */
const body = fc.oneof(
  fc.dictionary(
    fc.constantFrom(
      'name',
      'title',
      'email',
      'password',
      'version',
      'kind',
      'contractId',
      'periodFrom',
      'periodTo',
      'subjectGroups',
      'media',
      'entries',
      'answers',
      'comment',
      'roles',
      'organisationId',
      'departmentId',
      'handlesPersonalInfo',
      'register',
      'portion',
      'information',
      'discoveredAt',
      'fullName',
      'signedOn',
    ),
    nasty,
    { maxKeys: 8 },
  ),
  nasty,
);

function concretePath(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, encodeURIComponent(value));
}

describe('hostile input on every JSON route', () => {
  it('never answers 500, and refuses with problem+json', async () => {
    // Signing out or disabling users would end the sessions the fuzzer uses; those routes have
    // their own tests.
    const skip = new Set(['POST /api/v1/auth/sign-out', 'PATCH /api/v1/users/{id}']);
    const routes = Object.entries(doc.paths)
      .flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
      )
      .filter((r) => !skip.has(`${r.method} ${r.path}`));
    expect(routes.length).toBeGreaterThan(40);
    const tokens = [w.tokens.system_admin, w.tokens.ward_officer, w.tokens.contractor_manager];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          body,
          fc.oneof(fc.uuid(), nasty.map(String)),
          fc.constantFrom(...tokens),
          fc.dictionary(
            fc.constantFrom('limit', 'cursor', 'status', 'asOf', 'fiscalYear', 'period', 'q', 'format'),
            nasty.map(String),
            { maxKeys: 3 },
          ),
          async (json, id, token, query) => {
            const qs = new URLSearchParams(query as Record<string, string>).toString();
            const path = `${concretePath(route.path, id)}${qs ? `?${qs}` : ''}`;
            const withBody = route.method !== 'GET' && route.method !== 'DELETE';
            const res = await t.call(route.method, path, { token, ...(withBody ? { json } : {}) });
            if (res.status >= 500)
              throw new Error(
                `${route.method} ${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
              );
            if (res.status >= 400) {
              expect(res.headers.get('content-type'), `${route.method} ${route.path}`).toMatch(
                /problem\+json/,
              );
            }
          },
        ),
        { numRuns: 12, seed: 20261122 },
      );
    }
    // the sessions survived, so every route above was reached signed in
    for (const token of tokens)
      expect((await t.call('GET', '/api/v1/auth/session', { token })).status).toBe(200);
  }, 300_000);

  it('keeps stored text as text: no HTML comes back unescaped in pages or PDFs', async () => {
    const name = '<script>alert("x")</script> & 株式会社';
    const created = await t.call('POST', '/api/v1/organisations', {
      token: w.tokens.ward_officer,
      json: { kind: 'company', name },
    });
    expect(created.status).toBe(201);
    const back = await t.call('GET', `/api/v1/organisations/${created.body.id}`, {
      token: w.tokens.ward_officer,
    });
    expect(back.body.name).toBe(name);
    expect(back.headers.get('content-type')).toMatch(/application\/json/);
  });
});

describe('bodies that cannot be parsed', () => {
  it('are answered 400 on pages and in the API, not 500', async () => {
    const garbage = '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--';
    const headers = { 'content-type': 'multipart/form-data; boundary=y' };
    const page = await t.call('POST', '/login', { headers, body: garbage });
    expect(page.status).toBe(400);
    const signedIn = await t.call('POST', '/contracts', {
      token: w.tokens.ward_officer,
      headers,
      body: garbage,
    });
    expect(signedIn.status).toBe(400);
    const upload = await t.call('POST', '/api/v1/attachments', {
      token: w.tokens.contractor_manager,
      headers,
      body: garbage,
    });
    expect(upload.status).toBe(400);
    expect(upload.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
