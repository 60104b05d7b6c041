import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';

// 見直し周期 over the API and in the inbox, under the test clock (Sunday 2026-11-22, JST): the ward
// officer sets "review again after 3 months"; nothing is due until 22 February; then the review
// waits in the officer's inbox with what changed meanwhile (an incident reported); the 係長
// completes it with a note — who, when, the counts kept, audited — and the next review is due
// three months later. Companies and other wards are refused; removing the cycle cancels the review.

const REVIEWS = '/api/v1/contract-reviews';
let t: TestApp;
let w: World;
const call = (who: string, method: string, path: string, json?: unknown) =>
  t.call(method, path, { token: w.tokens[who], json });
/** After the clock moves by months, sessions have expired: sign in again as everyone used here. */
async function moveClock(to: string) {
  t.clock.set(to);
  for (const k of [
    'ward_officer',
    'ward_chief',
    'ward_manager',
    'inspector',
    'contractor_manager',
    'other_ward_officer',
    'other_ward_manager',
  ])
    w.tokens[k] = await signIn(t, USERS[k]!.email);
}
const cyclePath = () => `${REVIEWS}/cycles/${w.bicycleContractId}`;
const inboxReviews = async (who: string) =>
  (expectStatus(await call(who, 'GET', '/api/v1/notifications/inbox'), 200).waiting as any[]).filter(
    (i) => i.kind === 'contract-reviews',
  );

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('the review cycle', () => {
  it('is none until set; only the ward’s officer, 係長 or 課長 sets it, with the version read', async () => {
    expect(expectStatus(await call('ward_officer', 'GET', cyclePath()), 200)).toEqual({
      contractId: w.bicycleContractId,
      months: null,
      version: 0,
      openReview: null,
    });
    expect((await call('contractor_manager', 'PUT', cyclePath(), { months: 3, version: 0 })).status).toBe(
      403,
    );
    expect((await call('contractor_manager', 'GET', cyclePath())).status).toBe(403);
    expect((await call('inspector', 'PUT', cyclePath(), { months: 3, version: 0 })).status).toBe(403);
    expect((await call('other_ward_officer', 'PUT', cyclePath(), { months: 3, version: 0 })).status).toBe(
      404,
    );
    expect((await call('other_contractor_manager', 'GET', cyclePath())).status).toBe(404);
    for (const months of [0, 61, 2.5, '3'])
      expect(
        (await call('ward_officer', 'PUT', cyclePath(), { months, version: 0 })).status,
        String(months),
      ).toBe(422);
    const set = expectStatus(await call('ward_officer', 'PUT', cyclePath(), { months: 3, version: 0 }), 200);
    expect(set).toMatchObject({ months: 3, version: 1, openReview: { dueOn: '2027-02-22' } });
    // a second writer who read version 0 is refused, nothing changed
    const stale = await call('ward_manager', 'PUT', cyclePath(), { months: 1, version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.detail_ja).toContain('見直し周期');
    expect(expectStatus(await call('ward_officer', 'GET', cyclePath()), 200).months).toBe(3);
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'after'])
      .where('subject_id', '=', w.bicycleContractId)
      .where('action', '=', 'contract.review_cycle')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ months: 3, dueOn: '2027-02-22' });
  });
});

