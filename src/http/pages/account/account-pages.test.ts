import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, PASSWORD, USERS, type World } from '../../../../test/helpers/world.js';
import { currentCode } from '../../../domain/auth/second-factor/totp.js';

// The pages around the second factor without a browser: the challenge cookie, a code step
// without a challenge, and the ward's settings page for its manager only.

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('pages: the second factor and the ward settings', () => {
  it('keeps the challenge in an HttpOnly, SameSite=Strict cookie for the ログイン pages only', async () => {
    const manager = await pageClient(t, USERS.subcontractor_manager!.email);
    const enrol = await manager.post('/account/security/enrol');
    expect(enrol.status).toBe(200);
    const secret = textOf(enrol.html)
      .match(/キー: ([A-Z2-7 ]+)/)![1]!
      .replace(/\s/g, '');
    const confirmed = await manager.post('/account/security/confirm', {
      code: currentCode(secret, t.clock.now()),
    });
    expect(confirmed.status).toBe(200);
    expect(textOf(confirmed.html)).toContain('リカバリーコード');

    const fresh = await pageClient(t);
    const res = await fresh.request('POST', '/login', {
      email: USERS.subcontractor_manager!.email,
      password: PASSWORD,
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/login/second-factor');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('pg_challenge='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/login/);
    // no session yet
    expect(fresh.jar.has('pg_access')).toBe(false);
    expect((await fresh.get('/contracts')).status).toBe(303);
  });

  it('sends a code step without a challenge back to ログイン', async () => {
    const client = await pageClient(t);
    const res = await client.request('POST', '/login/second-factor', { code: '123456' });
    expect(res.status).toBe(401);
    expect(textOf(res.html)).toContain('パスワードからやり直してください');
  });

  it("offers the ward's settings to its manager only, and wants a sign-off chain", async () => {
    const officer = await pageClient(t, USERS.ward_officer!.email);
    expect((await officer.get('/settings/ward')).status).toBe(403);
    expect((await officer.get('/')).html).not.toContain('href="/settings/ward"');
    const company = await pageClient(t, USERS.contractor_manager!.email);
    expect((await company.get('/settings/ward')).status).toBe(403);

    const manager = await pageClient(t, USERS.ward_manager!.email);
    const page = await manager.get('/settings/ward');
    expect(page.status).toBe(200);
    expect((await manager.get('/')).html).toContain('href="/settings/ward"');
    const version = page.html.match(/name="version" value="(\d+)"/)![1]!;
    const none = await manager.post('/settings/ward', { version, maxSubcontractDepth: '1' });
    expect(none.status).toBe(422);
    expect(none.html).toContain('1つ以上選んでください');
    const saved = await manager.post('/settings/ward', {
      version,
      maxSubcontractDepth: '0',
      chain: ['ward_chief', 'ward_manager'],
    });
    expect(saved.status).toBe(303);
    const ward = await t.call('GET', `/api/v1/organisations/${w.wardId}`, { token: w.tokens.ward_manager });
    expect(ward.body.settings).toEqual({
      maxSubcontractDepth: 0,
      signOffChain: ['ward_chief', 'ward_manager'],
      requireSecondFactor: false,
      // the demo's own 特記事項, not on this form, kept
      provisionsTemplate: 'shinjuku-contractor',
    });
    const stale = await manager.post('/settings/ward', {
      version,
      maxSubcontractDepth: '1',
      chain: 'ward_manager',
    });
    expect(stale.status).toBe(409);
  });
});
