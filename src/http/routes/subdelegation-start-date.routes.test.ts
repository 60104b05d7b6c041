import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreApplication, step } from '../../../test/helpers/approvals.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { advance } from '../../../test/helpers/handover.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';
import { addDays } from '../../domain/shared/japan-date.js';

// Issue 16: 再委託は業務の着手前に承認を得る. An application whose start date lies before the day it
// would be approved is refused when it is made or submitted (422), and at the final approval a
// start date that has passed meanwhile refuses the approval (409): no sub-contract is ever
// approved after it started, so nothing can prefill 「事前に承諾を得ている：はい」 wrongly.

const DAY = 24 * 3600 * 1000;
let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const apply = (periodFrom: string, corporateNumber: string) =>
  t.call('POST', `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`, {
    token: w.tokens.contractor_manager,
    json: callCentreApplication(w, {
      subcontractor: { name: `株式会社着手日${corporateNumber.slice(-2)}`, corporateNumber },
      periodFrom,
    }),
  });

describe('a sub-contract may not start before it is approved', () => {
  it('refuses an application starting last month (422 problem+json, in both languages)', async () => {
    const before = await t.handle.db.selectFrom('approvals').select('id').execute();
    const res = await apply(addDays(w.today(), -30), '1011101007701');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const error = res.body.errors.find((e: { path: string }) => e.path === 'periodFrom');
    expect(error.message_ja).toContain('業務の着手前に承認を得る必要があります');
    expect(error.message).toContain('before it is approved');
    expect(res.body.detail_ja).toBeTruthy();
    expect(await t.handle.db.selectFrom('approvals').select('id').execute()).toEqual(before);
  });

  it('refuses submitting an application whose start date passed while it was a draft (422)', async () => {
    const draft = expectStatus(await apply(addDays(w.today(), 1), '1011101007702'), 201);
    await advance(t, w, 2 * DAY);
    const res = await step(t, w, 'contractor_manager', draft, 'submit');
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'periodFrom' });
    const still = expectStatus(
      await t.call('GET', `/api/v1/approvals/${draft.id}`, { token: w.tokens.contractor_manager }),
      200,
    );
    expect(still).toMatchObject({ status: 'draft', version: draft.version });
  });

  it('refuses the final approval once the start date has passed (409), and lets the ward reject it', async () => {
    const applied = expectStatus(await apply(addDays(w.today(), 2), '1011101007703'), 201);
    let a = expectStatus(await step(t, w, 'contractor_manager', applied, 'submit'), 200);
    a = expectStatus(await step(t, w, 'ward_officer', a, 'start-review'), 200);
    a = expectStatus(await step(t, w, 'ward_officer', a, 'approve'), 200);
    a = expectStatus(await step(t, w, 'ward_chief', a, 'approve'), 200);
    await advance(t, w, 3 * DAY);
    const late = await step(t, w, 'ward_manager', a, 'approve');
    expect(late.status).toBe(409);
    expect(late.headers.get('content-type')).toContain('application/problem+json');
    expect(late.body.detail_ja).toContain('業務の着手前の承認とすることはできません');
    expect(late.body.detail).toContain('before the work starts');
    const after = expectStatus(
      await t.call('GET', `/api/v1/approvals/${a.id}`, { token: w.tokens.ward_manager }),
      200,
    );
    expect(after).toMatchObject({ status: 'under_review', version: a.version });
    const items = await t.handle.db
      .selectFrom('council_report_items')
      .select('id')
      .where('approval_id', '=', a.id)
      .execute();
    expect(items).toEqual([]);
    expect(expectStatus(await step(t, w, 'ward_manager', a, 'reject'), 200).status).toBe('rejected');
  });

  it('approves a sub-contract starting on the day of its approval', async () => {
    const applied = expectStatus(await apply(w.today(), '1011101007704'), 201);
    let a = expectStatus(await step(t, w, 'contractor_manager', applied, 'submit'), 200);
    a = expectStatus(await step(t, w, 'ward_officer', a, 'start-review'), 200);
    for (const who of ['ward_officer', 'ward_chief', 'ward_manager'])
      a = expectStatus(await step(t, w, who, a, 'approve'), 200);
    expect(a.status).toBe('approved');
  });
});
