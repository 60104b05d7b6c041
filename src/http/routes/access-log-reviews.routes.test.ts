import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../test/helpers/browser.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, type World } from '../../../test/helpers/world.js';
import { seedNankokuOperations } from '../../demo/nankoku-operations.js';
import { runDailyJobs } from '../../jobs/daily-jobs.js';

// アクセスログの確認 (特定個人情報): 南国市's counter contract holds 個人番号, so the daily jobs issue
// a review of its access logs for each month (the default interval) once the month is over; the
// contractor's staff record it, anomalies and all; the city confirms it or sends it back. Nobody
// outside the city and the contract's contractor sees any of it, and a contract without 個人番号
// (新宿区's bicycle contract) gets none. The test clock stands on Sunday 2026-11-22 (JST).

const ALR = '/api/v1/access-log-reviews';
const silent = pino({ level: 'silent' });
let t: TestApp;
let w: World;
const tokens: Record<string, string> = {};
const jobs = (now = t.clock.now) => runDailyJobs({ db: t.handle.db, now, logger: silent });
const call = (who: string, method: string, path: string, json?: unknown) =>
  t.call(method, path, { token: tokens[who] ?? w.tokens[who], json });
const act = (who: string, r: { id: string; version: number }, command: string, extra: object = {}) =>
  call(who, 'POST', `${ALR}/${r.id}/${command}`, { version: r.version, ...extra });
const listOf = async (who: string, query = '') =>
  expectStatus(await call(who, 'GET', `${ALR}?limit=200${query}`), 200).items as any[];
const intervalPath = (contractId = w.nankoku.myNumberContractId) => `${ALR}/intervals/${contractId}`;
const review = {
  reviewedOn: '2026-11-20',
  reviewerName: '南国 太郎（業務責任者）',
  logsReviewed: '住民記録システム・個人番号カード管理システムの操作ログ（10月分の全件）',
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  await seedNankokuOperations(t.handle.db, w.nankoku, t.clock.now);
  tokens.officer = await signIn(t, 'officer@city.nankoku.example.jp');
  tokens.chief = await signIn(t, 'chief@city.nankoku.example.jp');
  tokens.inspector = await signIn(t, 'inspector@city.nankoku.example.jp');
  tokens.council = await signIn(t, 'council@city.nankoku.example.jp');
  tokens.manager = await signIn(t, 'manager@nankoku-madoguchi.example.jp');
  tokens.staff = await signIn(t, 'staff@nankoku-madoguchi.example.jp');
});
afterAll(() => t.close());

describe('the review interval', () => {
  it('is monthly by default; the city officer records another; others are refused', async () => {
    expect(expectStatus(await call('manager', 'GET', intervalPath()), 200)).toEqual({
      contractId: w.nankoku.myNumberContractId,
      interval: 'monthly',
      chosen: false,
      version: 0,
    });
    expect((await call('manager', 'PUT', intervalPath(), { interval: 'quarterly', version: 0 })).status).toBe(
      403,
    );
    expect(
      (await call('ward_officer', 'PUT', intervalPath(), { interval: 'quarterly', version: 0 })).status,
    ).toBe(404);
    // a contract without 個人番号 has no access-log reviews to schedule
    const plain = await call('ward_officer', 'PUT', intervalPath(w.bicycleContractId), {
      interval: 'quarterly',
      version: 0,
    });
    expect(plain.status).toBe(422);
    expect(plain.body.errors[0].message_ja).toContain('個人番号');
    expect((await call('officer', 'PUT', intervalPath(), { interval: 'weekly', version: 0 })).status).toBe(
      422,
    );
    const set = expectStatus(
      await call('officer', 'PUT', intervalPath(), { interval: 'quarterly', version: 0 }),
      200,
    );
    expect(set).toMatchObject({ interval: 'quarterly', chosen: true, version: 1 });
    expect((await call('officer', 'PUT', intervalPath(), { interval: 'monthly', version: 0 })).status).toBe(
      409,
    );
    expect(
      expectStatus(await call('officer', 'PUT', intervalPath(), { interval: 'monthly', version: 1 }), 200),
    ).toMatchObject({ interval: 'monthly', version: 2 });
  });
});

