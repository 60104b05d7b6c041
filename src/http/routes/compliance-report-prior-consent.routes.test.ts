import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreApplication, signOff, step } from '../../../test/helpers/approvals.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';
import { runDailyJobs } from '../../jobs/daily-jobs.js';

// Issue 16: 別紙5 question 7 (事前に区へ文書で協議し承諾を得ている) is prefilled 「はい」 only when
// every sub-contract was approved on or before the day it started. No approval after the start can
// be given now (409), but a record approved so before that check must not prefill 「はい」.

let t: TestApp;
let w: World;
let approvalId: string;
const silent = { info: () => {}, error: () => {} };

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-05-01T01:00:00Z');
  w = await buildWorld(t);
  let a = expectStatus(
    await t.call('POST', `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`, {
      token: w.tokens.contractor_manager,
      json: callCentreApplication(w),
    }),
    201,
  );
  a = expectStatus(await step(t, w, 'contractor_manager', a, 'submit'), 200);
  a = await signOff(t, w, a);
  approvalId = a.id;
  t.clock.set('2026-10-01T01:00:00Z');
  await runDailyJobs({ db: t.handle.db, now: t.clock.now, logger: silent });
});
afterAll(() => t.close());

async function prefill() {
  const token = await signIn(t, USERS.contractor_manager!.email);
  const list = expectStatus(await t.call('GET', '/api/v1/compliance-reports?period=2026H1', { token }), 200);
  const own = list.items.find((r: { organisationId: string }) => r.organisationId === w.companies.contractor);
  return expectStatus(await t.call('GET', `/api/v1/compliance-reports/${own.id}`, { token }), 200).prefill;
}

describe('question 7 of the compliance report (事前の承諾)', () => {
  it('prefills はい when the sub-contract was approved before it started', async () => {
    const p = await prefill();
    expect(p.q7).toEqual({ answer: 'yes' });
    expect(p.facts.subcontractsApprovedAfterStart).toBe(0);
  });

  it('prefills いいえ when a sub-contract was approved only after it started (a record made before the check)', async () => {
    // as an earlier version let the 課長 approve it: on 15 June, two weeks after its start on 1 June
    await t.handle.db
      .updateTable('approvals')
      .set({ decided_at: new Date('2026-06-15T01:00:00Z') })
      .where('id', '=', approvalId)
      .execute();
    const p = await prefill();
    expect(p.q6).toEqual({ answer: 'yes' });
    expect(p.q7).toEqual({ answer: 'no' });
    expect(p.facts.subcontractsApprovedAfterStart).toBe(1);
  });
});
