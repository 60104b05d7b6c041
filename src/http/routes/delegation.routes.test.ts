import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVALS, approveDelegation, step } from '../../../test/helpers/approvals.js';
import {
  acknowledgedList,
  createContract,
  createHandler,
  expectStatus,
  putRegister,
  transition,
} from '../../../test/helpers/contracts.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// 委託の承認: the department applies, the chain signs, the council is informed (報告) or consulted
// (諮問); only an approved delegation lets a contract handling personal information start.

let t: TestApp;
let w: World;
let responsibleId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  responsibleId = (await createHandler(t, w.tokens.contractor_manager, '統括 責任者', '2026-03-01')).id;
});
afterAll(() => t.close());

async function preparedContract(overrides: Record<string, unknown> = {}) {
  const contract = await createContract(t, w, overrides);
  expectStatus(await putRegister(t, w.tokens.ward_officer, contract.id, 0), 200);
  await acknowledgedList(t, w, contract.id, responsibleId);
  return contract;
}

describe('delegation approval', () => {
  it('keeps a contract from starting until its delegation is approved', async () => {
    const contract = await preparedContract();
    const refused = await transition(t, w.tokens.ward_officer, contract, 'activate');
    expect(refused.status).toBe(409);
    expect(refused.body.missing.map((m: { code: string }) => m.code)).toEqual(['delegation-not-approved']);

    const approval = await approveDelegation(t, w, contract.id);
    expect(approval).toMatchObject({ kind: 'delegation', status: 'approved', councilMode: 'report' });
    expect(approval.application).toMatchObject({ title: contract.title, periodTo: '2027-03-31' });
    const active = expectStatus(await transition(t, w.tokens.ward_officer, contract, 'activate'), 200);
    expect(active.status).toBe('active');

    // reported to the council, filled from the records
    const items = expectStatus(
      await t.call('GET', '/api/v1/council/report-items?limit=200', { token: w.tokens.council_reviewer }),
      200,
    );
    const item = items.items.find((i: { approvalId: string }) => i.approvalId === approval.id);
    expect(item.content).toMatchObject({
      kind: 'delegation',
      department: '交通対策課',
      businessName: contract.title,
    });
    expect(item.content.items.provided[0]).toMatchObject({
      group: '撤去車両所有者',
      includesPastYears: true,
    });
    const pdf = await t.app.request(`/api/v1/council/report-items/${item.id}/pdf`, {
      headers: { authorization: `Bearer ${w.tokens.council_reviewer}` },
    });
    const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('委託先が収集する項目');
    expect(text).toContain('令和8年4月1日から令和9年3月31日まで');
  });

  it('waits for the council when it must be consulted (諮問), and follows its answer', async () => {
    const contract = await preparedContract();
    const signed = await approveDelegation(t, w, contract.id, 'consult');
    expect(signed.status).toBe('awaiting_council');
    expect((await transition(t, w.tokens.ward_officer, contract, 'activate')).status).toBe(409);
    const answered = expectStatus(
      await step(t, w, 'ward_officer', signed, 'council-answer', {
        answer: 'approve',
        answeredOn: '2026-12-10',
        comment: '答申：承認',
      }),
      200,
    );
    expect(answered).toMatchObject({
      status: 'approved',
      councilAnswer: { answer: 'approve', answeredOn: '2026-12-10' },
    });
    expect((await transition(t, w.tokens.ward_officer, contract, 'activate')).status).toBe(200);
  });

  it('refuses a second open application, and a new one when nothing material changed', async () => {
    const contract = await preparedContract();
    const applied = expectStatus(
      await t.call('POST', `/api/v1/contracts/${contract.id}/delegation-approval`, {
        token: w.tokens.ward_officer,
        json: {},
      }),
      201,
    );
    expect(
      (
        await t.call('POST', `/api/v1/contracts/${contract.id}/delegation-approval`, {
          token: w.tokens.ward_officer,
          json: {},
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await t.call('POST', `/api/v1/contracts/${contract.id}/delegation-approval`, {
          token: w.tokens.ward_chief,
          json: {},
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call('POST', `/api/v1/contracts/${contract.id}/delegation-approval`, {
          token: w.tokens.contractor_manager,
          json: {},
        })
      ).status,
    ).toBe(403);
    expect(applied.status).toBe('draft');
  });

  it('reopens for a material change and keeps what was approved as it was approved', async () => {
    const contract = await preparedContract();
    const first = await approveDelegation(t, w, contract.id);
    const register = expectStatus(
      await t.call('GET', `/api/v1/contracts/${contract.id}/register`, { token: w.tokens.ward_officer }),
      200,
    );
    const doc = structuredClone(register.document);
    doc.subjectGroups[0].items.push({ name: '勤務先', catalogueCode: 'workplace', direction: 'provided' });
    expectStatus(await putRegister(t, w.tokens.ward_officer, contract.id, register.revision, doc), 200);

    // the change itself reopened the approval: a new application in draft, listing what changed
    const open = expectStatus(
      await t.call('GET', `${APPROVALS}?contractId=${contract.id}&status=draft&view=full`, {
        token: w.tokens.ward_officer,
      }),
      200,
    );
    expect(open.items).toHaveLength(1);
    const second = open.items[0];
    expect(
      (
        await t.call('POST', `/api/v1/contracts/${contract.id}/delegation-approval`, {
          token: w.tokens.ward_officer,
          json: {},
        })
      ).status,
    ).toBe(409);
    expect(second.supersedesId).toBe(first.id);
    expect(second.application.changes).toEqual(['情報項目の追加: 撤去車両所有者の勤務先']);
    const before = expectStatus(
      await t.call('GET', `${APPROVALS}/${first.id}`, { token: w.tokens.ward_officer }),
      200,
    );
    const names = before.application.register.subjectGroups[0].items.map((i: { name: string }) => i.name);
    expect(names).not.toContain('勤務先');
    expect(before.status).toBe('approved');
  });

  it("lets a renewal start under its predecessor's approval unless its register grew", async () => {
    const contract = await preparedContract();
    await approveDelegation(t, w, contract.id);
    const active = expectStatus(await transition(t, w.tokens.ward_officer, contract, 'activate'), 200);
    const renew = (body: object) =>
      t.call('POST', `/api/v1/contracts/${active.id}/renew`, { token: w.tokens.ward_officer, json: body });
    const successor = expectStatus(await renew({ periodFrom: '2027-04-01', periodTo: '2028-03-31' }), 201);
    await acknowledgedList(t, w, successor.id, responsibleId);
    expect((await transition(t, w.tokens.ward_officer, successor, 'activate')).status).toBe(200);

    const grown = await preparedContract();
    await approveDelegation(t, w, grown.id);
    const grownActive = expectStatus(await transition(t, w.tokens.ward_officer, grown, 'activate'), 200);
    const next = expectStatus(
      await t.call('POST', `/api/v1/contracts/${grownActive.id}/renew`, {
        token: w.tokens.ward_officer,
        json: { periodFrom: '2027-04-01', periodTo: '2028-03-31' },
      }),
      201,
    );
    const register = expectStatus(
      await t.call('GET', `/api/v1/contracts/${next.id}/register`, { token: w.tokens.ward_officer }),
      200,
    );
    const doc = structuredClone(register.document);
    doc.media.push({ kind: 'other', name: 'タブレット端末' });
    expectStatus(await putRegister(t, w.tokens.ward_officer, next.id, register.revision, doc), 200);
    await acknowledgedList(t, w, next.id, responsibleId);
    const refused = await transition(t, w.tokens.ward_officer, next, 'activate');
    expect(refused.status).toBe(409);
    expect(refused.body.missing.map((m: { code: string }) => m.code)).toEqual(['delegation-not-approved']);
  });

  it('is invisible to other wards and companies', async () => {
    const contract = await preparedContract();
    const approval = await approveDelegation(t, w, contract.id);
    for (const who of ['other_ward_officer', 'other_contractor_manager', 'council_reviewer']) {
      expect((await t.call('GET', `${APPROVALS}/${approval.id}`, { token: w.tokens[who] })).status, who).toBe(
        404,
      );
    }
    const list = expectStatus(
      await t.call('GET', `${APPROVALS}?limit=200`, { token: w.tokens.other_ward_manager }),
      200,
    );
    expect(list.items).toEqual([]);
  });
});