describe('issuing by the daily jobs', () => {
  it('issues August, September and October once, for the My Number contract only, overdue flagged', async () => {
    expect((await jobs()).accessLogReviews).toBe(3);
    expect((await jobs()).accessLogReviews).toBe(0);
    const reviews = await listOf('staff');
    expect(reviews.map((r) => [r.period, r.dueOn, r.status, r.overdue])).toEqual([
      ['2026-10', '2026-11-10', 'issued', true],
      ['2026-09', '2026-10-10', 'issued', true],
      ['2026-08', '2026-09-10', 'issued', true],
    ]);
    expect(reviews.every((r) => r.contractId === w.nankoku.myNumberContractId)).toBe(true);
    expect(reviews[0].allowedActions).toEqual(['record']);
    expect((await listOf('officer'))[0].allowedActions).toEqual([]);
    expect(await listOf('officer', '&overdue=true')).toHaveLength(3);
    // 新宿区 and its companies see none of them, and a company's bicycle contract got none
    for (const who of ['ward_officer', 'contractor_manager', 'other_contractor_manager'])
      expect(await listOf(who)).toEqual([]);
    expect((await call('contractor_manager', 'GET', `${ALR}/${reviews[0].id}`)).status).toBe(404);
    expect((await call('council', 'GET', `${ALR}/${reviews[0].id}`)).status).toBe(404);
    // 1 December issues November
    const december = new Date('2026-12-01T00:30:00+09:00');
    expect((await jobs(() => december)).accessLogReviews).toBe(1);
    expect((await listOf('staff'))[0]).toMatchObject({
      period: '2026-11',
      dueOn: '2026-12-10',
      overdue: false,
    });
  });

  it('reminds the contractor and, once overdue, the city; shows them in both inboxes', async () => {
    const reminders = await t.handle.db
      .selectFrom('notifications')
      .select(['kind', 'title'])
      .where('kind', '=', 'access-log-review-due')
      .execute();
    expect(reminders.some((r) => r.title.startsWith('【期限超過】アクセスログの確認'))).toBe(true);
    const staff = expectStatus(await call('staff', 'GET', '/api/v1/notifications/inbox'), 200);
    const toRecord = staff.waiting.filter((i: any) => i.kind === 'access-log-reviews');
    expect(toRecord.map((i: any) => i.dueOn)).toEqual([
      '2026-09-10',
      '2026-10-10',
      '2026-11-10',
      '2026-12-10',
    ]);
    expect(toRecord[0]).toMatchObject({
      overdue: true,
      href: expect.stringMatching(/^\/access-log-reviews\//),
    });
    const officer = expectStatus(await call('officer', 'GET', '/api/v1/notifications/inbox'), 200);
    expect(officer.waiting.filter((i: any) => i.kind === 'access-log-reviews')).toHaveLength(3);
    const dashboard = await (await pageClient(t, 'officer@city.nankoku.example.jp')).get('/');
    expect(dashboard.html).toContain('id="panel-access-log-reviews"');
    // a ward without My Number contracts has no such panel
    const shinjuku = await (await pageClient(t, 'officer@city.shinjuku.example.jp')).get('/');
    expect(shinjuku.html).not.toContain('id="panel-access-log-reviews"');
  });
});

describe('recording and confirming', () => {
  let october: any;

  it('refuses an incomplete record, and what anomalies call for, changing nothing', async () => {
    october = (await listOf('staff')).find((r) => r.period === '2026-10');
    const empty = await act('staff', october, 'record', {});
    expect(empty.status).toBe(422);
    expect(empty.body.errors.map((e: any) => e.path)).toEqual([
      'reviewedOn',
      'reviewerName',
      'logsReviewed',
      'anomaliesFound',
    ]);
    const found = await act('staff', october, 'record', { ...review, anomaliesFound: true });
    expect(found.status).toBe(422);
    expect(found.body.errors.map((e: any) => e.path)).toEqual(['anomalyDescription', 'actionTaken']);
    const future = await act('staff', october, 'record', {
      ...review,
      reviewedOn: '2026-11-30',
      anomaliesFound: false,
    });
    expect(future.status).toBe(422);
    expect(future.body.errors[0].path).toBe('reviewedOn');
    // the city does not record the contractor's review
    expect((await act('officer', october, 'record', { ...review, anomaliesFound: false })).status).toBe(403);
    expect(expectStatus(await call('staff', 'GET', `${ALR}/${october.id}`), 200)).toMatchObject({
      status: 'issued',
      version: october.version,
      reviewerName: null,
    });
  });

  it('records anomalies, linked to the incident form; the city sends it back and then confirms', async () => {
    october = expectStatus(
      await act('staff', october, 'record', {
        ...review,
        anomaliesFound: true,
        anomalyDescription: '10月14日 22時台に退職予定者のIDで個人番号の照会が12件あった',
        actionTaken: '当該IDを停止し、照会内容を確認中',
      }),
      200,
    );
    expect(october).toMatchObject({
      status: 'recorded',
      anomaliesFound: true,
      overdue: false,
      allowedActions: [],
      incidentFormHref: `/incidents/new?contractId=${w.nankoku.myNumberContractId}`,
    });
    expect((await act('staff', october, 'record', { ...review, anomaliesFound: false })).status).toBe(409);
    expect((await act('manager', october, 'confirm')).status).toBe(403);
    const officerView = expectStatus(await call('officer', 'GET', `${ALR}/${october.id}`), 200);
    expect(officerView.allowedActions).toEqual(['confirm', 'send-back']);
    expect((await act('inspector', october, 'confirm')).status).toBe(403);
    expect((await act('officer', october, 'send-back', {})).status).toBe(422);
    october = expectStatus(
      await act('officer', october, 'send-back', {
        comment: '照会された個人番号の件数と対象者を記載してください',
      }),
      200,
    );
    expect(october).toMatchObject({ status: 'returned', allowedActions: [] });
    october = expectStatus(
      await act('manager', october, 'record', {
        ...review,
        anomaliesFound: true,
        anomalyDescription: '10月14日 22時台に退職予定者のIDで個人番号の照会が12件（対象者12名）あった',
        actionTaken: '当該IDを停止し、事故報告を提出した',
      }),
      200,
    );
    expect((await act('chief', { ...october, version: october.version - 1 }, 'confirm')).status).toBe(409);
    october = expectStatus(await act('chief', october, 'confirm', { comment: '確認した' }), 200);
    expect(october).toMatchObject({ status: 'confirmed', confirmComment: '確認した', allowedActions: [] });
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', october.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'access_log_review.record',
      'access_log_review.send-back',
      'access_log_review.record',
      'access_log_review.confirm',
    ]);
  });

  it('shows the review with the incident link on its page, and a refused form with its summary', async () => {
    const staff = await pageClient(t, 'staff@nankoku-madoguchi.example.jp');
    const page = await staff.get(`/access-log-reviews/${october.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`href="/incidents/new?contractId=${w.nankoku.myNumberContractId}"`);
    expect(textOf(page.html)).toContain('確認済み');
    const september = (await listOf('staff')).find((r) => r.period === '2026-09');
    const form = await staff.get(`/access-log-reviews/${september.id}`);
    expect(form.html).toContain(`action="/access-log-reviews/${september.id}/record"`);
    const refused = await staff.post(`/access-log-reviews/${september.id}/record`, {
      version: String(september.version),
      reviewedOn: '2026-11-20',
      anomaliesFound: 'no',
    });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('error-summary');
    expect(textOf(refused.html)).toContain('確認者（業務責任者・取扱責任者）を入力してください');
    const saved = await staff.post(`/access-log-reviews/${september.id}/record`, {
      version: String(september.version),
      ...review,
      anomaliesFound: 'no',
    });
    expect(saved.status).toBe(303);
    expect(expectStatus(await call('staff', 'GET', `${ALR}/${september.id}`), 200)).toMatchObject({
      status: 'recorded',
      anomaliesFound: false,
      incidentFormHref: null,
    });
    const list = await staff.get('/access-log-reviews');
    expect(textOf(list.html)).toContain('2026-09');
  });
});
