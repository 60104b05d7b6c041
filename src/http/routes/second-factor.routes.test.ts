import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, PASSWORD, USERS, type World } from '../../../test/helpers/world.js';
import { currentCode } from '../../domain/auth/second-factor/totp.js';

// The second factor (TOTP, RFC 6238) through the API: setting it up while signed in, signing in
// with a code or a recovery code, codes refused when wrong, replayed or guessed too often, the
// ward's requirement (enrolment at sign-in), turning it off, and a reset by the user's manager.

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const SF = '/api/v1/auth/second-factor';
const signInAs = (email: string, client = '203.0.113.50') =>
  t.call('POST', '/api/v1/auth/sign-in', {
    headers: { 'x-test-client-ip': client },
    json: { email, password: PASSWORD },
  });
const step = (challengeToken: string, code: string, client = '203.0.113.50') =>
  t.call('POST', '/api/v1/auth/sign-in/second-factor', {
    headers: { 'x-test-client-ip': client },
    json: { challengeToken, code },
  });
const next30s = () => t.clock.advance(30_000);

/** Sets up a second factor for a signed-in user; returns its secret and recovery codes. */
async function enrol(token: string) {
  const started = await t.call('POST', `${SF}/enrolment`, { token });
  expect(started.status).toBe(200);
  expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
  expect(started.body.qrCodeSvg).toMatch(/^<svg/);
  const secret = started.body.secret as string;
  const wrong = await t.call('POST', `${SF}/enrolment/confirm`, { token, json: { code: '000000' } });
  expect(wrong.status).toBe(422);
  const confirmed = await t.call('POST', `${SF}/enrolment/confirm`, {
    token,
    json: { code: currentCode(secret, t.clock.now()) },
  });
  expect(confirmed.status).toBe(200);
  next30s();
  return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

describe('a second factor set up by its user', () => {
  const email = USERS.contractor_manager!.email;
  let secret = '';
  let recoveryCodes: string[] = [];

  it('is set up with a QR code and a first code, and gives ten one-time recovery codes', async () => {
    ({ secret, recoveryCodes } = await enrol(w.tokens.contractor_manager!));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const state = await t.call('GET', SF, { token: w.tokens.contractor_manager });
    expect(state.body).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    // stored as hashes only
    const stored = await t.handle.db.selectFrom('recovery_codes').select('code_hash').execute();
    for (const code of recoveryCodes) expect(JSON.stringify(stored)).not.toContain(code.replace(/-/g, ''));
    // a second enrolment over it is refused
    expect((await t.call('POST', `${SF}/enrolment`, { token: w.tokens.contractor_manager })).status).toBe(
      409,
    );
  });

  it('is asked for after the password; the right code signs in, a wrong or replayed one does not', async () => {
    const first = await signInAs(email);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ secondFactor: 'required' });
    expect(first.body.accessToken).toBeUndefined();
    expect(first.headers.getSetCookie()).toEqual([]);

    expect((await step(first.body.challengeToken, '123456')).status).toBe(401);
    const code = currentCode(secret, t.clock.now());
    const ok = await step(first.body.challengeToken, code);
    expect(ok.status).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/session', { token: ok.body.accessToken })).status).toBe(200);
    // the challenge is used up, and the same code is not accepted twice
    expect((await step(first.body.challengeToken, code)).status).toBe(401);
    const second = await signInAs(email);
    expect((await step(second.body.challengeToken, code)).status).toBe(401);
    next30s();
    expect((await step(second.body.challengeToken, currentCode(secret, t.clock.now()))).status).toBe(200);
  });

  it('accepts each recovery code once instead of a code', async () => {
    const first = await signInAs(email);
    expect((await step(first.body.challengeToken, recoveryCodes[0]!.toUpperCase())).status).toBe(200);
    const second = await signInAs(email);
    expect((await step(second.body.challengeToken, recoveryCodes[0]!)).status).toBe(401);
    expect((await step(second.body.challengeToken, recoveryCodes[1]!)).status).toBe(200);
    const state = await t.call('GET', SF, { token: w.tokens.contractor_manager });
    expect(state.body.recoveryCodesLeft).toBe(8);
  });

  it('limits guessing: codes count as failed sign-ins of the address and client, and are audited', async () => {
    const client = '198.51.100.77';
    const challenge = (await signInAs(email, client)).body.challengeToken;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await step(challenge, String(100000 + i), client)).status);
    // the password step and four wrong codes make five failures: then the client must wait
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const throttled = await t.handle.db
      .selectFrom('audit_entries')
      .select('subject_id')
      .where('action', '=', 'auth.sign_in_throttled')
      .where('subject_id', '=', email)
      .execute();
    expect(throttled.length).toBeGreaterThanOrEqual(2);
  });

  it('is turned off with a code; then the password alone signs in', async () => {
    const token = w.tokens.contractor_manager!;
    next30s(); // the code of the step last used is not accepted again
    expect((await t.call('POST', `${SF}/disable`, { token, json: { code: '000000' } })).status).toBe(422);
    const off = await t.call('POST', `${SF}/disable`, {
      token,
      json: { code: currentCode(secret, t.clock.now()) },
    });
    expect(off.status).toBe(204);
    const res = await signInAs(email);
    expect(res.body.accessToken).toBeTruthy();
  });
});