describe('a review coming due', () => {
  let reviewId = '';

  it('is not in the inbox before its day', async () => {
    expect(await inboxReviews('ward_officer')).toEqual([]);
    reviewId = expectStatus(await call('ward_officer', 'GET', cyclePath()), 200).openReview.id;
  });

  it('waits in the officer’s inbox on its day, with what changed since the cycle was set', async () => {
    t.clock.advance(60_000);
    expectStatus(
      await call('contractor_manager', 'POST', '/api/v1/incidents', {
        contractId: w.bicycleContractId,
        information: '駐輪施設利用希望者の氏名',
        recordCount: 1,
        location: 'コールセンター',
        circumstances: '誤送信',
        discoveredAt: '2026-11-22T09:00:00+09:00',
      }),
      201,
    );
    await moveClock('2027-02-22T00:30:00Z'); // 09:30 in Japan on its due day
    const [item] = await inboxReviews('ward_officer');
    expect(item).toMatchObject({
      subjectId: reviewId,
      dueOn: '2027-02-22',
      overdue: false,
      href: `/contracts/${w.bicycleContractId}/review`,
    });
    expect(item.detail.ja).toContain('事故報告 1件');
    // the chief and the manager see it too; the inspector reads but does not review; companies never
    expect(await inboxReviews('ward_chief')).toHaveLength(1);
    expect(await inboxReviews('inspector')).toEqual([]);
    expect(await inboxReviews('contractor_manager')).toEqual([]);
    expect(await inboxReviews('other_ward_officer')).toEqual([]);
    await moveClock('2027-02-23T00:30:00Z');
    expect((await inboxReviews('ward_officer'))[0].overdue).toBe(true);
    const review = expectStatus(await call('ward_officer', 'GET', `${REVIEWS}/${reviewId}`), 200);
    expect(review).toMatchObject({ status: 'due', overdue: true, allowedActions: ['complete'] });
    expect(review.changesSince).toMatchObject({ incidents: 1, registerChanges: 0, handlersAdded: 0 });
    expect(
      expectStatus(await call('inspector', 'GET', `${REVIEWS}/${reviewId}`), 200).allowedActions,
    ).toEqual([]);
  });

  it('is refused without a note, to others, and on a stale version', async () => {
    const review = expectStatus(await call('ward_chief', 'GET', `${REVIEWS}/${reviewId}`), 200);
    const complete = (who: string, json: object) =>
      call(who, 'POST', `${REVIEWS}/${reviewId}/complete`, json);
    const bare = await complete('ward_chief', { note: '  ', version: review.version });
    expect(bare.status).toBe(422);
    expect(bare.body.errors[0].message_ja).toContain('所見');
    expect((await complete('inspector', { note: '確認', version: review.version })).status).toBe(403);
    expect((await complete('contractor_manager', { note: '確認', version: review.version })).status).toBe(
      404,
    );
    expect((await complete('other_ward_manager', { note: '確認', version: review.version })).status).toBe(
      404,
    );
    expect((await complete('ward_chief', { note: '確認', version: review.version + 1 })).status).toBe(409);
    expect(expectStatus(await call('ward_chief', 'GET', `${REVIEWS}/${reviewId}`), 200).status).toBe('due');
  });

  it('is completed with who, when and the note, audited, and the next one is issued', async () => {
    const review = expectStatus(await call('ward_chief', 'GET', `${REVIEWS}/${reviewId}`), 200);
    const done = expectStatus(
      await call('ward_chief', 'POST', `${REVIEWS}/${reviewId}/complete`, {
        note: '事故1件の再発防止策を確認。委託継続に支障なし。',
        version: review.version,
      }),
      200,
    );
    expect(done).toMatchObject({
      status: 'completed',
      completedBy: w.userIds.ward_chief,
      completedAt: '2027-02-23T00:30:00.000Z',
      note: '事故1件の再発防止策を確認。委託継続に支障なし。',
      allowedActions: [],
    });
    expect(done.changesSince.incidents).toBe(1);
    const again = await call('ward_chief', 'POST', `${REVIEWS}/${reviewId}/complete`, {
      note: 'もう一度',
      version: done.version,
    });
    expect(again.status).toBe(409);
    expect(again.body.detail_ja).toContain('見直し済み');
    const cycle = expectStatus(await call('ward_officer', 'GET', cyclePath()), 200);
    expect(cycle.openReview).toMatchObject({ dueOn: '2027-05-23' });
    expect(await inboxReviews('ward_officer')).toEqual([]);
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'after', 'actor_user_id'])
      .where('subject_id', '=', reviewId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['contract_review.complete']);
    expect(audit[0]!.actor_user_id).toBe(w.userIds.ward_chief);
    expect(audit[0]!.after).toMatchObject({
      status: 'completed',
      nextDueOn: '2027-05-23',
      changes: { incidents: 1 },
    });
    const listed = expectStatus(
      await call('ward_officer', 'GET', `${REVIEWS}?contractId=${w.bicycleContractId}`),
      200,
    ).items as any[];
    expect(listed.map((r) => r.status)).toEqual(['due', 'completed']);
    // a day that is no day, a status that is none, a cursor not ours: 422, never a 500
    for (const query of ['dueBy=2027-02-30', 'status=open', 'cursor=abc', 'contractId=1'])
      expect((await call('ward_officer', 'GET', `${REVIEWS}?${query}`)).status, query).toBe(422);
    expect(expectStatus(await call('contractor_manager', 'GET', REVIEWS), 200).items).toEqual([]);
  });

  it('counts the next changes from the completion, and removing the cycle cancels the review due', async () => {
    const cycle = expectStatus(await call('ward_officer', 'GET', cyclePath()), 200);
    const next = expectStatus(await call('ward_officer', 'GET', `${REVIEWS}/${cycle.openReview.id}`), 200);
    expect(next.changesSince.incidents).toBe(0);
    // a shorter cycle moves the due day of the review still due
    const shorter = expectStatus(
      await call('ward_manager', 'PUT', cyclePath(), { months: 1, version: cycle.version }),
      200,
    );
    expect(shorter.openReview).toMatchObject({ id: next.id, dueOn: '2027-03-23' });
    const none = expectStatus(
      await call('ward_manager', 'PUT', cyclePath(), { months: null, version: shorter.version }),
      200,
    );
    expect(none).toMatchObject({ months: null, openReview: null });
    expect(expectStatus(await call('ward_officer', 'GET', `${REVIEWS}/${next.id}`), 200).status).toBe(
      'cancelled',
    );
    const cancelled = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', next.id)
      .execute();
    expect(cancelled.map((a) => a.action)).toEqual(['contract_review.cancel']);
  });
});

describe('two writers at once', () => {
  it('gives one the cycle and the other a 409, issuing one review', async () => {
    const { version } = expectStatus(await call('ward_officer', 'GET', cyclePath()), 200);
    const answers = await Promise.all([
      call('ward_officer', 'PUT', cyclePath(), { months: 2, version }),
      call('ward_manager', 'PUT', cyclePath(), { months: 4, version }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const open = await t.handle.db
      .selectFrom('contract_reviews')
      .select('interval_months')
      .where('contract_id', '=', w.bicycleContractId)
      .where('status', '=', 'due')
      .execute();
    expect(open).toHaveLength(1);
    expect(open[0]!.interval_months).toBe(answers.find((a) => a.status === 200)!.body.months);
  });
});
