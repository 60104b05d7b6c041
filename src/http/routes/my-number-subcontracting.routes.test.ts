import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVALS, callCentreApplication, signOff, step } from '../../../test/helpers/approvals.js';
import { pageClient, textOf } from '../../../test/helpers/browser.js';
import { CONTRACTS, expectStatus } from '../../../test/helpers/contracts.js';
import { startSubcontract } from '../../../test/helpers/handover.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../test/helpers/world.js';

// 番号法 第10条: on a My Number contract every level's sub-contracting needs the municipality's own
// permission. The bicycle contract is made a My Number contract (an item of its register flagged
// 個人番号); the call centre (再委託, a depth-2 contract) is applied for and started through the API;
// its further sub-contracting (再々委託, depth 3) is then written the way an application under a
// more generous ward policy would be (this ward's policy and 丙第11項 refuse the application itself),
// and the companies above it try to decide it without the 区.

let t: TestApp;
let w: World;
const REASON_JA = '番号法第10条により、再委託には区の許諾が必要です';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  const { db } = t.handle;
  // the bicycle contract's register now holds 個人番号 (特定個人情報)
  const contract = await db
    .selectFrom('contracts')
    .select(['ward_id', 'register_revision'])
    .where('id', '=', w.bicycleContractId)
    .executeTakeFirstOrThrow();
  const revision = await db
    .selectFrom('register_revisions')
    .select('document')
    .where('contract_id', '=', w.bicycleContractId)
    .where('revision', '=', contract.register_revision)
    .executeTakeFirstOrThrow();
  const document = structuredClone(revision.document) as any;
  document.subjectGroups[0].items[0].myNumber = true;
  await db
    .updateTable('register_revisions')
    .set({ document: JSON.stringify(document) })
    .where('contract_id', '=', w.bicycleContractId)
    .where('revision', '=', contract.register_revision)
    .execute();
});
afterAll(() => t.close());

describe('番号法第10条: the 区 decides every level of sub-contracting of a My Number contract', () => {
  let first: { id: string; version: number; contractId: string };

  it('a first-level application (depth 2) is the 区’s to decide; its applicant is told why', async () => {
    const applied = expectStatus(
      await t.call('POST', `${CONTRACTS}/${w.bicycleContractId}/subcontract-applications`, {
        token: w.tokens.contractor_manager,
        json: callCentreApplication(w),
      }),
      201,
    );
    first = expectStatus(await step(t, w, 'contractor_manager', applied, 'submit'), 200);
    const alone = await step(t, w, 'contractor_manager', first, 'start-review');
    expect(alone.status).toBe(403);
    expect(alone.body.detail_ja).toBe(REASON_JA);
    expect(alone.body.detail).toContain('My Number Act');
    const read = expectStatus(
      await t.call('GET', `${APPROVALS}/${first.id}`, { token: w.tokens.contractor_manager }),
      200,
    );
    expect(read).toMatchObject({ status: 'submitted', myNumberAct: { ja: REASON_JA } });
    first = await signOff(t, w, read);
    expect(first).toMatchObject({ status: 'approved' });
    await startSubcontract(t, w, first.contractId);
  });

  describe('a further level (depth 3) applied for by the sub-contractor', () => {
    let second: { id: string; version: number };

    beforeAll(async () => {
      const { db } = t.handle;
      const sub = await db
        .selectFrom('contracts')
        .selectAll()
        .where('id', '=', first.contractId)
        .executeTakeFirstOrThrow();
      const firstRow = await db
        .selectFrom('approvals')
        .selectAll()
        .where('id', '=', first.id)
        .executeTakeFirstOrThrow();
      const { id: _c, ...subFields } = sub;
      const grandchild = await db
        .insertInto('contracts')
        .values({
          ...(subFields as any),
          parent_contract_id: sub.id,
          depth: 3,
          contractor_org_id: w.companies.otherContractor,
          chain_org_ids: [...sub.chain_org_ids, sub.contractor_org_id],
          contractor_access: false,
          status: 'draft',
          started_at: null,
          title: '自転車対策コールセンター（再々委託）',
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: _a, ...approvalFields } = firstRow;
      const row = await db
        .insertInto('approvals')
        .values({
          ...(approvalFields as any),
          number: 'R8-再委託-9001',
          contract_id: grandchild.id,
          parent_contract_id: sub.id,
          applicant_org_id: w.companies.subcontractor,
          status: 'submitted',
          step: 0,
          decided_at: null,
          application: JSON.stringify({
            ...(firstRow.application as object),
            subcontractorOrgId: w.companies.otherContractor,
          }),
          version: 1,
        })
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
      second = row;
    });

    it('cannot be approved by the company above (乙) or by the applicant (丙): 403 naming 番号法第10条, nothing changed', async () => {
      for (const who of ['contractor_manager', 'subcontractor_manager']) {
        for (const command of ['start-review', 'approve', 'reject', 'send-back']) {
          const alone = await step(t, w, who, second, command);
          expect(alone.status, `${who} ${command}`).toBe(403);
          expect(alone.body.detail_ja).toBe(REASON_JA);
        }
      }
      // the company above reads it (it answers for its sub-contractors), and is offered no decision
      const read = expectStatus(
        await t.call('GET', `${APPROVALS}/${second.id}`, { token: w.tokens.contractor_manager }),
        200,
      );
      expect(read).toMatchObject({
        status: 'submitted',
        step: 0,
        version: second.version,
        allowedActions: [],
      });
      expect(read.myNumberAct.ja).toBe(REASON_JA);
      // a company outside the chain still learns nothing: 404, not the reason
      const outsider = await step(t, w, 'other_ward_company_manager', second, 'approve');
      expect(outsider.status).toBe(404);
      expect(outsider.body.detail_ja).not.toContain('番号法');
    });

    it('is approved only by the 区’s own chain (担当者 → 係長 → 課長)', async () => {
      const approved = await signOff(t, w, second);
      expect(approved.status).toBe('approved');
      const full = expectStatus(
        await t.call('GET', `${APPROVALS}/${second.id}`, { token: w.tokens.ward_officer }),
        200,
      );
      expect(full.steps.map((s: { role: string }) => s.role)).toEqual([
        'ward_officer',
        'ward_officer',
        'ward_chief',
        'ward_manager',
      ]);
    });

    it('shows the reason on the application’s page, in the municipality’s word', async () => {
      const page = await (await pageClient(t, USERS.contractor_manager!.email)).get(
        `/approvals/${second.id}`,
      );
      expect(page.status).toBe(200);
      expect(textOf(page.html)).toContain(REASON_JA);
    });
  });

  it('says nothing of 番号法 on a contract without 個人番号', async () => {
    const other = expectStatus(
      await t.call('GET', `${APPROVALS}?kind=delegation&limit=1`, { token: w.tokens.ward_officer }),
      200,
    ).items[0];
    const read = expectStatus(
      await t.call('GET', `${APPROVALS}/${other.id}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(read.myNumberAct).toBeNull();
  });
});
