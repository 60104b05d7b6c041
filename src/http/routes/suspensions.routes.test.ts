import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreApplication, step } from '../../../test/helpers/approvals.js';
import { pageClient, textOf } from '../../../test/helpers/browser.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../test/helpers/world.js';
import { addDays, toJapanDate } from '../../domain/shared/japan-date.js';

// Issue 16: a suspension (指名停止) refuses a sub-contracting application when it is in force on
// any day of the period, not only its first; a contract under way whose company becomes suspended
// shows on the ward's dashboard; a suspension can be lifted early (解除), by the API and the page.

let t: TestApp;
let w: World;
let today: string;
const SUSPENSIONS = '/api/v1/suspensions';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  today = toJapanDate(t.clock.now());
});
afterAll(() => t.close());

async function company(name: string, corporateNumber: string) {
  return expectStatus(
    await t.call('POST', '/api/v1/organisations', {
      token: w.tokens.ward_officer,
      json: { kind: 'company', name, corporateNumber },
    }),
    201,
  );
}

async function suspend(companyId: string, suspendedFrom: string, suspendedTo: string | null) {
  return expectStatus(
    await t.call('POST', SUSPENSIONS, {
      token: w.tokens.ward_officer,
      json: { companyId, reason: '個人情報の漏えい事故による指名停止', suspendedFrom, suspendedTo },
    }),
    201,
  );
}

const apply = (name: string, corporateNumber: string) =>
  t.call('POST', `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`, {
    token: w.tokens.contractor_manager,
    json: callCentreApplication(w, {
      subcontractor: { name, corporateNumber },
      periodFrom: addDays(today, 1),
      periodTo: '2027-03-31',
    }),
  });

describe('a suspension refuses any sub-contract it overlaps', () => {
  it('refuses a period whose first day is before the suspension but which runs into it (422)', async () => {
    const x = await company('株式会社停止予定', '1011101008881');
    await suspend(x.id, addDays(today, 30), addDays(today, 120));
    const res = await apply('株式会社停止予定', '1011101008881');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const error = res.body.errors.find((e: { path: string }) => e.path === 'subcontractor');
    expect(error.message_ja).toContain('指名停止');
    expect(error.message).toContain('suspension');
  });

  it('accepts a period that starts after the suspension ended', async () => {
    const y = await company('株式会社停止済み', '1011101008882');
    await suspend(y.id, addDays(today, -100), addDays(today, -1));
    expect((await apply('株式会社停止済み', '1011101008882')).status).toBe(201);
  });
});

describe('a suspension recorded after the application', () => {
  it('refuses the final approval (409), naming the suspension', async () => {
    const v = await company('株式会社申請後停止', '1011101008884');
    let a = expectStatus(await apply('株式会社申請後停止', '1011101008884'), 201);
    a = expectStatus(await step(t, w, 'contractor_manager', a, 'submit'), 200);
    a = expectStatus(await step(t, w, 'ward_officer', a, 'start-review'), 200);
    a = expectStatus(await step(t, w, 'ward_officer', a, 'approve'), 200);
    a = expectStatus(await step(t, w, 'ward_chief', a, 'approve'), 200);
    await suspend(v.id, addDays(today, 60), null);
    const res = await step(t, w, 'ward_manager', a, 'approve');
    expect(res.status).toBe(409);
    expect(res.body.detail_ja).toContain('指名停止');
    expect(expectStatus(await step(t, w, 'ward_manager', a, 'reject'), 200).status).toBe('rejected');
  });
});

