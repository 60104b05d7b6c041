import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as migration from '../../../migrations/2026-12-09T0900-record-numbers.js';
import { APPROVALS, callCentreApplication } from '../../../test/helpers/approvals.js';
import { pageClient, textOf } from '../../../test/helpers/browser.js';
import { CONTRACTS, expectStatus } from '../../../test/helpers/contracts.js';
import { ownersCsv, PACKAGES, prepare, VEHICLE_OWNER_ITEMS } from '../../../test/helpers/handover.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';

// 受渡データ番号 (R8-受渡-0012): per ward per fiscal year (April–March, Japan time), taken in the
// transaction that prepares the package, so concurrent preparations never share one; shown in the
// API, on the pages and on the password notice instead of the id.

let t: TestApp;
let w: World;

const prepared = async (title: string) =>
  expectStatus(
    await prepare(t, w.tokens.ward_officer, {
      contractId: w.bicycleContractId,
      title,
      items: VEHICLE_OWNER_ITEMS,
      files: [{ name: '撤去車両所有者一覧.csv', bytes: ownersCsv(20) }],
    }),
    201,
  );
const serial = (number: string) => Number(number.slice(-4));

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('package numbers', () => {
  it('numbers packages of one fiscal year consecutively, and concurrent ones distinctly', async () => {
    const first = await prepared('一つ目');
    const second = await prepared('二つ目');
    expect(first.package.number).toMatch(/^R8-受渡-\d{4}$/);
    expect(serial(second.package.number)).toBe(serial(first.package.number) + 1);

    const both = await Promise.all([prepared('同時A'), prepared('同時B')]);
    const numbers = both.map((b) => serial(b.package.number)).sort((a, b) => a - b);
    expect(numbers).toEqual([serial(second.package.number) + 1, serial(second.package.number) + 2]);
  });

  it('shows the number in the API, on the pages and on the password notice instead of the id', async () => {
    const made = await prepared('番号の表示');
    const { id, number } = made.package;
    const got = expectStatus(await t.call('GET', `${PACKAGES}/${id}`, { token: w.tokens.ward_officer }), 200);
    expect(got.number).toBe(number);
    const list = expectStatus(await t.call('GET', PACKAGES, { token: w.tokens.ward_officer }), 200);
    expect(list.items.find((x: { id: string }) => x.id === id).number).toBe(number);

    const notice = new Uint8Array(Buffer.from(made.passwordNotice.base64, 'base64'));
    const text = (await pdfText(notice)).text.replace(/\s/g, '');
    expect(text).toContain(`受渡データ番号${number}`);
    expect(text).not.toContain(id);

    const officer = await pageClient(t, USERS.ward_officer!.email);
    const page = await officer.get(`/handover/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(new RegExp(`<title>[^<]*${number}`));
    expect(textOf(page.html)).toContain(number);
    expect(textOf((await officer.get('/handover')).html)).toContain(number);
  });

  it('restarts at 0001 when the fiscal year turns at midnight of 1 April, Japan time', async () => {
    t.clock.set('2027-03-31T14:59:00Z'); // 23:59 on 31 March in Japan: still 令和8年度
    w.tokens.ward_officer = await signIn(t, USERS.ward_officer!.email);
    expect((await prepared('年度末')).package.number).toMatch(/^R8-受渡-\d{4}$/);
    t.clock.set('2027-03-31T15:00:00Z'); // 0:00 on 1 April in Japan: 令和9年度
    expect((await prepared('年度初め')).package.number).toBe('R9-受渡-0001');
    expect((await prepared('年度初め2')).package.number).toBe('R9-受渡-0002');
  });
});

describe('application numbers', () => {
  it('numbers sub-contracting and delegation applications by kind: R8-再委託-…, R8-委託-…', async () => {
    t.clock.set('2026-11-22T03:00:00Z');
    w.tokens.contractor_manager = await signIn(t, USERS.contractor_manager!.email);
    w.tokens.ward_officer = await signIn(t, USERS.ward_officer!.email);
    const applied = expectStatus(
      await t.call('POST', `${CONTRACTS}/${w.bicycleContractId}/subcontract-applications`, {
        token: w.tokens.contractor_manager,
        json: callCentreApplication(w),
      }),
      201,
    );
    expect(applied.number).toBe('R8-再委託-0001');
    const got = expectStatus(
      await t.call('GET', `${APPROVALS}/${applied.id}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(got.number).toBe('R8-再委託-0001');
    const delegations = expectStatus(
      await t.call('GET', `${APPROVALS}?kind=delegation`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(delegations.items.length).toBeGreaterThan(0);
    for (const d of delegations.items) expect(d.number).toMatch(/^R8-委託-\d{4}$/);
  });

  it('numbers the rows that existed before the migration, in the order they were created', async () => {
    const db = t.handle.db;
    const before = await db.selectFrom('handover_packages').select(['id', 'number']).execute();
    await migration.down(db);
    await migration.up(db);
    const after = await db
      .selectFrom('handover_packages')
      .select(['id', 'number', 'prepared_at'])
      .orderBy('prepared_at')
      .orderBy('id')
      .execute();
    expect(after.length).toBe(before.length);
    const r8 = after.filter((x) => x.number.startsWith('R8-'));
    expect(r8.map((x) => x.number)).toEqual(r8.map((_, i) => `R8-受渡-${String(i + 1).padStart(4, '0')}`));
    expect(after.filter((x) => x.number.startsWith('R9-')).map((x) => x.number)).toEqual([
      'R9-受渡-0001',
      'R9-受渡-0002',
    ]);
    const approvals = await db.selectFrom('approvals').select(['kind', 'number']).execute();
    expect(
      approvals.every((a) => a.number.includes(a.kind === 'subdelegation' ? '-再委託-' : '-委託-')),
    ).toBe(true);
    // the counters carry on after the numbered rows
    t.clock.set('2027-04-02T00:00:00Z');
    w.tokens.ward_officer = await signIn(t, USERS.ward_officer!.email);
    expect((await prepared('移行後')).package.number).toBe('R9-受渡-0003');
  });
});
