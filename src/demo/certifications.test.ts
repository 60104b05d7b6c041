import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testPasswords } from '../../test/helpers/test-app.js';
import { PASSWORD, signIn } from '../../test/helpers/world.js';
import { seedDemoData } from './seed-demo-data.js';

// `npm start`'s demo shows certifications at work: the contractor's P-mark in force and its ISMS
// ending within 30 days (in its manager's inbox), the sub-contractor's ISMS expired.

let t: TestApp;
let demo: Awaited<ReturnType<typeof seedDemoData>>;

beforeAll(async () => {
  t = await createTestApp();
  demo = await seedDemoData(t.handle.db, testPasswords, {
    now: t.clock.now,
    password: PASSWORD,
    nankokuOperations: false,
  });
});
afterAll(() => t.close());

describe('the demo’s certifications', () => {
  it('has an ISMS expiring and one expired, seen by the ward and in the manager’s inbox', async () => {
    const officer = await signIn(t, 'officer@city.shinjuku.example.jp');
    const standings = async (orgId: string) =>
      (
        await t.call('GET', `/api/v1/organisations/${orgId}/certifications`, { token: officer })
      ).body.items.map((c: { kind: string; standing: string }) => `${c.kind}:${c.standing}`);
    expect((await standings(demo.companies.contractor)).sort()).toEqual([
      'isms:expiring',
      'privacy_mark:valid',
    ]);
    expect(await standings(demo.companies.subcontractor)).toEqual(['isms:expired']);
    const manager = await signIn(t, 'manager@cycle-support.example.jp');
    const inbox = (await t.call('GET', '/api/v1/notifications/inbox', { token: manager })).body;
    expect(inbox.waiting.filter((i: { kind: string }) => i.kind === 'certifications')).toHaveLength(1);
  });
});
