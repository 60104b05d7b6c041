import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChains } from '../../src/domain/audit/verify-audit-chain.js';
import { callCentreApplication, step } from '../helpers/approvals.js';
import { expectStatus } from '../helpers/contracts.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';

// 50 simultaneous signatures of one step: exactly one wins, 49 get 409, one audit entry.

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('concurrent sign-offs', () => {
  it('lets exactly one of 50 simultaneous signatures through', async () => {
    let a = expectStatus(
      await t.call('POST', `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`, {
        token: w.tokens.contractor_manager,
        json: callCentreApplication(w),
      }),
      201,
    );
    a = expectStatus(await step(t, w, 'contractor_manager', a, 'submit'), 200);
    a = expectStatus(await step(t, w, 'ward_officer', a, 'start-review'), 200);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => step(t, w, 'ward_officer', a, 'approve')),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const entries = await t.handle.db
      .selectFrom('audit_entries')
      .select('seq')
      .where('action', '=', 'approval.approve')
      .where('subject_id', '=', a.id)
      .execute();
    expect(entries).toHaveLength(1);
    expect((await verifyAuditChains(t.handle.db)).breaks).toEqual([]);
  });
});
