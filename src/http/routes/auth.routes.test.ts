import { base64url, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, PASSWORD, signIn, type World } from '../../../test/helpers/world.js';

let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t);
});
afterAll(() => t.close());

const officer = 'officer@city.shinjuku.example.jp';

function cookiesOf(headers: Headers): Record<string, { value: string; attributes: string }> {
  const out: Record<string, { value: string; attributes: string }> = {};
  for (const line of headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(';');
    const [name, value] = pair!.split('=');
    out[name!.trim()] = { value: value ?? '', attributes: attrs.join(';') };
  }
  return out;
}

describe('sign-in', () => {
  it('issues a Bearer token, a refresh token and secure cookies', async () => {
    const res = await t.call('POST', '/api/v1/auth/sign-in', {
      json: { email: ` ${officer.toUpperCase()} `, password: PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { email: officer } });
    const cookies = cookiesOf(res.headers);
    expect(cookies.pg_access!.attributes).toMatch(/HttpOnly/);
    expect(cookies.pg_access!.attributes).toMatch(/Secure/);
    expect(cookies.pg_access!.attributes).toMatch(/SameSite=Lax/);
    expect(cookies.pg_csrf!.attributes).not.toMatch(/HttpOnly/);

    const me = await t.call('GET', '/api/v1/auth/session', { token: res.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      roles: ['ward_officer'],
      organisationKind: 'ward',
      wardId: world.wardId,
    });
  });

  it('refuses a wrong password and an unknown address with the same answer', async () => {
    const wrong = await t.call('POST', '/api/v1/auth/sign-in', {
      json: { email: officer, password: 'nope' },
    });
    const unknown = await t.call('POST', '/api/v1/auth/sign-in', {
      json: { email: 'nobody@example.jp', password: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(wrong.body.detail_ja).toBe('メールアドレスまたはパスワードが正しくありません');
  });

  it('slows down the client that failed five times for one address, even with the right password, until its wait is over', async () => {
    const email = 'chief@city.shinjuku.example.jp';
    for (let i = 0; i < 5; i++) {
      expect(
        (await t.call('POST', '/api/v1/auth/sign-in', { json: { email, password: `guess-${i}` } })).status,
      ).toBe(401);
    }
    const blocked = await t.call('POST', '/api/v1/auth/sign-in', { json: { email, password: PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.title_ja).toBe('試行回数が多すぎます');
    // other users are not affected
    expect(
      (await t.call('POST', '/api/v1/auth/sign-in', { json: { email: officer, password: PASSWORD } })).status,
    ).toBe(200);
    t.clock.advance(16 * 60 * 1000);
    expect(
      (await t.call('POST', '/api/v1/auth/sign-in', { json: { email, password: PASSWORD } })).status,
    ).toBe(200);
  });

  it('throttles one client address that guesses across many accounts', async () => {
    const t2 = await createTestApp({ settings: { maxFailuresPerIp: 3 } });
    try {
      const headers = { 'x-test-client-ip': '203.0.113.9' };
      for (let i = 0; i < 3; i++) {
        await t2.call('POST', '/api/v1/auth/sign-in', {
          headers,
          json: { email: `user${i}@example.jp`, password: 'x' },
        });
      }
      const res = await t2.call('POST', '/api/v1/auth/sign-in', {
        headers,
        json: { email: 'user9@example.jp', password: 'x' },
      });
      expect(res.status).toBe(429);
    } finally {
      await t2.close();
    }
  });

  it('validates the body with field errors in both languages', async () => {
    const res = await t.call('POST', '/api/v1/auth/sign-in', { json: { email: '' } });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['json.email', 'json.password']),
    );
    expect(res.body.errors[0].message_ja).toBeTruthy();
  });
});

describe('tokens', () => {
  it('refuses missing, malformed, unsigned, foreign-key, tampered and expired tokens', async () => {
    const token = await signIn(t, officer);
    const [header, payload] = token.split('.');
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!)));
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`;
    const tampered = `${header}.${base64url.encode(JSON.stringify({ ...claims, sub: world.userIds.system_admin }))}.${token.split('.')[2]}`;
    const foreignKey = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('a secret nobody should accept here!!'));
    for (const bad of ['', 'garbage', none, tampered, foreignKey, `${token}x`]) {
      const res = await t.call('GET', '/api/v1/auth/session', {
        headers: { authorization: `Bearer ${bad}` },
      });
      expect(res.status, bad).toBe(401);
    }
    expect(
      (await t.call('GET', '/api/v1/auth/session', { headers: { authorization: 'Basic abc' } })).status,
    ).toBe(401);

    t.clock.advance(16 * 60 * 1000);
    expect((await t.call('GET', '/api/v1/auth/session', { token })).status).toBe(401);
  });

  it('rotates refresh tokens, and a reused one ends the session', async () => {
    const res = await t.call('POST', '/api/v1/auth/sign-in', {
      json: { email: officer, password: PASSWORD },
    });
    const first = res.body.refreshToken as string;
    const refreshed = await t.call('POST', '/api/v1/auth/refresh', { json: { refreshToken: first } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(first);
    expect((await t.call('GET', '/api/v1/auth/session', { token: refreshed.body.accessToken })).status).toBe(
      200,
    );

    // the old refresh token was copied by someone: using it revokes the session for everybody
    expect((await t.call('POST', '/api/v1/auth/refresh', { json: { refreshToken: first } })).status).toBe(
      401,
    );
    expect((await t.call('GET', '/api/v1/auth/session', { token: refreshed.body.accessToken })).status).toBe(
      401,
    );
    expect(
      (await t.call('POST', '/api/v1/auth/refresh', { json: { refreshToken: refreshed.body.refreshToken } }))
        .status,
    ).toBe(401);
  });

  it('signs out: the access token and the refresh token stop working at once', async () => {
    const res = await t.call('POST', '/api/v1/auth/sign-in', {
      json: { email: officer, password: PASSWORD },
    });
    const { accessToken, refreshToken } = res.body;
    expect((await t.call('POST', '/api/v1/auth/sign-out', { token: accessToken })).status).toBe(204);
    expect((await t.call('GET', '/api/v1/auth/session', { token: accessToken })).status).toBe(401);
    expect((await t.call('POST', '/api/v1/auth/refresh', { json: { refreshToken } })).status).toBe(401);
  });

  it('ends the sessions of a user who is disabled', async () => {
    const token = await signIn(t, 'inspector@city.shinjuku.example.jp');
    const manager = await signIn(t, 'manager@city.shinjuku.example.jp');
    const user = await t.call('GET', `/api/v1/users/${world.userIds.inspector}`, { token: manager });
    const res = await t.call('PATCH', `/api/v1/users/${world.userIds.inspector}`, {
      token: manager,
      json: { disabled: true, version: user.body.version },
    });
    expect(res.status).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/session', { token })).status).toBe(401);
    const again = await t.call('POST', '/api/v1/auth/sign-in', {
      json: { email: 'inspector@city.shinjuku.example.jp', password: PASSWORD },
    });
    expect(again.status).toBe(401);
  });
});

describe('cookie sessions', () => {
  async function cookieSession() {
    const res = await t.call('POST', '/api/v1/auth/sign-in', {
      json: { email: officer, password: PASSWORD },
    });
    const cookies = cookiesOf(res.headers);
    const header = Object.entries(cookies)
      .map(([k, v]) => `${k}=${v.value}`)
      .join('; ');
    return { cookie: header, csrf: cookies.pg_csrf!.value };
  }

  it('reads with the cookie alone, and writes only with the CSRF token', async () => {
    const { cookie, csrf } = await cookieSession();
    expect((await t.call('GET', '/api/v1/auth/session', { headers: { cookie } })).status).toBe(200);
    const dept = { name: `臨時課${Date.now()}` };
    const path = `/api/v1/organisations/${world.wardId}/departments`;
    const forged = await t.call('POST', path, { headers: { cookie }, json: dept });
    expect(forged.status).toBe(403);
    expect(forged.body.detail_ja).toMatch(/CSRF/);
    const wrong = await t.call('POST', path, { headers: { cookie, 'x-csrf-token': 'wrong' }, json: dept });
    expect(wrong.status).toBe(403);
    const ok = await t.call('POST', path, { headers: { cookie, 'x-csrf-token': csrf }, json: dept });
    expect(ok.status).toBe(201);
  });

  it('renews an expired access cookie from the refresh cookie', async () => {
    const { cookie } = await cookieSession();
    t.clock.advance(20 * 60 * 1000);
    const res = await t.call('GET', '/api/v1/auth/session', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(cookiesOf(res.headers).pg_access).toBeDefined();
  });
});
