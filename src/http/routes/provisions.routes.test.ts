import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreApplication, signOff, step } from '../../../test/helpers/approvals.js';
import {
  CONTRACTS,
  createContract,
  createHandler,
  expectStatus,
  submitList,
  transition,
} from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// 特記事項 as records: each contract holds the template version it was made under (新宿区 uses its
// seed 003 乙 provisions), a sub-contract carries the flow-down 丙 and its sub-contractor accepts
// them, and refusals name the article that imposes the rule.

let t: TestApp;
let w: World;
const provisionsOf = (contractId: string, who: string) =>
  t.call('GET', `${CONTRACTS}/${contractId}/provisions`, { token: w.tokens[who] });

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('the templates', () => {
  it('lists seed 001 別紙7 and seed 003 乙・丙 to signed-in users only', async () => {
    expect((await t.call('GET', '/api/v1/provision-templates')).status).toBe(401);
    const list = expectStatus(
      await t.call('GET', '/api/v1/provision-templates', { token: w.tokens.contractor_staff }),
      200,
    );
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([
      'toshima-annex7',
      'shinjuku-contractor',
      'shinjuku-subcontractor',
      'nankoku-my-number-card',
    ]);
    const annex7 = expectStatus(
      await t.call('GET', '/api/v1/provision-templates/toshima-annex7/versions/1', {
        token: w.tokens.ward_officer,
      }),
      200,
    );
    expect(annex7.articles[15]).toMatchObject({ label: '第16条', heading: '契約解除' });
    expect(
      (
        await t.call('GET', '/api/v1/provision-templates/toshima-annex7/versions/9', {
          token: w.tokens.ward_officer,
        })
      ).status,
    ).toBe(404);
  });
});

