import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreApplication } from '../helpers/approvals.js';
import { erasureBody } from '../helpers/handover.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, PASSWORD, USERS, type World } from '../helpers/world.js';

// No existence oracles across tenants: a company or user the caller may not see is answered
// exactly like one that does not exist — the same status and the same words.

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

/** What an answer tells: its status, problem type, messages and field errors (not its request id). */
function told(res: { status: number; body: any }) {
  const { request_id: _id, instance: _instance, ...rest } = res.body ?? {};
  return { status: res.status, ...rest };
}

describe('suspensions (指名停止)', () => {
  const suspend = (companyId: string) =>
    t.call('POST', '/api/v1/suspensions', {
      token: w.tokens.ward_officer,
      json: { companyId, reason: '契約違反', suspendedFrom: '2026-12-01' },
    });

  it('answers a company known only to another ward exactly like an unknown one', async () => {
    const foreign = await suspend(w.otherWardCompanyId);
    const unknown = await suspend(crypto.randomUUID());
    expect(unknown.status).toBe(422);
    expect(told(foreign)).toEqual(told(unknown));
    // another ward itself is no company of this ward either
    expect(told(await suspend(w.otherWardId))).toEqual(told(unknown));
    // nothing was recorded for the foreign company
    const rows = await t.handle.db
      .selectFrom('subcontractor_suspensions')
      .select('company_id')
      .where('company_id', '=', w.otherWardCompanyId)
      .execute();
    expect(rows).toEqual([]);
  });

  it('suspends a company of its own ward', async () => {
    expect((await suspend(w.companies.otherContractor)).status).toBe(201);
  });
});

describe('naming the sub-contractor (再委託先) of an application', () => {
  const apply = (subcontractor: object, overrides: object = {}) =>
    t.call('POST', `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`, {
      token: w.tokens.contractor_manager,
      json: callCentreApplication(w, { subcontractor, ...overrides }),
    });

  it('answers a company id the contractor does not work with exactly like an unknown id', async () => {
    const unknown = await apply({ organisationId: crypto.randomUUID() });
    expect(unknown.status).toBe(422);
    for (const id of [
      w.otherWardCompanyId,
      w.companies.subcontractor,
      w.companies.otherContractor,
      w.otherWardId,
    ]) {
      expect(told(await apply({ organisationId: id })), id).toEqual(told(unknown));
    }
    const drafts = await t.handle.db
      .selectFrom('contracts')
      .select('id')
      .where('parent_contract_id', '=', w.bicycleContractId)
      .execute();
    expect(drafts).toEqual([]);
  });

  it('registers the sub-contractor by its corporate number (法人番号), reusing the company that has it', async () => {
    const applied = await apply({
      name: '株式会社コールセンター・ジャパン',
      corporateNumber: '1011101000003',
    });
    expect(applied.status).toBe(201);
    expect(applied.body.application.subcontractorOrgId).toBe(w.companies.subcontractor);
    // from now on the contractor works with it: it may read it and name it by its id
    const read = await t.call('GET', `/api/v1/organisations/${w.companies.subcontractor}`, {
      token: w.tokens.contractor_manager,
    });
    expect(read.status).toBe(200);
    const again = await apply(
      { organisationId: w.companies.subcontractor },
      { title: '自転車対策コールセンター運営業務（夜間）' },
    );
    expect(again.status).toBe(201);
    // a company it does not work with stays invisible
    const other = await t.call('GET', `/api/v1/organisations/${w.companies.otherContractor}`, {
      token: w.tokens.contractor_manager,
    });
    expect(other.status).toBe(404);
  });
});

describe('creating a user', () => {
  const create = (email: string) =>
    t.call('POST', '/api/v1/users', {
      token: w.tokens.contractor_manager,
      json: {
        organisationId: w.companies.contractor,
        email,
        displayName: '新宿 太郎',
        password: 'another long password',
        roles: ['contractor_staff'],
      },
    });

  it('does not tell whether an address is taken in another organisation', async () => {
    const fresh = await create('fresh-address@cycle-support.example.jp');
    const takenElsewhere = await create(USERS.other_ward_officer!.email);
    expect(fresh.status).toBe(201);
    expect(takenElsewhere.status).toBe(201);
    // within the caller's own organisation a duplicate is a conflict it can see anyway
    expect((await create('fresh-address@cycle-support.example.jp')).status).toBe(409);
  });

  it('signs each person in with their own password when two accounts share an address', async () => {
    const email = USERS.other_ward_officer!.email;
    const owner = await t.call('POST', '/api/v1/auth/sign-in', { json: { email, password: PASSWORD } });
    expect(owner.status).toBe(200);
    const ownerSession = await t.call('GET', '/api/v1/auth/session', { token: owner.body.accessToken });
    expect(ownerSession.body.wardId).toBe(w.otherWardId);

    const newcomer = await t.call('POST', '/api/v1/auth/sign-in', {
      json: { email, password: 'another long password' },
    });
    expect(newcomer.status).toBe(200);
    const newcomerSession = await t.call('GET', '/api/v1/auth/session', { token: newcomer.body.accessToken });
    expect(newcomerSession.body.organisationId).toBe(w.companies.contractor);
    expect(newcomerSession.body.wardId).toBeNull();
  });
});

describe('reporting an incident (事故報告)', () => {
  it('is refused, like an unknown contract, for a sub-contract its sub-contractor is not yet given', async () => {
    // the draft sub-contract of the application above names the call centre, which may not see it
    const draft = await t.handle.db
      .selectFrom('contracts')
      .select(['id', 'contractor_access'])
      .where('parent_contract_id', '=', w.bicycleContractId)
      .where('contractor_org_id', '=', w.companies.subcontractor)
      .executeTakeFirstOrThrow();
    expect(draft.contractor_access).toBe(false);
    const report = (contractId: string) =>
      t.call('POST', '/api/v1/incidents', {
        token: w.tokens.subcontractor_manager,
        json: {
          contractId,
          information: '氏名',
          location: '事務所',
          circumstances: '誤送付',
          discoveredAt: '2026-11-01T00:00:00Z',
        },
      });
    const unknown = await report(crypto.randomUUID());
    expect(unknown.status).toBe(404);
    expect(told(await report(draft.id))).toEqual(told(unknown));

    // nor can it record an erasure (消去の記録) on it: it never held that contract's data
    const erase = (contractId: string) =>
      t.call('POST', '/api/v1/erasures', {
        token: w.tokens.subcontractor_manager,
        json: {
          ...erasureBody(contractId, crypto.randomUUID(), new Date('2026-11-01T00:00:00Z')),
          items: [{ subjectGroup: '問合せ者', name: '氏名', direction: 'collected', disposition: 'erased' }],
        },
      });
    const unknownErasure = await erase(crypto.randomUUID());
    expect(unknownErasure.status).toBe(404);
    expect(told(await erase(draft.id))).toEqual(told(unknownErasure));
  });
});
