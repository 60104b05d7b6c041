import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDelegation } from '../../../test/helpers/approvals.js';
import {
  CONTRACTS,
  countRows,
  createContract,
  createHandler,
  expectStatus,
  putRegister,
  submitList,
  transition,
} from '../../../test/helpers/contracts.js';
import { certifyFinalErasure } from '../../../test/helpers/handover.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

let t: TestApp;
let w: World;
let responsibleId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  responsibleId = (await createHandler(t, w.tokens.contractor_manager, '山田 花子', '2026-03-01')).id;
});
afterAll(() => t.close());

const japanese = /[ぁ-んァ-ヶ一-龠]/;

/** A refused transition: 409 problem+json, and the contract exactly as it was. */
async function expectRefused(
  contract: { id: string; version: number },
  command: string,
  who = 'ward_officer',
  status = 409,
) {
  const before = (await t.call('GET', `${CONTRACTS}/${contract.id}`, { token: w.tokens.ward_officer })).body;
  const audits = await countRows(t, 'audit_entries');
  const res = await transition(t, w.tokens[who]!, contract, command);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(res.body.detail_ja).toMatch(japanese);
  expect((await t.call('GET', `${CONTRACTS}/${contract.id}`, { token: w.tokens.ward_officer })).body).toEqual(
    before,
  );
  expect(await countRows(t, 'audit_entries')).toBe(audits);
  return res.body;
}

