import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVALS } from '../../../test/helpers/approvals.js';
import { pageClient, textOf } from '../../../test/helpers/browser.js';
import { CONTRACTS, countRows, expectStatus, transition } from '../../../test/helpers/contracts.js';
import { approvedCallCentre } from '../../../test/helpers/handover.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../test/helpers/world.js';

// 契約解除 (termination for breach): the 課長 records its grounds — reason, article, date — and the
// contract begins its end, its sub-contract following it without any approval being revoked.

let t: TestApp;
let w: World;
let sub: { contractId: string; approvalId: string };

const get = (path: string, who: string) => t.call('GET', path, { token: w.tokens[who] });
const contract = async (id: string) => expectStatus(await get(`${CONTRACTS}/${id}`, 'ward_officer'), 200);
const terminate = (who: string, version: number, body: object) =>
  t.call('POST', `${CONTRACTS}/${w.bicycleContractId}/terminate`, {
    token: w.tokens[who],
    json: { version, ...body },
  });
const GROUNDS = {
  reason: '再委託先の承認を得ずに撤去車両所有者情報を複製し、改善の指示にも従わなかったため',
  article: '特記事項第14条',
  terminatedOn: '2026-11-20',
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  sub = await approvedCallCentre(t, w);
});
afterAll(() => t.close());

describe('termination for breach (契約解除)', () => {
  it('is offered to the 課長 only, and refused to others without a change', async () => {
    const k = await contract(w.bicycleContractId);
    expect(k.allowedActions).not.toContain('terminate');
    const forManager = expectStatus(await get(`${CONTRACTS}/${w.bicycleContractId}`, 'ward_manager'), 200);
    expect(forManager.allowedActions).toContain('terminate');
    const audits = await countRows(t, 'audit_entries');
    expect((await terminate('ward_officer', k.version, GROUNDS)).status).toBe(403);
    expect((await terminate('contractor_manager', k.version, GROUNDS)).status).toBe(403);
    expect((await terminate('other_ward_manager', k.version, GROUNDS)).status).toBe(404);
    expect(await countRows(t, 'audit_entries')).toBe(audits);
  });

  it('needs its grounds: a reason, an article and a date not in the future (422, in Japanese)', async () => {
    const { version } = await contract(w.bicycleContractId);
    const blank = await terminate('ward_manager', version, { ...GROUNDS, reason: '  ', article: '' });
    expect(blank.status).toBe(422);
    expect(blank.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'json.article',
      'json.reason',
    ]);
    const future = await terminate('ward_manager', version, { ...GROUNDS, terminatedOn: '2099-04-01' });
    expect(future.status).toBe(422);
    expect(future.body.errors[0]).toMatchObject({
      path: 'terminatedOn',
      message_ja: expect.stringContaining('将来'),
    });
    expect((await contract(w.bicycleContractId)).status).toBe('active');
  });

  it('records the grounds, audited, and ends the contract with its sub-contract', async () => {
    const { version } = await contract(w.bicycleContractId);
    const ended = expectStatus(await terminate('ward_manager', version, GROUNDS), 200);
    expect(ended).toMatchObject({
      status: 'ending',
      termination: { ...GROUNDS, recordedBy: expect.any(String), recordedAt: expect.any(String) },
    });
    expect(await contract(sub.contractId)).toMatchObject({ status: 'ending', endedWithParent: true });
    const approval = expectStatus(await get(`${APPROVALS}/${sub.approvalId}`, 'ward_officer'), 200);
    expect(approval.status).toBe('approved');
    expect((await get(`${CONTRACTS}/${sub.contractId}`, 'subcontractor_manager')).status).toBe(200);

    const audit = expectStatus(
      await get(`/api/v1/audit-entries?subjectId=${w.bicycleContractId}`, 'ward_manager'),
      200,
    );
    const entry = audit.items.find((e: { action: string }) => e.action === 'contract.terminate');
    expect(entry.after).toMatchObject({ status: 'ending', ...GROUNDS });
  });

  it('does not resume: the 409 says a new contract must be applied for', async () => {
    const refused = await transition(t, w.tokens.ward_officer, await contract(w.bicycleContractId), 'resume');
    expect(refused.status).toBe(409);
    expect(refused.body.missing.map((m: { code: string }) => m.code)).toEqual(['terminated']);
    expect(refused.body.detail_ja).toContain('解除されています');
  });

  it('is shown on the contract page', async () => {
    const officer = await pageClient(t, USERS.ward_officer!.email);
    const page = await officer.get(`/contracts/${w.bicycleContractId}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('契約解除');
    expect(text).toContain('特記事項第14条');
    expect(text).toContain(GROUNDS.reason);
    expect(text).toContain('終了手続中');
    const subPage = textOf((await officer.get(`/contracts/${sub.contractId}`)).html);
    expect(subPage).toContain('親契約の終了手続に伴い終了手続中です');
  });
});
