import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { buildNodeDeps } from '../../src/node-runtime.js';
import { serveApp } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, PASSWORD, USERS } from '../helpers/world.js';

// Behind a proxy the client address comes from X-Forwarded-For, but only the part the trusted
// proxies wrote: counted from the right, as many hops as TRUST_PROXY says. A client that writes
// its own X-Forwarded-For can put anything on the left; rotating it must neither escape the
// per-client sign-in limit nor forge the address stored with sessions and audit entries.

let t: TestApp;
let http: Awaited<ReturnType<typeof serveApp>>;

async function appBehindOneProxy(trustProxy: string) {
  const probe = await createTestApp();
  const node = await buildNodeDeps(
    probe.handle,
    readConfig({ TRUST_PROXY: trustProxy, LOG_LEVEL: 'silent' }),
  );
  await probe.close();
  return createTestApp({ settings: { maxFailuresPerIp: 3 }, deps: { clientIp: node.clientIp } });
}

beforeAll(async () => {
  // TRUST_PROXY=true, as deployments set it before: now one hop
  t = await appBehindOneProxy('true');
  await buildWorld(t);
  http = await serveApp(t);
});
afterAll(async () => {
  await http.close();
  await t.close();
});

function signInOverHttp(email: string, password: string, forwardedFor: string) {
  return fetch(`${http.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email, password }),
  });
}

describe('the client address behind a proxy', () => {
  it('is the right-most forwarded address: a rotated left-most value does not escape the per-client limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await signInOverHttp(`nobody${i}@example.jp`, 'wrong', `10.9.${i}.1, 203.0.113.9`);
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
  });

  it('stores the address the proxy saw with the session and the audit entry, not the forged one', async () => {
    const res = await signInOverHttp(USERS.ward_officer!.email, PASSWORD, '192.0.2.66, 198.51.100.23');
    expect(res.status).toBe(200);
    // (the world's own sign-ins came in-process, without a socket, so without an address)
    const sessions = await t.handle.db
      .selectFrom('sessions')
      .select('ip')
      .where('ip', 'is not', null)
      .execute();
    expect(sessions.map((s) => s.ip)).toEqual(['198.51.100.23']);
    const entries = await t.handle.db
      .selectFrom('audit_entries')
      .select('after')
      .where('action', '=', 'auth.sign_in')
      .execute();
    const addresses = entries.map((e) => (e.after as { ip: string | null }).ip).filter(Boolean);
    expect(addresses).toEqual(['198.51.100.23']);
  });
});