describe("a contract's provisions", () => {
  it("are the ward's chosen template at its version, readable by whoever reads the contract", async () => {
    const mine = expectStatus(await provisionsOf(w.bicycleContractId, 'contractor_staff'), 200);
    expect(mine).toMatchObject({
      template: { id: 'shinjuku-contractor', version: 1, party: 'contractor' },
      acceptedAt: null,
      allowedActions: [],
    });
    expect((await provisionsOf(w.bicycleContractId, 'council_reviewer')).status).toBe(200);
    for (const outsider of ['other_contractor_manager', 'other_ward_officer', 'subcontractor_manager']) {
      const res = await provisionsOf(w.bicycleContractId, outsider);
      expect(res.status, outsider).toBe(404);
    }
    // the started contract's text is fixed: the officer may not choose another
    const officer = expectStatus(await provisionsOf(w.bicycleContractId, 'ward_officer'), 200);
    expect(officer.allowedActions).toEqual([]);
    const refused = await t.call('PUT', `${CONTRACTS}/${w.bicycleContractId}/provisions`, {
      token: w.tokens.ward_officer,
      json: { templateId: 'toshima-annex7', version: officer.version },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail_ja).toContain('履行開始前');
  });

  it('are chosen by the privacy officer while the contract is a draft, and refusals change nothing', async () => {
    const draft = await createContract(t, w, { title: '特記事項の選択を試す契約' });
    const before = expectStatus(await provisionsOf(draft.id, 'ward_officer'), 200);
    expect(before.allowedActions).toEqual(['choose']);
    const put = (who: string, body: object) =>
      t.call('PUT', `${CONTRACTS}/${draft.id}/provisions`, { token: w.tokens[who], json: body });
    expect((await put('ward_officer', { templateId: 'no-such', version: before.version })).status).toBe(422);
    const sub = await put('ward_officer', { templateId: 'shinjuku-subcontractor', version: before.version });
    expect(sub.status).toBe(422);
    expect(sub.body.errors[0].message_ja).toContain('再委託先用');
    expect((await put('ward_chief', { templateId: 'toshima-annex7', version: before.version })).status).toBe(
      403,
    );
    expect(
      (await put('other_ward_officer', { templateId: 'toshima-annex7', version: before.version })).status,
    ).toBe(404);
    expect(
      (await put('ward_officer', { templateId: 'toshima-annex7', version: before.version + 1 })).status,
    ).toBe(409);
    expect(expectStatus(await provisionsOf(draft.id, 'ward_officer'), 200)).toMatchObject({
      template: { id: 'shinjuku-contractor' },
      version: before.version,
    });

    const chosen = expectStatus(
      await put('ward_officer', { templateId: 'toshima-annex7', version: before.version }),
      200,
    );
    expect(chosen).toMatchObject({
      template: { id: 'toshima-annex7', version: 1 },
      version: before.version + 1,
    });
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', draft.id)
      .where('action', '=', 'contract.provisions_choose')
      .execute();
    expect(audit).toHaveLength(1);

    // the refusal to start names the article of the chosen provisions (別紙7 第2条第1項: the data items)
    const activate = await transition(t, w.tokens.ward_officer, draft, 'activate');
    expect(activate.status).toBe(409);
    const missing = activate.body.missing.find((m: { code: string }) => m.code === 'register-missing');
    expect(missing).toMatchObject({ article: '第2条第1項' });
    expect(activate.body.detail_ja).toContain('（特記事項 第2条第1項）');
  });

  it('name their secrecy article beside a pledge that is missing (乙第2項)', async () => {
    const handler = await createHandler(t, w.tokens.contractor_manager, '誓約未提出 太郎');
    const res = await submitList(t, w.tokens.contractor_manager, w.bicycleContractId, [
      { handlerId: handler.id, role: 'responsible', effectiveFrom: '2026-04-01' },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].message_ja).toContain('誓約書');
    expect(res.body.errors[0].message_ja).toContain('（特記事項 第2項）');
  });
});

describe("a sub-contract's flow-down provisions (丙)", () => {
  let subId: string;

  it('are the parent’s flow-down, accepted by the sub-contractor’s manager once', async () => {
    const applied = expectStatus(
      await t.call('POST', `${CONTRACTS}/${w.bicycleContractId}/subcontract-applications`, {
        token: w.tokens.contractor_manager,
        json: callCentreApplication(w),
      }),
      201,
    );
    subId = applied.contractId;
    expect(expectStatus(await provisionsOf(subId, 'contractor_manager'), 200)).toMatchObject({
      template: { id: 'shinjuku-subcontractor', party: 'subcontractor', forbidsSubcontracting: true },
      acceptedAt: null,
    });
    // not the sub-contractor's to see before the ward approves
    expect((await provisionsOf(subId, 'subcontractor_manager')).status).toBe(404);
    const submitted = expectStatus(await step(t, w, 'contractor_manager', applied, 'submit'), 200);
    await signOff(t, w, submitted);

    const seen = expectStatus(await provisionsOf(subId, 'subcontractor_manager'), 200);
    expect(seen.allowedActions).toEqual(['accept']);
    const accept = (who: string, body: object) =>
      t.call('POST', `${CONTRACTS}/${subId}/provisions/acceptance`, { token: w.tokens[who], json: body });
    expect((await accept('subcontractor_manager', { acceptedName: '', version: seen.version })).status).toBe(
      422,
    );
    expect(
      (await accept('contractor_manager', { acceptedName: '乙が代理', version: seen.version })).status,
    ).toBe(403);
    expect(
      (await accept('subcontractor_staff', { acceptedName: '取扱者', version: seen.version })).status,
    ).toBe(403);
    expect(
      (await accept('other_contractor_manager', { acceptedName: '他社', version: seen.version })).status,
    ).toBe(404);
    const accepted = expectStatus(
      await accept('subcontractor_manager', {
        acceptedName: 'コールセンター・ジャパン 統括責任者 山田花子',
        version: seen.version,
      }),
      200,
    );
    expect(accepted).toMatchObject({
      acceptedName: 'コールセンター・ジャパン 統括責任者 山田花子',
      allowedActions: [],
    });
    expect(accepted.acceptedAt).toEqual(expect.any(String));
    const again = await accept('subcontractor_manager', {
      acceptedName: '二度目',
      version: accepted.version,
    });
    expect(again.status).toBe(409);
    // the contractor, who answers for its sub-contractor, sees the acceptance
    expect(expectStatus(await provisionsOf(subId, 'contractor_manager'), 200).acceptedName).toContain(
      '山田花子',
    );
  });

  it('forbid the sub-contractor any further sub-contracting (丙第11項)', async () => {
    const res = await t.call('POST', `${CONTRACTS}/${subId}/subcontract-applications`, {
      token: w.tokens.subcontractor_manager,
      json: callCentreApplication(w, { subcontractor: { name: '株式会社孫請' } }),
    });
    expect(res.status).toBe(422);
    const messages = res.body.errors.map((e: { message_ja: string }) => e.message_ja).join('\n');
    expect(messages).toContain('特記事項により、再委託はできません（特記事項 第11項）');
  });
});
