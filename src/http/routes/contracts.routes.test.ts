import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACTS, contractInput, countRows, createContract } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const japanese = /[ぁ-んァ-ヶ一-龠]/;

function expectProblem(res: { status: number; body: any; headers: Headers }, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(res.body.detail_ja).toMatch(japanese);
}

describe('registering a contract (委託契約の登録)', () => {
  it('stores every particular in draft and reads it back, with one audit entry', async () => {
    const input = contractInput(w, { contractNumber: '31契約第134号' });
    const res = await t.call('POST', CONTRACTS, { token: w.tokens.ward_officer, json: input });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { amountYen, ...rest } = input;
    expect(res.body).toMatchObject({
      ...rest,
      amountYen: '48600000',
      wardId: w.wardId,
      parentContractId: null,
      depth: 1,
      status: 'draft',
      predecessorContractId: null,
      renewalCount: 0,
      registerRevision: 0,
      version: 1,
    });
    expect(res.body).not.toHaveProperty('chainOrgIds');
    expect(res.body).not.toHaveProperty('contractorAccess');

    const read = await t.call('GET', `${CONTRACTS}/${res.body.id}`, { token: w.tokens.ward_officer });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
    expect(read.headers.get('etag')).toBe('"1"');

    const audits = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'ward_id', 'actor_user_id'])
      .where('subject_id', '=', res.body.id)
      .execute();
    expect(audits).toEqual([
      { action: 'contract.create', ward_id: w.wardId, actor_user_id: w.userIds.ward_officer },
    ]);
  });

  it.each([
    ['contractor_manager', 200],
    ['contractor_staff', 200],
    ['council_reviewer', 200],
    ['inspector', 200],
    ['other_contractor_manager', 404],
    ['subcontractor_manager', 404],
    ['other_ward_officer', 404],
  ])('%s reading it → %i', async (who, status) => {
    const contract = await createContract(t, w);
    const res = await t.call('GET', `${CONTRACTS}/${contract.id}`, { token: w.tokens[who] });
    expect(res.status).toBe(status);
  });

  it.each(['contractor_manager', 'council_reviewer', 'ward_chief'])(
    '%s may not register one (403)',
    async (who) => {
      const before = await countRows(t, 'contracts');
      const res = await t.call('POST', CONTRACTS, { token: w.tokens[who], json: contractInput(w) });
      expectProblem(res, 403);
      expect(await countRows(t, 'contracts')).toBe(before);
    },
  );
});

describe('refusals change nothing', () => {
  const otherWardDepartment = async () =>
    (
      await t.handle.db
        .selectFrom('departments')
        .select('id')
        .where('ward_id', '=', w.otherWardId)
        .executeTakeFirstOrThrow()
    ).id;

  it.each<[string, () => Promise<Record<string, unknown>>, number, string | null]>([
    ['a duplicate 契約番号', async () => ({ contractNumber: '31契約第134号' }), 409, null],
    [
      'the same 契約番号 with spaces around it',
      async () => ({ contractNumber: ' 31契約第134号　' }),
      409,
      null,
    ],
    ['a period ending before it starts', async () => ({ periodTo: '2026-03-31' }), 422, 'periodTo'],
    [
      'a department of another ward',
      async () => ({ departmentId: await otherWardDepartment() }),
      422,
      'departmentId',
    ],
    ['an unknown contractor', async () => ({ contractorOrgId: crypto.randomUUID() }), 422, 'contractorOrgId'],
    ['a ward as the contractor', async () => ({ contractorOrgId: w.otherWardId }), 422, 'contractorOrgId'],
    [
      'a company known only to another ward',
      async () => ({ contractorOrgId: w.otherWardCompanyId }),
      422,
      'contractorOrgId',
    ],
  ])('%s', async (_name, overrides, status, path) => {
    const links = () =>
      t.handle.db.selectFrom('ward_companies').selectAll().where('ward_id', '=', w.wardId).execute();
    const [contracts, audits, linked] = [
      await countRows(t, 'contracts'),
      await countRows(t, 'audit_entries'),
      await links(),
    ];
    const res = await t.call('POST', CONTRACTS, {
      token: w.tokens.ward_officer,
      json: contractInput(w, await overrides()),
    });
    expectProblem(res, status);
    if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    if (status === 409) expect(res.body.detail_ja).toContain('31契約第134号');
    expect(await countRows(t, 'contracts')).toBe(contracts);
    expect(await countRows(t, 'audit_entries')).toBe(audits);
    expect(await links()).toEqual(linked);
    const foreign = `/api/v1/organisations/${w.otherWardCompanyId}`;
    expect((await t.call('GET', foreign, { token: w.tokens.ward_officer })).status).toBe(404);
  });
});

