import { writeFile } from 'node:fs/promises';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, type World } from '../../../test/helpers/world.js';
import { seedNankokuOperations } from '../../demo/nankoku-operations.js';
import { addDays } from '../../domain/shared/japan-date.js';
import { runDailyJobs } from '../../jobs/daily-jobs.js';

// 業務報告 (seed 004 4(4)②): the contract's setting says which reports it requires; the daily jobs
// request the daily, monthly and yearly ones (idempotently); the contractor submits; the city
// receives and signs. Nobody outside the city and the contract's contractor sees any of it.
// The test clock stands on Sunday 2026-11-22 (JST); the bicycle contract runs 2026-04-01–2027-03-31.

const OR = '/api/v1/operational-reports';
let t: TestApp;
let w: World;
const silent = pino({ level: 'silent' });
const jobs = (now = t.clock.now) => runDailyJobs({ db: t.handle.db, now, logger: silent });
const call = (who: string, method: string, path: string, json?: unknown) =>
  t.call(method, path, { token: w.tokens[who], json });
const act = (who: string, r: { id: string; version: number }, command: string, extra: object = {}) =>
  call(who, 'POST', `${OR}/${r.id}/${command}`, { version: r.version, ...extra });
const settingsPath = () => `/api/v1/contracts/${w.bicycleContractId}/operational-report-settings`;
const listOf = async (who: string, query = '') =>
  expectStatus(await call(who, 'GET', `${OR}?limit=200${query}`), 200).items as any[];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('the contract setting', () => {
  it('requires nothing by default; the city officer requires all four kinds; a stale change is a 409', async () => {
    expect(expectStatus(await call('contractor_manager', 'GET', settingsPath()), 200)).toMatchObject({
      requiredKinds: [],
      version: 0,
    });
    expect((await jobs()).operationalReports).toBe(0);
    // the contractor may not decide what it owes
    expect(
      (await call('contractor_manager', 'PUT', settingsPath(), { requiredKinds: ['daily'], version: 0 }))
        .status,
    ).toBe(403);
    expect(
      (await call('other_ward_officer', 'PUT', settingsPath(), { requiredKinds: ['daily'], version: 0 }))
        .status,
    ).toBe(404);
    const set = expectStatus(
      await call('ward_officer', 'PUT', settingsPath(), {
        requiredKinds: ['adhoc', 'daily', 'monthly', 'yearly'],
        version: 0,
      }),
      200,
    );
    expect(set).toMatchObject({ requiredKinds: ['daily', 'monthly', 'yearly', 'adhoc'], version: 1 });
    const stale = await call('ward_officer', 'PUT', settingsPath(), { requiredKinds: [], version: 0 });
    expect(stale.status).toBe(409);
    const bad = await call('ward_officer', 'PUT', settingsPath(), { requiredKinds: ['weekly'], version: 1 });
    expect(bad.status).toBe(422);
  });
});