describe("a ward's requirement", () => {
  it('makes its staff set up a second factor at sign-in, and keep it', async () => {
    const ward = await t.call('GET', `/api/v1/organisations/${w.wardId}`, { token: w.tokens.ward_manager });
    const set = await t.call('PATCH', `/api/v1/organisations/${w.wardId}`, {
      token: w.tokens.ward_manager,
      json: { settings: { requireSecondFactor: true }, version: ward.body.version },
    });
    expect(set.status).toBe(200);

    const email = USERS.ward_chief!.email;
    const res = await signInAs(email);
    expect(res.body).toMatchObject({ secondFactor: 'enrolment-required' });
    const enrolment = await t.call('POST', '/api/v1/auth/sign-in/enrolment', {
      json: { challengeToken: res.body.challengeToken },
    });
    expect(enrolment.status).toBe(200);
    expect(enrolment.body.qrCodeSvg).toMatch(/^<svg/);
    // shown again, the same secret (the QR code does not change under the user's phone)
    const again = await t.call('POST', '/api/v1/auth/sign-in/enrolment', {
      json: { challengeToken: res.body.challengeToken },
    });
    expect(again.body.secret).toBe(enrolment.body.secret);

    const done = await step(res.body.challengeToken, currentCode(enrolment.body.secret, t.clock.now()));
    expect(done.status).toBe(200);
    expect(done.body.recoveryCodes).toHaveLength(10);
    const token = done.body.accessToken as string;
    expect((await t.call('GET', SF, { token })).body).toMatchObject({ enabled: true, required: true });
    next30s();
    const refused = await t.call('POST', `${SF}/disable`, {
      token,
      json: { code: currentCode(enrolment.body.secret, t.clock.now()) },
    });
    expect(refused.status).toBe(409);
    // company staff are not ward staff: the requirement is not theirs
    expect((await signInAs(USERS.contractor_staff!.email)).body.accessToken).toBeTruthy();
  });

  it('a manager resets a staff member’s factor (lost phone); they set it up again at the next sign-in', async () => {
    const user = await t.call('GET', `/api/v1/users/${w.userIds.ward_chief}`, {
      token: w.tokens.ward_manager,
    });
    const reset = await t.call('PATCH', `/api/v1/users/${w.userIds.ward_chief}`, {
      token: w.tokens.ward_manager,
      json: { resetSecondFactor: true, version: user.body.version },
    });
    expect(reset.status).toBe(200);
    const res = await signInAs(USERS.ward_chief!.email, '203.0.113.51');
    expect(res.body).toMatchObject({ secondFactor: 'enrolment-required' });
    const trail = await t.call('GET', '/api/v1/audit-entries?limit=200', { token: w.tokens.ward_manager });
    expect(
      trail.body.items.some(
        (e: { action: string; after: { secondFactorReset?: boolean } }) =>
          e.action === 'user.update' && e.after?.secondFactorReset === true,
      ),
    ).toBe(true);
  });
});