describe('the life of a contract: draft → active → ending → closed', () => {
  let contract: { id: string; version: number; status: string };

  beforeAll(async () => {
    contract = await createContract(t, w);
  });

  const missingCodes = async () =>
    (await expectRefused(contract, 'activate')).missing.map((b: { code: string }) => b.code);

  it('refuses to activate while the register and the handler list are missing, naming both', async () => {
    const body = await expectRefused(contract, 'activate');
    expect(body).toMatchObject({ type: '/problems/conflict', state: 'draft', event: 'ACTIVATE' });
    expect(body.missing.map((b: { code: string }) => b.code)).toEqual([
      'register-missing',
      'handler-list-missing',
      'delegation-not-approved',
    ]);
    expect(body.detail_ja).toContain('情報項目');
    expect(body.detail_ja).toContain('名簿');
  });

  it('still refuses with a register of subject groups but no items', async () => {
    const empty = { subjectGroups: [{ name: '撤去車両所有者', items: [] }], media: [] };
    expectStatus(await putRegister(t, w.tokens.ward_officer, contract.id, 0, empty), 200);
    expect(await missingCodes()).toEqual([
      'register-missing',
      'handler-list-missing',
      'delegation-not-approved',
    ]);
  });

  it('needs the list acknowledged, not only submitted', async () => {
    expectStatus(await putRegister(t, w.tokens.ward_officer, contract.id, 1), 200);
    expect(await missingCodes()).toEqual(['handler-list-missing', 'delegation-not-approved']);
    const submitted = expectStatus(
      await submitList(t, w.tokens.contractor_manager, contract.id, [
        { handlerId: responsibleId, role: 'responsible', effectiveFrom: '2026-04-01' },
      ]),
      201,
    );
    expect(await missingCodes()).toEqual(['handler-list-missing', 'delegation-not-approved']);
    const ack = await t.call(
      'POST',
      `${CONTRACTS}/${contract.id}/handler-lists/${submitted.id}/acknowledge`,
      {
        token: w.tokens.ward_officer,
        json: { version: submitted.version },
      },
    );
    expectStatus(ack, 200);
    expect(await missingCodes()).toEqual(['delegation-not-approved']);
    await approveDelegation(t, w, contract.id);
  });

  it('is changed only by the ward officer, with the current version', async () => {
    await expectRefused(contract, 'activate', 'contractor_manager', 403);
    await expectRefused(contract, 'activate', 'ward_chief', 403);
    await expectRefused(contract, 'activate', 'other_ward_officer', 404);
    const stale = await expectRefused({ ...contract, version: 7 }, 'activate');
    expect(stale.currentVersion).toBe(1);
  });

  it('activates, ends, resumes; refuses to close an active contract; closes an ending one', async () => {
    const step = async (command: string, status: string) => {
      const res = await transition(t, w.tokens.ward_officer, contract, command);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ status, version: contract.version + 1 });
      contract = res.body;
    };
    await step('activate', 'active');
    await expectRefused(contract, 'activate');
    await expectRefused(contract, 'resume');
    await step('begin-ending', 'ending');
    await step('resume', 'active');

    // a started contract cannot shed (or take on) personal information by an edit: the gates it
    // passed and the erasure it owes depend on it
    const flip = await t.call('PATCH', `${CONTRACTS}/${contract.id}`, {
      token: w.tokens.ward_officer,
      json: { version: contract.version, handlesPersonalInfo: false, processingModes: [] },
    });
    expect(flip.status).toBe(409);
    expect(flip.body.detail_ja).toContain('個人情報の取扱いの有無');
    const same = await t.call('PATCH', `${CONTRACTS}/${contract.id}`, {
      token: w.tokens.ward_officer,
      json: { version: contract.version, handlesPersonalInfo: true, title: '自転車対策業務委託（改）' },
    });
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    contract = same.body;

    const refused = await expectRefused(contract, 'close');
    expect(refused).toMatchObject({ state: 'active', event: 'CLOSE' });
    expect(refused).not.toHaveProperty('missing');
    expect(refused.detail_ja).toContain('履行中');

    await step('begin-ending', 'ending');
    // the closing gate (消去証明書): the contractor certifies its erasure first
    await certifyFinalErasure(t, w.tokens.contractor_manager!, contract.id, responsibleId);
    await step('close', 'closed');
    for (const command of ['activate', 'begin-ending', 'resume', 'close']) {
      expect(await expectRefused(contract, command)).toMatchObject({ state: 'closed' });
    }

    const actions = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', contract.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action).filter((a) => a.startsWith('contract.'))).toEqual([
      'contract.create',
      'contract.activate',
      'contract.begin-ending',
      'contract.resume',
      'contract.update',
      'contract.begin-ending',
      'contract.close',
    ]);
  });

  it('keeps a closed contract as history: PATCH is refused and nothing changes', async () => {
    const path = `${CONTRACTS}/${contract.id}`;
    const res = await t.call('PATCH', path, {
      token: w.tokens.ward_officer,
      json: { version: contract.version, title: '完了後の変更' },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ state: 'closed' });
    expect(res.body.detail_ja).toMatch(japanese);
    expect((await t.call('GET', path, { token: w.tokens.ward_officer })).body).toEqual(contract);
  });
});

it('activates a contract that handles no personal information without register or list', async () => {
  const contract = await createContract(t, w, { handlesPersonalInfo: false, processingModes: [] });
  const res = await transition(t, w.tokens.ward_officer, contract, 'activate');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.status).toBe('active');
});

it('looks at the list of this contract’s contractor only', async () => {
  // an acknowledged list of the same contractor for another contract does not count
  const contract = await createContract(t, w);
  expectStatus(await putRegister(t, w.tokens.ward_officer, contract.id, 0), 200);
  const other = await createContract(t, w);
  const submitted = expectStatus(
    await submitList(t, w.tokens.contractor_manager, other.id, [
      { handlerId: responsibleId, role: 'responsible', effectiveFrom: '2026-04-01' },
    ]),
    201,
  );
  const ack = `${CONTRACTS}/${other.id}/handler-lists/${submitted.id}/acknowledge`;
  expectStatus(await t.call('POST', ack, { token: w.tokens.ward_officer, json: { version: 1 } }), 200);
  const body = await expectRefused(contract, 'activate');
  expect(body.missing.map((b: { code: string }) => b.code)).toEqual([
    'handler-list-missing',
    'delegation-not-approved',
  ]);
});
