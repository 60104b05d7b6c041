import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../test/helpers/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('problem+json for bad input', () => {
  it('422 with field errors in English and Japanese, and nothing changed', async () => {
    const before = await t.handle.db.selectFrom('organisations').select('id').execute();
    const res = await t.call('POST', '/api/v1/organisations', {
      token: w.tokens.ward_officer,
      json: { kind: 'shop', name: '', corporateNumber: '12', unknown: 1 },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      type: '/problems/validation-failed',
      title: 'The request is not valid',
      title_ja: '入力内容に誤りがあります',
      status: 422,
      instance: '/api/v1/organisations',
    });
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['json.kind', 'json.name', 'json.corporateNumber']));
    for (const e of res.body.errors) expect(e.message_ja).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(res.body.request_id).toBe(res.headers.get('x-request-id'));
    expect(await t.handle.db.selectFrom('organisations').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses NUL characters, which PostgreSQL cannot store, as 422 rather than a 500', async () => {
    const res = await t.call('POST', '/api/v1/organisations', {
      token: w.tokens.ward_officer,
      json: { kind: 'company', name: 'bad\u0000name' },
    });
    expect(res.status).toBe(422);
  });

  it('400 for a body that is not JSON', async () => {
    const res = await t.call('POST', '/api/v1/organisations', {
      token: w.tokens.ward_officer,
      headers: { 'content-type': 'application/json' },
      body: '{"kind":',
    });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('/problems/bad-request');
  });

  it('413 for a body over 1 MiB', async () => {
    const res = await t.call('POST', '/api/v1/organisations', {
      token: w.tokens.ward_officer,
      json: { kind: 'company', name: 'x'.repeat(1_100_000) },
    });
    expect(res.status).toBe(413);
    expect(res.body.title_ja).toBe('リクエストの本文が大きすぎます');
  });

  it('413 for every write over its path’s limit, while reads (which carry no body) pass', async () => {
    const over = (bytes: number) => JSON.stringify({ title: 'x'.repeat(bytes) });
    for (const [method, path, bytes] of [
      ['PATCH', `/api/v1/contracts/${w.bicycleContractId}`, 1_100_000],
      ['PUT', `/api/v1/contracts/${w.bicycleContractId}/register`, 1_100_000],
      ['POST', '/api/v1/imports/contracts', 2_200_000],
      ['POST', '/api/v1/attachments', 10_600_000],
    ] as const) {
      const res = await t.call(method, path, {
        token: w.tokens.ward_officer,
        headers: { 'content-type': 'application/json' },
        body: over(bytes),
      });
      expect(res.status, `${method} ${path}`).toBe(413);
    }
    for (const path of ['/api/v1/contracts', '/api/v1/attachments?limit=1', '/api/v1/imports']) {
      const res = await t.call('GET', path, { token: w.tokens.ward_officer });
      expect(res.status, path).toBe(200);
    }
  });

  it('404 problem for an unknown route, and 422 for an id that is not a UUID', async () => {
    const missing = await t.call('GET', '/api/v1/nothing-here', { token: w.tokens.ward_officer });
    expect(missing.status).toBe(404);
    expect(missing.body.type).toBe('/problems/not-found');
    const badId = await t.call('GET', "/api/v1/organisations/1' or '1'='1", { token: w.tokens.ward_officer });
    expect(badId.status).toBe(422);
  });

  it('never shows a stack trace', async () => {
    const res = await t.call('GET', '/api/v1/users?limit=100000', { token: w.tokens.ward_officer });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('versions', () => {
  it('refuses a write without a version, and a stale one with 409', async () => {
    const path = `/api/v1/organisations/${w.companies.contractor}`;
    const token = w.tokens.contractor_manager;
    const current = await t.call('GET', path, { token });
    expect(current.headers.get('etag')).toBe(`"${current.body.version}"`);

    expect((await t.call('PATCH', path, { token, json: { address: 'A' } })).status).toBe(422);
    const ok = await t.call('PATCH', path, {
      token,
      json: { address: 'A' },
      headers: { 'if-match': `"${current.body.version}"` },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(current.body.version + 1);

    const stale = await t.call('PATCH', path, {
      token,
      json: { address: 'B', version: current.body.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      type: '/problems/conflict',
      currentVersion: current.body.version + 1,
    });
    expect(stale.body.detail_ja).toMatch(/他の利用者/);
    expect((await t.call('GET', path, { token })).body.address).toBe('A');
  });

  it('lets exactly one of two simultaneous writers win', async () => {
    const path = `/api/v1/organisations/${w.companies.contractor}`;
    const token = w.tokens.contractor_manager;
    const { version } = (await t.call('GET', path, { token })).body;
    const results = await Promise.all(
      ['一', '二', '三', '四', '五'].map((n) =>
        t.call('PATCH', path, { token, json: { address: `住所${n}`, version } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const updates = await t.handle.db
      .selectFrom('audit_entries')
      .select('seq')
      .where('action', '=', 'organisation.update')
      .where('subject_id', '=', w.companies.contractor)
      .where('after', '@>', JSON.stringify({ version: version + 1 }) as never)
      .execute();
    expect(updates).toHaveLength(1);
  });
});

describe('users', () => {
  const base = { displayName: '新人', password: 'a long enough password' };

  it('refuses a duplicate e-mail (case-insensitive) with 409', async () => {
    const res = await t.call('POST', '/api/v1/users', {
      token: w.tokens.contractor_manager,
      json: {
        ...base,
        organisationId: w.companies.contractor,
        email: 'STAFF@cycle-support.example.jp',
        roles: ['contractor_staff'],
      },
    });
    expect(res.status).toBe(409);
  });

  it('refuses roles that do not fit the organisation, and privilege escalation', async () => {
    const wrongKind = await t.call('POST', '/api/v1/users', {
      token: w.tokens.system_admin,
      json: {
        ...base,
        organisationId: w.companies.contractor,
        email: 'x1@example.jp',
        roles: ['ward_officer'],
      },
    });
    expect(wrongKind.status).toBe(422);
    const escalate = await t.call('PATCH', `/api/v1/users/${w.userIds.contractor_staff}`, {
      token: w.tokens.contractor_manager,
      json: { roles: ['system_admin'], version: 1 },
    });
    expect(escalate.status).toBe(403);
    const short = await t.call('POST', '/api/v1/users', {
      token: w.tokens.contractor_manager,
      json: {
        ...base,
        password: 'short',
        organisationId: w.companies.contractor,
        email: 'x2@example.jp',
        roles: ['contractor_staff'],
      },
    });
    expect(short.status).toBe(422);
  });

  it('never returns password hashes', async () => {
    const res = await t.call('GET', '/api/v1/users?limit=200', { token: w.tokens.system_admin });
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password/i);
  });
});

describe('service endpoints', () => {
  it('answers health and readiness', async () => {
    expect((await t.call('GET', '/healthz')).body).toEqual({ status: 'ok' });
    expect((await t.call('GET', '/readyz')).body).toEqual({ status: 'ready' });
  });

  it('publishes an OpenAPI 3.1 document of every route, and a reference page', async () => {
    const doc = await t.call('GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/sign-in',
        '/api/v1/organisations/{id}',
        '/api/v1/users',
        '/api/v1/audit-entries',
      ]),
    );
    expect(doc.body.components.securitySchemes.Bearer).toBeDefined();
    const page = await t.call('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('/api/docs/assets/swagger-ui-bundle.js');
    expect((await t.call('GET', '/api/docs/init.js')).body).toContain('/api/openapi.json');
  });

  it('echoes a sane request id and replaces an insane one', async () => {
    expect(
      (await t.call('GET', '/healthz', { headers: { 'x-request-id': 'abc-123' } })).headers.get(
        'x-request-id',
      ),
    ).toBe('abc-123');
    const replaced = await t.call('GET', '/healthz', { headers: { 'x-request-id': '<script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
