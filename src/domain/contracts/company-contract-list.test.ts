import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreApplication, signOff, step } from '../../../test/helpers/approvals.js';
import { CONTRACTS, createContract, expectStatus } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// A company's contract list is read through contract_readers (kept by triggers) rather than by
// the OR of its two rules over contracts. These tests hold that access path to the rules: at every
// step of a sub-contract's life the companies see exactly what the rules give, in list order.

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  for (let i = 0; i < 4; i++) await createContract(t, w, { title: `一覧確認用の委託 ${i}` });
  await createContract(t, w, { contractorOrgId: w.companies.otherContractor, title: '別の受託者の委託' });
});
afterAll(() => t.close());

/** What the CASL rules of policies/rules/contracts.ts allow a company, written directly over contracts. */
async function allowedByRules(orgId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select id from contracts
    where (contractor_org_id = ${orgId} and contractor_access) or ${orgId}::uuid = any (chain_org_ids)
    order by created_at desc, id desc`.execute(t.handle.db);
  return rows.map((r) => r.id);
}

async function listed(who: string, limit = 200): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { id: string }[]; nextCursor: string | null } = expectStatus(
      await t.call('GET', `${CONTRACTS}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, {
        token: w.tokens[who],
      }),
      200,
    );
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

const COMPANY_USERS = {
  contractor_manager: () => w.companies.contractor,
  other_contractor_manager: () => w.companies.otherContractor,
  subcontractor_manager: () => w.companies.subcontractor,
};

async function expectListsFollowRules() {
  for (const [who, org] of Object.entries(COMPANY_USERS)) {
    const expected = await allowedByRules(org());
    expect(await listed(who), who).toEqual(expected);
    // Page by page (two at a time) the same rows in the same order, none repeated or skipped.
    expect(await listed(who, 2), `${who}, by pages of 2`).toEqual(expected);
  }
}

describe("a company's contract list", () => {
  let approval: { id: string; version: number; contractId: string; status: string };

  it('lists its own contracts newest first, not another company’s', async () => {
    const mine = await listed('contractor_manager');
    expect(mine).toContain(w.bicycleContractId);
    expect(mine.length).toBeGreaterThanOrEqual(5);
    await expectListsFollowRules();
  });

  it('shows a sub-contract applied for to the contractor above it, not yet to the sub-contractor', async () => {
    approval = expectStatus(
      await t.call('POST', `${CONTRACTS}/${w.bicycleContractId}/subcontract-applications`, {
        token: w.tokens.contractor_manager,
        json: callCentreApplication(w),
      }),
      201,
    );
    expect(await listed('contractor_manager')).toContain(approval.contractId);
    expect(await listed('subcontractor_manager')).not.toContain(approval.contractId);
    await expectListsFollowRules();
  });

  it('shows the sub-contract to the sub-contractor once the ward has approved it', async () => {
    const submitted = expectStatus(await step(t, w, 'contractor_manager', approval, 'submit'), 200);
    expect((await signOff(t, w, submitted)).status).toBe('approved');
    expect(await listed('subcontractor_manager')).toEqual([approval.contractId]);
    await expectListsFollowRules();
  });

  it('follows any change of contractor access, chain or deletion made in SQL, in the same transaction', async () => {
    const db = t.handle.db;
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable('contracts')
        .set({ contractor_access: false })
        .where('id', '=', approval.contractId)
        .execute();
      const readers = await tx
        .selectFrom('contract_readers')
        .select('org_id')
        .where('contract_id', '=', approval.contractId)
        .execute();
      expect(readers.map((r) => r.org_id)).toEqual([w.companies.contractor]);
    });
    expect(await listed('subcontractor_manager')).toEqual([]);
    await expectListsFollowRules();

    await db
      .updateTable('contracts')
      .set({ contractor_access: true, chain_org_ids: [w.companies.otherContractor] })
      .where('id', '=', approval.contractId)
      .execute();
    expect(await listed('other_contractor_manager')).toContain(approval.contractId);
    expect(await listed('contractor_manager')).not.toContain(approval.contractId);
    await expectListsFollowRules();

    const draft = await createContract(t, w, { title: '登録直後に取り消す委託' });
    expect(await listed('contractor_manager')).toContain(draft.id);
    await db.deleteFrom('contracts').where('id', '=', draft.id).execute();
    const left = await db
      .selectFrom('contract_readers')
      .select('org_id')
      .where('contract_id', '=', draft.id)
      .execute();
    expect(left).toEqual([]);
    await expectListsFollowRules();
  });

  it('never shows a reader row the rules do not allow (the rules still filter each row)', async () => {
    // A stray row (as a bug in the triggers would leave) must not widen access.
    await sql`insert into contract_readers (org_id, created_at, contract_id, ward_id)
              select ${w.companies.subcontractor}::uuid, created_at, id, ward_id from contracts
              where id = ${w.bicycleContractId}`.execute(t.handle.db);
    expect(await listed('subcontractor_manager')).not.toContain(w.bicycleContractId);
    await expectListsFollowRules();
  });
});