describe('issuing by the daily jobs', () => {
  it('requests the working days of the last month and October’s monthly report, once', async () => {
    const first = await jobs();
    // 22 working days from Thursday 22 October to Friday 20 November, and October's 月報
    expect(first.operationalReports).toBe(23);
    expect((await jobs()).operationalReports).toBe(0);
    const reports = await listOf('contractor_manager');
    expect(reports).toHaveLength(23);
    expect(reports.filter((r) => r.kind === 'monthly').map((r) => [r.period, r.dueOn])).toEqual([
      ['2026-10', '2026-11-30'],
    ]);
    const friday = reports.find((r) => r.period === '2026-11-20');
    expect(friday).toMatchObject({ kind: 'daily', dueOn: '2026-11-23', status: 'issued', overdue: false });
    expect(reports.find((r) => r.period === '2026-11-21')).toBeUndefined(); // Saturday
    expect(reports.find((r) => r.period === '2026-10-22')).toMatchObject({ overdue: true });
    expect(friday.allowedActions).toEqual(['submit']);
    // the next day issues only that day's (Monday's) request
    const monday = new Date(t.clock.now().getTime() + 24 * 3600 * 1000);
    expect((await jobs(() => monday)).operationalReports).toBe(1);
    const after = await listOf('contractor_manager');
    expect(after).toHaveLength(24);
    expect(after.find((r) => r.period === '2026-11-23')).toMatchObject({ dueOn: '2026-11-24' });
  });

  it('shows the contractor what to submit, overdue first, in its inbox', async () => {
    const inbox = expectStatus(await call('contractor_manager', 'GET', '/api/v1/notifications/inbox'), 200);
    const toSubmit = inbox.waiting.filter((i: any) => i.kind === 'operational-reports-to-submit');
    expect(toSubmit.length).toBeGreaterThan(0);
    expect(toSubmit[0]).toMatchObject({ overdue: true, dueOn: '2026-10-23' });
    expect(toSubmit[0].href).toMatch(/^\/operational-reports\//);
  });
});

describe('submitting and receiving', () => {
  it('has a daily report submitted with its 実績 and accepted with the receipt alone', async () => {
    let daily = (await listOf('contractor_manager', '&kind=daily')).find((r) => r.period === '2026-11-20');
    const empty = await act('contractor_manager', daily, 'submit', {});
    expect(empty.status).toBe(422);
    expect(empty.body.errors.map((e: any) => e.path)).toContain('results');
    daily = expectStatus(
      await act('contractor_manager', daily, 'submit', { results: '交付 42件、申請支援 18件、問合せ 11件' }),
      200,
    );
    expect(daily).toMatchObject({ status: 'submitted', allowedActions: [] });
    // the 係長 does not receive; the officer does, and that is all a daily report needs
    expect((await act('ward_chief', daily, 'receive')).status).toBe(409);
    const stale = await act('ward_officer', { ...daily, version: daily.version - 1 }, 'receive');
    expect(stale.status).toBe(409);
    daily = expectStatus(await act('ward_officer', daily, 'receive'), 200);
    expect(daily).toMatchObject({ status: 'accepted', receiptOnly: true });
    const read = expectStatus(await call('ward_officer', 'GET', `${OR}/${daily.id}`), 200);
    expect(read.steps.map((s: any) => s.decision)).toEqual(['submit', 'receive']);
  });

  it('has the monthly report say its service level, then signed 担当者 → 係長 → 課長 after a return', async () => {
    let monthly = (await listOf('contractor_manager', '&kind=monthly'))[0];
    const missing = await act('contractor_manager', monthly, 'submit', { results: '交付 812件' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: any) => e.path)).toEqual(['serviceLevel']);
    monthly = expectStatus(
      await act('contractor_manager', monthly, 'submit', {
        results: '交付 812件、申請支援 356件',
        serviceLevel: '平均待ち時間 12分（要求水準 15分以内）を達成',
        issues: '水曜夜間の窓口が混雑',
      }),
      200,
    );
    expect((await act('ward_officer', monthly, 'return', {})).status).toBe(422);
    monthly = expectStatus(
      await act('ward_officer', monthly, 'return', { comment: '休日交付の件数を追記' }),
      200,
    );
    expect(monthly).toMatchObject({ status: 'returned', returnComment: '休日交付の件数を追記' });
    monthly = expectStatus(
      await act('contractor_manager', monthly, 'submit', { results: '交付 812件（うち休日交付 64件）' }),
      200,
    );
    monthly = expectStatus(await act('ward_officer', monthly, 'receive'), 200);
    expect(monthly.status).toBe('received');
    expect((await act('ward_manager', monthly, 'sign')).status).toBe(409);
    for (const who of ['ward_officer', 'ward_chief', 'ward_manager'])
      monthly = expectStatus(await act(who, monthly, 'sign'), 200);
    expect(monthly).toMatchObject({
      status: 'signed_off',
      serviceLevel: '平均待ち時間 12分（要求水準 15分以内）を達成',
    });
  });

  it('takes an ad-hoc report at once, where the contract provides for it', async () => {
    const filed = expectStatus(
      await call('contractor_staff', 'POST', OR, {
        contractId: w.bicycleContractId,
        adhocKind: 'trouble',
        title: '窓口での来庁者とのトラブル',
        body: '11月23日 10時頃、受付順をめぐり来庁者から苦情。統括責任者が対応し解決。',
      }),
      201,
    );
    expect(filed).toMatchObject({ kind: 'adhoc', adhocKind: 'trouble', status: 'submitted', period: null });
    const signer = expectStatus(await call('ward_officer', 'GET', `${OR}/${filed.id}`), 200);
    expect(signer.allowedActions).toEqual(['receive', 'return']);
    // another company may not report on this contract; a contract without the setting refuses
    const other = await call('other_contractor_manager', 'POST', OR, {
      contractId: w.bicycleContractId,
      adhocKind: 'urgent',
      title: 'x',
      body: 'y',
    });
    expect(other.status).toBe(404);
    const empty = await call('contractor_manager', 'POST', OR, {
      contractId: w.bicycleContractId,
      adhocKind: 'urgent',
      title: ' ',
      body: 'y',
    });
    expect(empty.status).toBe(422);
  });
});

