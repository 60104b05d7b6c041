import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient } from '../../../../test/helpers/browser.js';
import { expectStatus } from '../../../../test/helpers/contracts.js';
import { readCsv } from '../../../../test/helpers/csv.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';
import { addDays, toJapanDate } from '../../../domain/shared/japan-date.js';

// 指名停止の一覧: current, scheduled and lifted suspensions together, sorted by a column heading in
// the SQL; registering one through the page's form (CSRF, refusals at the top); nobody else's rows.

const SUSPENSIONS = '/api/v1/suspensions';

describe('pages: the suspension list (指名停止)', () => {
  let t: TestApp;
  let w: World;
  let today: string;
  let officer: Awaited<ReturnType<typeof pageClient>>;
  const ids: Record<string, string> = {};
  const order = (html: string) =>
    [...html.matchAll(/<tr id="suspension-([0-9a-f-]{36})"/g)].map(
      (m) => Object.entries(ids).find(([, id]) => id === m[1])?.[0],
    );

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    today = toJapanDate(t.clock.now());
    officer = await pageClient(t, USERS.ward_officer!.email);
    const suspend = async (name: string, companyId: string, from: string, to: string | null) => {
      ids[name] = expectStatus(
        await t.call('POST', SUSPENSIONS, {
          token: w.tokens.ward_officer,
          json: { companyId, reason: `${name}の指名停止`, suspendedFrom: from, suspendedTo: to },
        }),
        201,
      ).id;
    };
    await suspend('current', w.companies.contractor, addDays(today, -5), addDays(today, 30));
    await suspend('open', w.companies.otherContractor, addDays(today, -1), null);
    await suspend('lifted', w.companies.subcontractor, addDays(today, -20), addDays(today, 60));
    const lifted = expectStatus(
      await t.call('GET', SUSPENSIONS, { token: w.tokens.ward_officer }),
      200,
    ).items.find((s: { id: string }) => s.id === ids.lifted);
    expectStatus(
      await t.call('POST', `${SUSPENSIONS}/${ids.lifted}/lift`, {
        token: w.tokens.ward_officer,
        json: { liftedOn: addDays(today, -10), reason: '処分の取消し', version: lifted.version },
      }),
      200,
    );
  });
  afterAll(() => t.close());

  it('lists current and lifted suspensions together, latest start first', async () => {
    const page = await officer.get('/suspensions');
    expect(page.status).toBe(200);
    expect(order(page.html)).toEqual(['open', 'current', 'lifted']);
    expect(page.html).toContain(`${addDays(today, -10)}に解除`);
    expect(page.html).toContain('停止中');
  });

  it('sorts by the end (an open end last when ascending), by lifting and by company, both ways', async () => {
    expect(order((await officer.get('/suspensions?sort=to&dir=asc')).html)).toEqual([
      'current',
      'lifted',
      'open',
    ]);
    expect(order((await officer.get('/suspensions?sort=to&dir=desc')).html)).toEqual([
      'open',
      'lifted',
      'current',
    ]);
    const lifted = await officer.get('/suspensions?sort=lifted&dir=asc');
    expect(order(lifted.html)[0]).toBe('lifted');
    expect(lifted.html).toMatch(/<th scope="col" aria-sort="ascending">/);
    expect(order((await officer.get('/suspensions?sort=from&dir=asc')).html)).toEqual([
      'lifted',
      'current',
      'open',
    ]);
    const byCompany = order((await officer.get('/suspensions?sort=company&dir=asc')).html);
    const reversed = order((await officer.get('/suspensions?sort=company&dir=desc')).html);
    expect(reversed).toEqual([...byCompany].reverse());
    // an unknown column is the default order, not an error
    expect(order((await officer.get('/suspensions?sort=reason')).html)).toEqual([
      'open',
      'current',
      'lifted',
    ]);
  });

  it('filters by the company or the reason, and exports the list as CSV in the page’s order', async () => {
    expect(order((await officer.get(`/suspensions?find=${encodeURIComponent('currentの')}`)).html)).toEqual([
      'current',
    ]);
    const rows = readCsv(await officer.get('/suspensions/export.csv?sort=from&dir=asc'));
    expect(rows[0]).toEqual([
      '事業者',
      '停止期間（開始）',
      '停止期間（終了）',
      '理由',
      '状態',
      '解除日',
      '解除の理由',
    ]);
    expect(rows.slice(1).map((r) => r[3])).toEqual([
      'liftedの指名停止',
      'currentの指名停止',
      'openの指名停止',
    ]);
    const slashed = (day: string) => day.replaceAll('-', '/');
    expect(rows[1]).toEqual([
      rows[1]![0],
      slashed(addDays(today, -20)),
      slashed(addDays(today, 60)),
      'liftedの指名停止',
      '解除',
      slashed(addDays(today, -10)),
      '処分の取消し',
    ]);
    expect(rows[3]![2]).toBe('（終期なし）');
    const found = readCsv(await officer.get(`/suspensions/export.csv?find=${encodeURIComponent('lifted')}`));
    expect(found).toHaveLength(2);
    expect(readCsv(await officer.get('/suspensions/export.csv?find=%25'))).toHaveLength(1);
    const other = await pageClient(t, USERS.other_ward_officer!.email);
    expect(readCsv(await other.get('/suspensions/export.csv'))).toHaveLength(1);
    const company = await pageClient(t, USERS.contractor_manager!.email);
    expect((await company.get('/suspensions/export.csv')).status).toBe(403);
  });

  it('shows another ward none of these, and a company 403', async () => {
    const other = await pageClient(t, USERS.other_ward_officer!.email);
    const theirs = await other.get('/suspensions?sort=company');
    expect(theirs.status).toBe(200);
    expect(order(theirs.html)).toEqual([]);
    const company = await pageClient(t, USERS.contractor_manager!.email);
    expect((await company.get('/suspensions')).status).toBe(403);
  });

  it('registers from the form with CSRF; a refused form shows the summary and writes nothing', async () => {
    const count = async () =>
      expectStatus(await t.call('GET', SUSPENSIONS, { token: w.tokens.ward_officer }), 200).items.length;
    const before = await count();
    const form = {
      companyId: w.otherWardCompanyId,
      suspendedFrom: today,
      suspendedTo: '',
      reason: '他区の事業者',
    };
    const refused = await officer.post('/suspensions', form);
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('class="error-summary"');
    expect(refused.html).toContain('この区に登録されている事業者ではありません');
    const forged = await officer.request('POST', '/suspensions', {
      ...form,
      companyId: w.companies.contractor,
    });
    expect(forged.status).toBe(403);
    const chief = await pageClient(t, USERS.ward_chief!.email);
    expect((await chief.post('/suspensions', { ...form, companyId: w.companies.contractor })).status).toBe(
      403,
    );
    expect(await count()).toBe(before);
    const done = await officer.post('/suspensions', {
      ...form,
      companyId: w.companies.contractor,
      reason: '再度の事故',
    });
    expect(done.status).toBe(303);
    expect(await count()).toBe(before + 1);
  });
});