it('takes an empty 契約番号 for none, however many contracts have none yet', async () => {
  for (const contractNumber of ['', ' ', null, '']) {
    const res = await t.call('POST', CONTRACTS, {
      token: w.tokens.ward_officer,
      json: contractInput(w, { contractNumber }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.contractNumber).toBeNull();
  }
  const contract = await createContract(t, w);
  const cleared = await t.call('PATCH', `${CONTRACTS}/${contract.id}`, {
    token: w.tokens.ward_officer,
    json: { version: 1, contractNumber: '' },
  });
  expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
  expect(cleared.body.contractNumber).toBeNull();
});

describe('changing a contract (PATCH)', () => {
  it('changes what it is told, bumps the version, and refuses a stale version without change', async () => {
    const contract = await createContract(t, w);
    const path = `${CONTRACTS}/${contract.id}`;
    const ok = await t.call('PATCH', path, {
      token: w.tokens.ward_officer,
      json: { version: 1, title: '放置自転車等撤去業務委託', amountYen: 50_000_000 },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ title: '放置自転車等撤去業務委託', amountYen: '50000000', version: 2 });
    expect(ok.body.place).toBe(contract.place);
    expect(ok.body.contractNumber).toBe(contract.contractNumber);

    const stale = await t.call('PATCH', path, {
      token: w.tokens.ward_officer,
      json: { version: 1, title: '上書き' },
    });
    expectProblem(stale, 409);
    expect(stale.body.currentVersion).toBe(2);
    const read = await t.call('GET', path, { token: w.tokens.ward_officer });
    expect(read.body).toEqual(ok.body);

    const viaHeader = await t.call('PATCH', path, {
      token: w.tokens.ward_officer,
      headers: { 'if-match': '"2"' },
      json: { place: '新宿区役所' },
    });
    expect(viaHeader.body).toMatchObject({ place: '新宿区役所', version: 3 });
  });

  it.each<[string, Record<string, unknown>, number]>([
    ['a period ending before it starts', { periodTo: '2026-01-01' }, 422],
    ['another contract’s number', { contractNumber: '31契約第134号' }, 409],
    ['no version at all', { version: undefined, title: 'x' }, 422],
  ])('refuses %s and keeps the row', async (_name, patch, status) => {
    const contract = await createContract(t, w);
    const res = await t.call('PATCH', `${CONTRACTS}/${contract.id}`, {
      token: w.tokens.ward_officer,
      json: { version: 1, ...patch },
    });
    expectProblem(res, status);
    const read = await t.call('GET', `${CONTRACTS}/${contract.id}`, { token: w.tokens.ward_officer });
    expect(read.body).toEqual(contract);
  });

  it('is forbidden to the contractor and invisible to another ward', async () => {
    const contract = await createContract(t, w);
    const json = { version: 1, title: '改ざん' };
    const path = `${CONTRACTS}/${contract.id}`;
    expectProblem(await t.call('PATCH', path, { token: w.tokens.contractor_manager, json }), 403);
    expectProblem(await t.call('PATCH', path, { token: w.tokens.other_ward_officer, json }), 404);
    expect((await t.call('GET', path, { token: w.tokens.ward_officer })).body).toEqual(contract);
  });
});
