import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { approvedSubcontract } from '../../../test/helpers/inspections.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// 統制項目の充足状況 over the API: the demo contract (新宿区's bicycle contract, seed 003) is active
// with its register, 特記事項, acknowledged handler list with pledges and training, and its
// delegation approved — but no on-site inspection yet and no review cycle. So its coverage is a
// mix, computed from those records; recording more changes it. Only the municipality's staff read
// coverage: the contract's companies get 403, another municipality 404.

const COVERAGE = '/api/v1/controls';
let t: TestApp;
let w: World;
const call = (who: string, path: string, method = 'GET', json?: unknown) =>
  t.call(method, path, { token: w.tokens[who], json });
const statusOf = (body: { controls: { controlId: string; status: string }[] }) =>
  Object.fromEntries(body.controls.map((c) => [c.controlId, c.status]));
const ruleOf = (body: any, control: string, rule: string) =>
  body.controls.find((c: any) => c.controlId === control).rules.find((r: any) => r.rule === rule);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('the demo contract', () => {
  it('has a real mix of met and missing controls, from its records', async () => {
    const body = expectStatus(
      await call('ward_officer', `${COVERAGE}/contracts/${w.bicycleContractId}`),
      200,
    );
    expect(body).toMatchObject({
      contractId: w.bicycleContractId,
      status: 'active',
      crosswalkVersion: '2026-12',
    });
    const status = statusOf(body);
    // register, provisions and the acknowledged list with pledges and training are there
    expect(status['appi-66']).toBe('met');
    expect(status['appi-67']).toBe('met');
    expect(status['mic-8.1-1']).toBe('met');
    expect(status['iso-a5.20']).toBe('met');
    // no on-site inspection within the year, no review cycle
    expect(status['mic-8.1-3']).toBe('none');
    expect(status['iso-a5.22']).toBe('none');
    expect(ruleOf(body, 'mic-8.1-3', 'inspection-within-year')).toMatchObject({
      need: 1,
      have: 0,
      status: 'none',
    });
    // no incident and no sub-contract: those rules do not apply
    expect(status['appi-68']).toBe('not_applicable');
    expect(ruleOf(body, 'iso-a5.21', 'subcontracts-approved')).toMatchObject({
      applies: false,
      status: 'not_applicable',
    });
    expect(ruleOf(body, 'appi-67', 'pledges-recorded')).toMatchObject({ need: 3, have: 3, status: 'met' });
    const counted = new Set(Object.values(status));
    expect(counted.has('met') && counted.has('none')).toBe(true);
  });

  it('changes with the records: a late incident, then a review cycle', async () => {
    expectStatus(
      await call('contractor_manager', '/api/v1/incidents', 'POST', {
        contractId: w.bicycleContractId,
        information: '撤去車両所有者の氏名・住所',
        recordCount: 2,
        location: '保管所',
        circumstances: '誤送付',
        // discovered two days before it was reported: not within 24 hours
        discoveredAt: '2026-11-20T09:00:00+09:00',
      }),
      201,
    );
    expectStatus(
      await call('ward_officer', `/api/v1/contract-reviews/cycles/${w.bicycleContractId}`, 'PUT', {
        months: 6,
        version: 0,
      }),
      200,
    );
    const body = expectStatus(await call('ward_chief', `${COVERAGE}/contracts/${w.bicycleContractId}`), 200);
    const status = statusOf(body);
    expect(ruleOf(body, 'appi-68', 'incidents-reported-on-time')).toMatchObject({ need: 1, have: 0 });
    expect(status['appi-68']).toBe('none');
    // the cycle is evidence of review; the inspection is still missing
    expect(status['iso-a5.22']).toBe('partial');
  });
});

describe('a sub-contract', () => {
  it('counts its approval (再委託承認) and its records in the chain of the contract above it', async () => {
    const { contractId } = await approvedSubcontract(t, w);
    const body = expectStatus(
      await call('ward_officer', `${COVERAGE}/contracts/${w.bicycleContractId}`),
      200,
    );
    expect(ruleOf(body, 'iso-a5.21', 'subcontracts-approved')).toMatchObject({
      applies: true,
      need: 1,
      have: 1,
      status: 'met',
    });
    expect(ruleOf(body, 'iso-a5.21', 'flow-down-accepted')).toMatchObject({ applies: true, need: 1 });
    expect(ruleOf(body, 'appi-66', 'register-recorded').need).toBe(2);
    // the sub-contract's own coverage is of its own chain
    const own = expectStatus(await call('ward_officer', `${COVERAGE}/contracts/${contractId}`), 200);
    expect(ruleOf(own, 'iso-a5.21', 'subcontracts-approved')).toMatchObject({ applies: false });
    // its sub-contractor reads the sub-contract, but not its coverage
    expect((await call('subcontractor_manager', `${COVERAGE}/contracts/${contractId}`)).status).toBe(403);
  });
});

describe('who reads coverage', () => {
  it('the municipality’s staff, inspectors included; not its companies nor its council', async () => {
    for (const who of ['ward_manager', 'inspector'])
      expectStatus(await call(who, `${COVERAGE}/contracts/${w.bicycleContractId}`), 200);
    for (const who of ['contractor_manager', 'contractor_staff', 'council_reviewer']) {
      const res = await call(who, `${COVERAGE}/contracts/${w.bicycleContractId}`);
      expect(res.status, who).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await call(who, COVERAGE)).status, who).toBe(403);
    }
  });

  it('another municipality and a stranger company get 404, as for a contract that does not exist', async () => {
    for (const who of ['other_ward_officer', 'other_contractor_manager'])
      expect((await call(who, `${COVERAGE}/contracts/${w.bicycleContractId}`)).status, who).toBe(404);
    expect(
      (await call('ward_officer', `${COVERAGE}/contracts/00000000-0000-4000-8000-000000000000`)).status,
    ).toBe(404);
    expect((await call('ward_officer', `${COVERAGE}/contracts/not-a-uuid`)).status).toBe(422);
  });

  it('lists a ward’s own contracts only, with totals per control', async () => {
    const mine = expectStatus(await call('ward_officer', COVERAGE), 200);
    expect(mine.crosswalk.controls.length).toBe(12);
    expect(mine.contracts.map((k: any) => k.contractId)).toContain(w.bicycleContractId);
    const bicycle = mine.contracts.find((k: any) => k.contractId === w.bicycleContractId);
    expect(statusOf(bicycle)['iso-a5.22']).toBe('partial');
    const total = mine.totals['appi-66'];
    expect(total.met + total.partial + total.none + total.not_applicable).toBe(mine.contracts.length);
    const theirs = expectStatus(await call('other_ward_officer', COVERAGE), 200);
    expect(theirs.contracts.map((k: any) => k.contractId)).not.toContain(w.bicycleContractId);
  });
});