describe('lifting a suspension early (解除)', () => {
  let suspension: { id: string; version: number; suspendedFrom: string };

  it('refuses while in force, and accepts once it is lifted before the period', async () => {
    const z = await company('株式会社解除予定', '1011101008883');
    suspension = await suspend(z.id, addDays(today, -10), addDays(today, 80));
    expect((await apply('株式会社解除予定', '1011101008883')).status).toBe(422);

    const lift = (who: string, body: object) =>
      t.call('POST', `${SUSPENSIONS}/${suspension.id}/lift`, { token: w.tokens[who], json: body });
    const good = { liftedOn: addDays(today, 1), reason: '再発防止策の実施を確認したため', version: 1 };
    expect((await lift('ward_chief', good)).status).toBe(403);
    expect((await lift('other_ward_officer', good)).status).toBe(404);
    expect((await lift('contractor_manager', good)).status).toBe(404);
    expect((await lift('ward_officer', { ...good, version: 9 })).status).toBe(409);
    const early = await lift('ward_officer', { ...good, liftedOn: suspension.suspendedFrom });
    expect(early.status).toBe(422);
    expect(early.body.errors[0]).toMatchObject({ path: 'liftedOn' });
    const late = await lift('ward_officer', { ...good, liftedOn: addDays(today, 81) });
    expect(late.status).toBe(422);
    expect((await lift('ward_officer', { liftedOn: good.liftedOn, reason: '' })).status).toBe(422);

    const lifted = expectStatus(await lift('ward_officer', good), 200);
    expect(lifted).toMatchObject({
      liftedOn: good.liftedOn,
      liftReason: good.reason,
      version: 2,
    });
    expect((await lift('ward_officer', { ...good, version: 2 })).status).toBe(409);
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'suspension.lift')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).toContain(good.reason);

    const list = expectStatus(await t.call('GET', SUSPENSIONS, { token: w.tokens.ward_officer }), 200);
    expect(list.items.find((s: { id: string }) => s.id === suspension.id).liftedOn).toBe(good.liftedOn);
    // from the day after the lifting, the company may be applied for again
    expect((await apply('株式会社解除予定', '1011101008883')).status).toBe(201);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = expectStatus(await t.call('GET', '/api/openapi.json'), 200);
    expect(doc.paths['/api/v1/suspensions/{id}/lift'].post.summary).toContain('指名停止の解除');
  });
});

describe('the ward sees a contract under way whose company becomes suspended', () => {
  it('shows it on the dashboard, and the page lists and lifts suspensions', async () => {
    const officer = await pageClient(t, USERS.ward_officer!.email);
    expect((await officer.get('/')).html).not.toContain('id="panel-suspended"');
    const s = await suspend(w.companies.contractor, addDays(today, 10), addDays(today, 100));
    const dashboard = await officer.get('/');
    expect(dashboard.html).toContain('id="panel-suspended"');
    expect(dashboard.html).toContain(`href="/contracts/${w.bicycleContractId}"`);
    expect(textOf(dashboard.html)).toContain('指名停止中の事業者との契約');
    const contractor = await pageClient(t, USERS.contractor_manager!.email);
    expect((await contractor.get('/')).html).not.toContain('id="panel-suspended"');

    const page = await officer.get('/suspensions');
    expect(page.status).toBe(200);
    expect(page.html).toContain(`action="/suspensions/${s.id}/lift"`);
    const chief = await pageClient(t, USERS.ward_chief!.email);
    expect((await chief.get('/suspensions')).html).not.toContain(`action="/suspensions/${s.id}/lift"`);
    expect((await contractor.get('/suspensions')).status).toBe(403);

    const refused = await officer.post(`/suspensions/${s.id}/lift`, {
      version: String(s.version),
      [`s${s.id}.liftedOn`]: s.suspendedFrom,
      [`s${s.id}.reason`]: '誤登録',
    });
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('解除日は停止期間の初日');
    const done = await officer.post(`/suspensions/${s.id}/lift`, {
      version: String(s.version),
      [`s${s.id}.liftedOn`]: addDays(today, 11),
      [`s${s.id}.reason`]: '処分の取消し',
    });
    expect(done.status).toBe(303);
    expect(textOf((await officer.get('/suspensions')).html)).toContain(`${addDays(today, 11)}に解除`);
  });
});
