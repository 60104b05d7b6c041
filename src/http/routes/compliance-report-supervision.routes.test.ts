import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../../test/helpers/contracts.js';
import {
  approvedSubcontract,
  command,
  INSPECTIONS,
  itemsOf,
  plan,
  putItem,
} from '../../../test/helpers/inspections.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';
import { runDailyJobs } from '../../jobs/daily-jobs.js';

// 別紙5 question 8 (再委託を行っている場合、再委託先へ監督を行った) is prefilled from the records:
// いいえ while the contractor has neither inspected its sub-contractor nor had a report request
// answered in the period; はい with the dates and what was done once it has.

let t: TestApp;
let w: World;
let subcontractId: string;
const silent = { info: () => {}, error: () => {} };

async function fresh(...who: string[]) {
  for (const k of who) w.tokens[k] = await signIn(t, USERS[k]!.email);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-06-02T01:00:00Z');
  w = await buildWorld(t);
  subcontractId = (await approvedSubcontract(t, w)).contractId;
  t.clock.set('2026-10-01T01:00:00Z');
  await runDailyJobs({ db: t.handle.db, now: t.clock.now, logger: silent });
});
afterAll(() => t.close());

async function report() {
  await fresh('contractor_manager', 'ward_officer');
  const token = w.tokens.contractor_manager;
  const list = expectStatus(await t.call('GET', '/api/v1/compliance-reports?period=2026H1', { token }), 200);
  const own = list.items.find((r: { organisationId: string }) => r.organisationId === w.companies.contractor);
  return expectStatus(await t.call('GET', `/api/v1/compliance-reports/${own.id}`, { token }), 200);
}

describe('question 8 of the compliance report (再委託先の監督)', () => {
  it('prefills いいえ when nothing was done, leaving the plan to the contractor', async () => {
    const r = await report();
    expect(r.prefill.q6).toEqual({ answer: 'yes' });
    expect(r.prefill.q8).toEqual({ answer: 'no', text: null });
  });

  it('prefills はい with the inspection’s day and the answered report requests of the period', async () => {
    // in the period: an inspection completed on 2026-07-15 (JST) and a request answered on 2026-08-03
    t.clock.set('2026-07-15T01:00:00Z');
    await fresh('contractor_manager', 'contractor_staff', 'subcontractor_manager');
    let i = expectStatus(
      await plan(t, w, { contractId: subcontractId, plannedOn: '2026-07-15' }, 'contractor_manager'),
      201,
    );
    i = expectStatus(await command(t, w, 'contractor_manager', i, 'start'), 200);
    const detail = expectStatus(
      await t.call('GET', `${INSPECTIONS}/${i.id}`, { token: w.tokens.contractor_manager }),
      200,
    );
    for (const item of itemsOf(detail))
      expectStatus(
        await putItem(t, w.tokens.contractor_staff, i.id, item, { result: 'ok', checkedOn: '2026-07-15' }),
        200,
      );
    const current = expectStatus(
      await t.call('GET', `${INSPECTIONS}/${i.id}`, { token: w.tokens.contractor_manager }),
      200,
    );
    expectStatus(await command(t, w, 'contractor_manager', current, 'complete'), 200);

    t.clock.set('2026-08-01T01:00:00Z');
    await fresh('contractor_manager', 'subcontractor_manager');
    const asked = expectStatus(
      await t.call('POST', '/api/v1/report-requests', {
        token: w.tokens.contractor_manager,
        json: { contractId: subcontractId, topic: '研修の実施状況', dueOn: '2026-08-31' },
      }),
      201,
    );
    t.clock.set('2026-08-03T01:00:00Z');
    await fresh('contractor_manager', 'subcontractor_manager');
    expectStatus(
      await t.call('POST', `/api/v1/report-requests/${asked.id}/answer`, {
        token: w.tokens.subcontractor_manager,
        json: { text: '7月に研修を実施した', version: asked.version },
      }),
      200,
    );
    // one left unanswered does not count
    expectStatus(
      await t.call('POST', '/api/v1/report-requests', {
        token: w.tokens.contractor_manager,
        json: { contractId: subcontractId, topic: '未回答の件', dueOn: '2026-09-30' },
      }),
      201,
    );

    t.clock.set('2026-10-02T01:00:00Z');
    const r = await report();
    expect(r.prefill.q8).toEqual({
      answer: 'yes',
      text: '再委託先への立入検査 1件（令和8年7月15日）、報告の求め 1件（令和8年8月3日「研修の実施状況」）',
    });
    expect(r.prefill.facts.supervision).toEqual({
      inspections: [{ on: '2026-07-15', organisation: '株式会社コールセンター・ジャパン' }],
      reportRequests: [
        { on: '2026-08-03', topic: '研修の実施状況', organisation: '株式会社コールセンター・ジャパン' },
      ],
    });
  });
});
