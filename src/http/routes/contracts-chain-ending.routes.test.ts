import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVALS, callCentreApplication, signOff, step } from '../../../test/helpers/approvals.js';
import { CONTRACTS, countRows, expectStatus, transition } from '../../../test/helpers/contracts.js';
import {
  approvedCallCentre,
  PACKAGES,
  prepare,
  VEHICLE_OWNER_ITEMS,
} from '../../../test/helpers/handover.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// 終了手続 of a contract with a sub-contract (seed 003 丙12–13, 001 第7条): the sub-contract follows
// its parent into ending in its own status; nobody's approval is revoked by it; the sub-contractor
// keeps reading its contract, register and packages until it has certified; resuming restores the
// chain as it was, or refuses (409) saying what must be applied for again.

let t: TestApp;
let w: World;
let sub: { contractId: string; approvalId: string };
let callCentrePackage: { id: string };
/** A second sub-contract, approved by the ward but not started. */
let unstartedId: string;

const get = (path: string, who: string) => t.call('GET', path, { token: w.tokens[who] });
const contract = async (id: string) => expectStatus(await get(`${CONTRACTS}/${id}`, 'ward_officer'), 200);
const approval = async () => expectStatus(await get(`${APPROVALS}/${sub.approvalId}`, 'ward_officer'), 200);
const revokedFigure = async () => {
  const summary = expectStatus(await get('/api/v1/summaries?fiscalYear=2026', 'council_reviewer'), 200);
  return summary.figures.find((f: { key: string }) => f.key === 'subcontracts_revoked').value;
};
/** What the sub-contractor itself may read of its own sub-contract. */
const subcontractorReads = async () => [
  (await get(`${CONTRACTS}/${sub.contractId}`, 'subcontractor_manager')).status,
  (await get(`${CONTRACTS}/${sub.contractId}/register`, 'subcontractor_manager')).status,
  (await get(`${CONTRACTS}/${sub.contractId}/handler-lists`, 'subcontractor_manager')).status,
  (await get(`${PACKAGES}/${callCentrePackage.id}`, 'subcontractor_manager')).status,
];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  sub = await approvedCallCentre(t, w);
  const applied = expectStatus(
    await t.call('POST', `${CONTRACTS}/${w.bicycleContractId}/subcontract-applications`, {
      token: w.tokens.contractor_manager,
      json: callCentreApplication(w, { title: '駐輪場定期利用受付業務' }),
    }),
    201,
  );
  await signOff(t, w, expectStatus(await step(t, w, 'contractor_manager', applied, 'submit'), 200));
  unstartedId = applied.contractId;
  callCentrePackage = expectStatus(
    await prepare(t, w.tokens.ward_officer, {
      contractId: sub.contractId,
      title: '撤去車両所有者情報（コールセンター用）',
      items: VEHICLE_OWNER_ITEMS.slice(0, 3),
      files: [{ name: 'owners.csv', bytes: new TextEncoder().encode('住所,氏名,電話番号\n') }],
    }),
    201,
  ).package;
});
afterAll(() => t.close());

describe('ending a contract with a sub-contract below it', () => {
  it('moves the sub-contract to ending with its parent, revoking nothing and cutting nobody off', async () => {
    expect((await contract(sub.contractId)).status).toBe('active');
    expect((await contract(unstartedId)).status).toBe('approved');
    const parent = await contract(w.bicycleContractId);
    expectStatus(await transition(t, w.tokens.ward_officer, parent, 'begin-ending'), 200);

    expect((await contract(sub.contractId)).status).toBe('ending');
    expect(await contract(unstartedId)).toMatchObject({ status: 'ending', endedWithParent: true });
    expect((await approval()).status).toBe('approved');
    expect(await subcontractorReads()).toEqual([200, 200, 200, 200]);
    // the sub-contractor still sees its sub-contract in its own list
    const list = expectStatus(await get(CONTRACTS, 'subcontractor_manager'), 200);
    expect(list.items.map((c: { id: string }) => c.id)).toContain(sub.contractId);
    // the council summary counts no revocation nobody made
    expect(await revokedFigure()).toBe(0);
    // the sub-contract's ending is its own audited step, following its parent's
    const audit = expectStatus(
      await get(`/api/v1/audit-entries?subjectId=${sub.contractId}`, 'ward_manager'),
      200,
    );
    const actions = audit.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('contract.end-with-parent');
    expect(actions).not.toContain('approval.parent_ended');
  });

  it('resumes the whole chain as it was', async () => {
    const parent = await contract(w.bicycleContractId);
    const resumed = expectStatus(await transition(t, w.tokens.ward_officer, parent, 'resume'), 200);
    expect(resumed.status).toBe('active');
    expect((await contract(sub.contractId)).status).toBe('active');
    // the one that had not started is back to waiting for its start, not started by the resumption
    expect(await contract(unstartedId)).toMatchObject({
      status: 'approved',
      endedWithParent: false,
      startedAt: null,
    });
    expect((await approval()).status).toBe('approved');
    expect(await subcontractorReads()).toEqual([200, 200, 200, 200]);
  });

  it('refuses to resume (409, in words) when the 課長 revoked the sub-contracting meanwhile', async () => {
    const parent = await contract(w.bicycleContractId);
    const ending = expectStatus(await transition(t, w.tokens.ward_officer, parent, 'begin-ending'), 200);
    // revocation is the 課長's own act, and it alone cuts the sub-contractor off
    const revoked = expectStatus(await step(t, w, 'ward_manager', await approval(), 'revoke'), 200);
    expect(revoked.status).toBe('revoked');
    expect((await get(`${CONTRACTS}/${sub.contractId}`, 'subcontractor_manager')).status).toBe(404);
    expect(await revokedFigure()).toBe(1);
    // its package stays readable by the company that must return or erase it
    expect((await get(`${PACKAGES}/${callCentrePackage.id}`, 'subcontractor_manager')).status).toBe(200);

    const audits = await countRows(t, 'audit_entries');
    const refused = await transition(t, w.tokens.ward_officer, ending, 'resume');
    expect(refused.status, JSON.stringify(refused.body)).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body.detail_ja).toContain('株式会社コールセンター・ジャパン');
    expect(refused.body.detail_ja).toContain('再委託の承認');
    expect(refused.body.detail_ja).toContain('改めて申請');
    expect(refused.body.detail).toContain('apply again');
    expect(refused.body.missing.map((m: { code: string }) => m.code)).toEqual(['subdelegation-revoked']);
    expect(await countRows(t, 'audit_entries')).toBe(audits);
    expect((await contract(w.bicycleContractId)).status).toBe('ending');
    expect((await contract(sub.contractId)).status).toBe('ending');
  });
});
