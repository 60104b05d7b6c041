import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acknowledgedList,
  activeContract,
  CONTRACTS,
  countRows,
  createContract,
  createHandler,
  expectStatus,
  transition,
} from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

let t: TestApp;
let w: World;
let responsibleId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  responsibleId = (await createHandler(t, w.tokens.contractor_manager, '更新 次郎', '2026-03-01')).id;
});
afterAll(() => t.close());

const japanese = /[ぁ-んァ-ヶ一-龠]/;
const NEXT_YEAR = { periodFrom: '2027-04-01', periodTo: '2028-03-31' };

function renew(contractId: string, json: object, who = 'ward_officer') {
  return t.call('POST', `${CONTRACTS}/${contractId}/renew`, { token: w.tokens[who], json });
}

/** A refused renewal: problem+json with Japanese detail, and not one contract more. */
async function expectRefused(contractId: string, json: object, status: number, who = 'ward_officer') {
  const [contracts, revisions] = [await countRows(t, 'contracts'), await countRows(t, 'register_revisions')];
  const res = await renew(contractId, json, who);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(res.body.detail_ja).toMatch(japanese);
  expect(await countRows(t, 'contracts')).toBe(contracts);
  expect(await countRows(t, 'register_revisions')).toBe(revisions);
  return res.body;
}

const registerOf = async (id: string) =>
  (await t.call('GET', `${CONTRACTS}/${id}/register`, { token: w.tokens.ward_officer })).body;

describe('renewing a single-year contract (契約の更新, at most twice)', () => {
  let first: any;
  let second: any;

  beforeAll(async () => {
    first = await activeContract(t, w, responsibleId);
  });

  it('refuses to renew a draft contract', async () => {
    const draft = await createContract(t, w);
    const body = await expectRefused(draft.id, NEXT_YEAR, 409);
    expect(body).toMatchObject({ state: 'draft', event: 'RENEW' });
  });

  it('is for the ward officer only', async () => {
    await expectRefused(first.id, NEXT_YEAR, 403, 'contractor_manager');
    await expectRefused(first.id, NEXT_YEAR, 403, 'council_reviewer');
    await expectRefused(first.id, NEXT_YEAR, 404, 'other_ward_officer');
  });

  it('creates a linked successor in draft that carries the particulars and the register forward', async () => {
    const res = await renew(first.id, {
      ...NEXT_YEAR,
      contractNumber: '32契約第12号',
      contractDate: '2027-03-20',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    second = res.body;
    expect(second).toMatchObject({
      status: 'draft',
      renewalCount: 1,
      predecessorContractId: first.id,
      registerRevision: 1,
      version: 1,
      contractNumber: '32契約第12号',
      contractDate: '2027-03-20',
      ...NEXT_YEAR,
      title: first.title,
      departmentId: first.departmentId,
      contractorOrgId: first.contractorOrgId,
      amountYen: first.amountYen,
      processingModes: first.processingModes,
      requiredCertifications: first.requiredCertifications,
      wardMeasures: first.wardMeasures,
      contractorMeasures: first.contractorMeasures,
    });
    expect(second.id).not.toBe(first.id);

    const carried = await registerOf(second.id);
    const original = await registerOf(first.id);
    expect(carried.revision).toBe(1);
    expect(carried.document).toEqual(original.document);
    expect(carried.note).toContain('引継ぎ');
    const revisions = await t.call('GET', `${CONTRACTS}/${second.id}/register/revisions`, {
      token: w.tokens.ward_officer,
    });
    expect(revisions.body.items.map((r: { revision: number }) => r.revision)).toEqual([1]);

    // the predecessor is untouched
    const before = (await t.call('GET', `${CONTRACTS}/${first.id}`, { token: w.tokens.ward_officer })).body;
    expect(before).toMatchObject({ status: 'active', version: first.version, renewalCount: 0 });
  });

  it('refuses a second renewal of the same predecessor', async () => {
    const body = await expectRefused(first.id, { periodFrom: '2028-04-01', periodTo: '2029-03-31' }, 409);
    expect(body.successorId).toBe(second.id);
  });

  it('refuses a renewal period that does not follow the current one (422)', async () => {
    await acknowledgedList(t, w, second.id, responsibleId);
    second = expectStatus(await transition(t, w.tokens.ward_officer, second, 'activate'), 200);
    for (const period of [
      { periodFrom: '2028-03-31', periodTo: '2029-03-31' }, // starts on the last day of the current one
      { periodFrom: '2027-10-01', periodTo: '2028-09-30' }, // overlaps
      { periodFrom: '2029-04-01', periodTo: '2028-04-01' }, // ends before it starts
    ]) {
      const body = await expectRefused(second.id, period, 422);
      expect(body.errors.map((e: { path: string }) => e.path)).toContain('periodFrom');
    }
  });

  it('renews a renewal once more, and refuses a third renewal', async () => {
    const res = await renew(second.id, { periodFrom: '2028-04-01', periodTo: '2029-03-31' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    let third = res.body;
    expect(third).toMatchObject({ renewalCount: 2, predecessorContractId: second.id, registerRevision: 1 });
    await acknowledgedList(t, w, third.id, responsibleId);
    third = expectStatus(await transition(t, w.tokens.ward_officer, third, 'activate'), 200);

    const body = await expectRefused(third.id, { periodFrom: '2029-04-01', periodTo: '2030-03-31' }, 409);
    expect(body.detail_ja).toContain('最大2回');
    // also from ending: the limit, not the state, is what refuses it
    const ending = expectStatus(await transition(t, w.tokens.ward_officer, third, 'begin-ending'), 200);
    expect(
      (await expectRefused(ending.id, { periodFrom: '2029-04-01', periodTo: '2030-03-31' }, 409)).detail_ja,
    ).toContain('最大2回');
  });
});

describe('the successor’s contract number', () => {
  it('is empty unless given, so the predecessor’s number is not reused', async () => {
    const predecessor = await activeContract(t, w, responsibleId);
    const res = await renew(predecessor.id, NEXT_YEAR);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ contractNumber: null, contractDate: null, renewalCount: 1 });
  });

  it('refuses a number another contract of the ward has (409)', async () => {
    const predecessor = await activeContract(t, w, responsibleId);
    const taken = await createContract(t, w);
    const body = await expectRefused(
      predecessor.id,
      { ...NEXT_YEAR, contractNumber: taken.contractNumber },
      409,
    );
    expect(body.detail_ja).toContain(taken.contractNumber);
  });

  it('renews a contract without a register into one without a register', async () => {
    const bare = expectStatus(
      await transition(
        t,
        w.tokens.ward_officer,
        await createContract(t, w, { handlesPersonalInfo: false }),
        'activate',
      ),
      200,
    );
    const res = await renew(bare.id, { ...NEXT_YEAR, contractNumber: '　' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ registerRevision: 0, contractNumber: null });
    expect((await registerOf(res.body.id)).revision).toBe(0);
  });
});
