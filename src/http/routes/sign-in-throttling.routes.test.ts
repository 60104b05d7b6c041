import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, PASSWORD, USERS } from '../../../test/helpers/world.js';

// Sign-in throttling as OWASP's authentication cheat sheet and NIST SP 800-63B §5.2.2 have it:
// limited per (address, client) and per client, counted atomically so that concurrent guesses
// cannot slip past the count; a guessing client is slowed down (the wait doubles), the account is
// never locked for everybody, so the owner on another client still signs in; and every refused
// attempt is in the audit trail.

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ settings: { failuresPerAddress: 12 } });
  await buildWorld(t);
});
afterAll(() => t.close());

function attempt(email: string, password: string, client: string) {
  return t.call('POST', '/api/v1/auth/sign-in', {
    headers: { 'x-test-client-ip': client },
    json: { email, password },
  });
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('sign-in throttling', () => {
  it('counts concurrent failures for one address atomically: of 40 at once, 5 reach the password check', async () => {
    const email = USERS.ward_chief!.email;
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(email, `guess ${i}`, '203.0.113.1')),
    );
    const statuses = answers.map((a) => a.status);
    expect(count(statuses, 401)).toBe(5);
    expect(count(statuses, 429)).toBe(35);
  });

  it('counts concurrent failures from one client atomically, across addresses', async () => {
    const t2 = await createTestApp({ settings: { maxFailuresPerIp: 10 } });
    try {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          t2.call('POST', '/api/v1/auth/sign-in', {
            headers: { 'x-test-client-ip': '203.0.113.2' },
            json: { email: `someone${i}@example.jp`, password: 'x' },
          }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      expect(count(statuses, 401)).toBe(10);
      expect(count(statuses, 429)).toBe(20);
    } finally {
      await t2.close();
    }
  });

  it('slows the guessing client down, doubling its wait, while the owner on another client signs in', async () => {
    const email = USERS.inspector!.email;
    const guesser = '198.51.100.10';
    for (let i = 0; i < 5; i++) expect((await attempt(email, `guess ${i}`, guesser)).status).toBe(401);

    const slowed = await attempt(email, PASSWORD, guesser);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBe(60);
    expect(slowed.body.detail_ja).toMatch(/約1分後/);

    // the owner, on a client that has not failed, is not locked out
    expect((await attempt(email, PASSWORD, '198.51.100.11')).status).toBe(200);

    // after the wait the guesser may try once more; another failure doubles the wait
    t.clock.advance(61_000);
    expect((await attempt(email, 'guess 5', guesser)).status).toBe(401);
    const longer = await attempt(email, 'guess 6', guesser);
    expect(longer.status).toBe(429);
    expect(Number(longer.headers.get('retry-after'))).toBe(120);
    // and the right password on the guessing client works once its wait is over
    t.clock.advance(121_000);
    expect((await attempt(email, PASSWORD, guesser)).status).toBe(200);
  });

  it('records every throttled attempt in the audit trail, in the ward of the account', async () => {
    const email = USERS.council_reviewer!.email;
    for (let i = 0; i < 5; i++) await attempt(email, `guess ${i}`, '198.51.100.20');
    for (let i = 0; i < 3; i++) expect((await attempt(email, 'again', '198.51.100.20')).status).toBe(429);
    const entries = await t.handle.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'auth.sign_in_throttled')
      .where('subject_id', '=', email)
      .execute();
    expect(entries).toHaveLength(3);
    const ward = await t.handle.db
      .selectFrom('users')
      .select('ward_id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    for (const entry of entries) {
      expect(entry.ward_id).toBe(ward.ward_id);
      expect(entry.after).toMatchObject({ ip: '198.51.100.20', limit: 'address-and-client' });
    }
  });

  it('after many failures for one address from many clients, a client that failed waits; one that did not signs in', async () => {
    const email = USERS.ward_manager!.email;
    // failuresPerAddress is 12 here (100 by default, NIST's ceiling)
    for (let i = 0; i < 12; i++) expect((await attempt(email, 'guess', `192.0.2.${i}`)).status).toBe(401);
    const failedBefore = await attempt(email, PASSWORD, '192.0.2.3');
    expect(failedBefore.status).toBe(429);
    expect(failedBefore.body.detail).toMatch(/Too many failed sign-ins/);
    expect((await attempt(email, PASSWORD, '192.0.2.200')).status).toBe(200);
  });
});