describe('who sees what', () => {
  it.each([
    'other_contractor_manager',
    'subcontractor_manager',
    'other_ward_officer',
    'other_ward_company_manager',
    'council_reviewer',
  ])('%s sees no report, and one named by its id is not found', async (who) => {
    const any = (await listOf('ward_officer'))[0];
    expect(await listOf(who)).toEqual([]);
    expect((await call(who, 'GET', `${OR}/${any.id}`)).status).toBe(404);
    expect((await act(who, any, 'receive')).status).toBe(404);
  });

  it('lets the contractor’s staff read but not sign, and the inspector read only', async () => {
    const any = (await listOf('ward_officer', '&status=issued'))[0];
    expect((await listOf('contractor_staff')).length).toBeGreaterThan(0);
    const inspector = expectStatus(await call('inspector', 'GET', `${OR}/${any.id}`), 200);
    expect(inspector.allowedActions).toEqual([]);
    expect((await act('contractor_manager', any, 'receive')).status).toBe(403);
  });
});

describe('the 南国市 demo (npm start)', () => {
  it('starts the counter contract with its reports, a meeting, an answered recommendation and a judged incident', async () => {
    await seedNankokuOperations(t.handle.db, w.nankoku, t.clock.now);
    const officer = await signIn(t, 'officer@city.nankoku.example.jp');
    const get = async (path: string) => expectStatus(await t.call('GET', path, { token: officer }), 200);
    const reports = (await get(`${OR}?limit=200`)).items as any[];
    expect(reports.every((r) => r.contractId === w.nankoku.myNumberContractId)).toBe(true);
    expect(reports.find((r) => r.kind === 'monthly')).toMatchObject({
      period: '2026-10',
      status: 'signed_off',
    });
    expect(reports.filter((r) => r.status === 'submitted').map((r) => r.period)).toEqual(['2026-11-20']);
    expect((await get('/api/v1/regular-meetings')).items).toHaveLength(1);
    expect((await get('/api/v1/improvement-recommendations')).items).toMatchObject([{ status: 'answered' }]);
    // a My Number incident discovered yesterday (Japan), judged reportable: 速報 in 3 days, 確報 in 30
    const [incident] = (await get('/api/v1/incidents')).items;
    const learnedOn = addDays(w.today(), -1);
    expect(await get(`/api/v1/incidents/${incident.id}`)).toMatchObject({
      contractId: w.nankoku.myNumberContractId,
      recordCount: 130,
      breach: {
        required: true,
        preliminaryDueOn: addDays(learnedOn, 2),
        finalDueOn: addDays(learnedOn, 29),
        preliminarySentOn: null,
      },
    });
    const pdf = await t.app.request(`/api/v1/incidents/${incident.id}/breach-report/pdf`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(pdf.status).toBe(200);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    if (process.env.KEEP_PDF) await writeFile(process.env.KEEP_PDF, bytes);
    expect((await pdfText(bytes)).text.replace(/\s/g, '')).toContain('南国市');
    // 新宿区's officer sees none of it
    expect((await listOf('ward_officer')).some((r) => r.contractId === w.nankoku.myNumberContractId)).toBe(
      false,
    );
  });
});
