import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';
import { runDailyJobs } from '../../jobs/daily-jobs.js';
import { addDays, startOfJapanDay } from '../shared/japan-date.js';

// 認証の有効期限 in the daily jobs, under the test clock: 90 and 30 days before the last valid day
// and once expired, the company's managers and the officers of the ward contracting with it are
// notified — once per stage, however often the jobs run — and the manager's inbox lists it.

let t: TestApp;
let w: World;
const silent = { info: () => {}, error: () => {} };
const jobs = () => runDailyJobs({ db: t.handle.db, now: t.clock.now, logger: silent });
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

async function certificationNotices() {
  return t.handle.db
    .selectFrom('notifications')
    .select(['user_id', 'ward_id', 'deadline_key', 'title'])
    .where('kind', '=', 'certification-expiry')
    .orderBy('created_at')
    .orderBy('user_id')
    .execute();
}

/** Moves the clock to 10:00 Japan time `days` before the certification's last valid day, signing
 * the people asked again (access tokens expire with time). */
async function daysBefore(validUntil: string, days: number) {
  t.clock.set(new Date(startOfJapanDay(addDays(validUntil, -days)).getTime() + 10 * 3600 * 1000));
  for (const key of ['contractor_manager', 'ward_officer'])
    w.tokens[key] = await signIn(t, USERS[key]!.email);
}

describe('reminders before a certification expires', () => {
  let validUntil: string;
  let id: string;

  beforeAll(async () => {
    validUntil = addDays(w.today(), 120);
    id = expectStatus(
      await t.call('POST', `/api/v1/organisations/${w.companies.contractor}/certifications`, {
        token: w.tokens.contractor_manager,
        json: {
          kind: 'isms',
          number: 'IS 612345',
          scope: '自転車対策業務',
          issuer: 'BSIグループジャパン株式会社',
          validUntil,
        },
      }),
      201,
    ).id;
  });

  it('sends nothing while more than 90 days remain', async () => {
    await daysBefore(validUntil, 91);
    await jobs();
    expect(await certificationNotices()).toEqual([]);
  });

  it('notifies the company’s managers and the contracting ward’s officers at 90 days, once', async () => {
    await daysBefore(validUntil, 90);
    const first = await jobs();
    const notices = await certificationNotices();
    const recipients = notices.map((n) => n.user_id).sort();
    expect(recipients).toEqual([w.userIds.contractor_manager, w.userIds.ward_officer].sort());
    expect(notices.every((n) => n.deadline_key === `certification:${id}:${validUntil}:90`)).toBe(true);
    expect(notices.find((n) => n.user_id === w.userIds.ward_officer)?.ward_id).toBe(w.wardId);
    expect(notices[0]!.title).toContain('90日以内');
    expect(first.reminders).toBeGreaterThanOrEqual(2);
    // the staff, another company and another ward hear nothing
    for (const who of ['contractor_staff', 'other_contractor_manager', 'other_ward_officer', 'inspector'])
      expect(recipients).not.toContain(w.userIds[who]);
    // a second run the same day, and the next day, add nothing
    await jobs();
    t.clock.advance(DAY);
    w.tokens.contractor_manager = await signIn(t, USERS.contractor_manager!.email);
    await jobs();
    expect(await certificationNotices()).toHaveLength(2);
  });

  it('lists it in the manager’s inbox from 30 days before, and reminds again then, once', async () => {
    const inbox = async () =>
      expectStatus(
        await t.call('GET', '/api/v1/notifications/inbox', { token: w.tokens.contractor_manager }),
        200,
      ).waiting as Array<{ kind: string; subjectId: string; overdue: boolean }>;
    await daysBefore(validUntil, 31);
    expect((await inbox()).filter((i) => i.kind === 'certifications')).toEqual([]);
    await daysBefore(validUntil, 30);
    expect((await inbox()).filter((i) => i.kind === 'certifications')).toMatchObject([
      { subjectId: id, overdue: false },
    ]);
    // the ward's officer has no such work: it is the company's to renew
    const officer = expectStatus(
      await t.call('GET', '/api/v1/notifications/inbox', { token: w.tokens.ward_officer }),
      200,
    );
    expect(officer.waiting.filter((i: { kind: string }) => i.kind === 'certifications')).toEqual([]);
    await jobs();
    await jobs();
    const thirty = (await certificationNotices()).filter((n) => n.deadline_key.endsWith(':30'));
    expect(thirty.map((n) => n.user_id).sort()).toEqual(
      [w.userIds.contractor_manager, w.userIds.ward_officer].sort(),
    );
  });

  it('says so once expired, in the inbox as overdue and in one more reminder', async () => {
    await daysBefore(validUntil, 0);
    await jobs();
    expect((await certificationNotices()).filter((n) => n.deadline_key.endsWith(':expired'))).toEqual([]);
    t.clock.advance(DAY);
    w.tokens.contractor_manager = await signIn(t, USERS.contractor_manager!.email);
    await jobs();
    await jobs();
    const expired = (await certificationNotices()).filter((n) => n.deadline_key.endsWith(':expired'));
    expect(expired).toHaveLength(2);
    expect(expired[0]!.title).toContain('期限切れ');
    const waiting = expectStatus(
      await t.call('GET', '/api/v1/notifications/inbox', { token: w.tokens.contractor_manager }),
      200,
    ).waiting.filter((i: { kind: string }) => i.kind === 'certifications');
    expect(waiting).toMatchObject([{ subjectId: id, overdue: true }]);
  });

  it('falls silent for a certification renewed in time, and leaves the inbox', async () => {
    const renewal = expectStatus(
      await t.call('POST', `/api/v1/organisations/${w.companies.contractor}/certifications`, {
        token: w.tokens.contractor_manager,
        json: {
          kind: 'isms',
          number: 'IS 612345',
          issuer: 'BSIグループジャパン株式会社',
          validFrom: w.today(),
          validUntil: addDays(w.today(), 1095),
        },
      }),
      201,
    );
    const before = (await certificationNotices()).length;
    t.clock.advance(DAY);
    w.tokens.contractor_manager = await signIn(t, USERS.contractor_manager!.email);
    await jobs();
    expect(await certificationNotices()).toHaveLength(before);
    const waiting = expectStatus(
      await t.call('GET', '/api/v1/notifications/inbox', { token: w.tokens.contractor_manager }),
      200,
    ).waiting.filter((i: { kind: string }) => i.kind === 'certifications');
    expect(waiting).toEqual([]);
    expect(renewal.standing).toBe('valid');
  });
});
