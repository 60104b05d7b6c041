import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTRACTS,
  countRows,
  createContract,
  expectStatus,
  putRegister,
  REGISTER,
  transition,
} from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';
import { contractWorkflow } from '../../domain/contracts/contract.workflow.js';
import { machineColumns } from '../../domain/shared/stored-snapshot.js';

let t: TestApp;
let w: World;
let parent: { id: string; departmentId: string };
let sub: string;
const NO_MEASURES = JSON.stringify({ operational: [], system: [] });

/** The contractor's part for the call centre (再委託): owners' names and phone numbers, on paper. */
const SUBSET = {
  subjectGroups: [
    {
      name: '撤去車両所有者',
      items: [
        { name: '氏名', catalogueCode: 'name', direction: 'provided' },
        { name: '電話番号', catalogueCode: 'phone', direction: 'collected' },
      ],
    },
  ],
  media: [{ kind: 'paper', name: '放置自転車等返還請求書' }],
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  parent = await createContract(t, w);
  expectStatus(await putRegister(t, w.tokens.ward_officer!, parent.id, 0), 200);
  // Sub-contracts are not creatable through the API yet (the approvals feature will do it).
  const row = await t.handle.db
    .insertInto('contracts')
    .values({
      ward_id: w.wardId,
      department_id: parent.departmentId,
      parent_contract_id: parent.id,
      depth: 2,
      contractor_org_id: w.companies.subcontractor,
      chain_org_ids: [w.companies.contractor],
      contractor_access: true,
      title: '放置自転車等返還に関する電話受付業務（再委託）',
      period_from: '2026-04-01',
      period_to: '2027-03-31',
      handles_personal_info: true,
      ward_measures: NO_MEASURES,
      contractor_measures: NO_MEASURES,
      ...machineColumns(contractWorkflow),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  sub = row.id;
});
afterAll(() => t.close());

const japanese = /[ぁ-んァ-ヶ一-龠]/;

describe('a sub-contract’s register stays within its parent’s (再委託先の情報項目)', () => {
  /** A refused save of the sub-contract's register: 422 naming the item, and no new revision. */
  async function expectOutside(doc: object, path: string, name: string) {
    const before = await countRows(t, 'register_revisions');
    const current = (await t.call('GET', `${CONTRACTS}/${sub}/register`, { token: w.tokens.ward_officer }))
      .body;
    const res = await putRegister(t, w.tokens.ward_officer!, sub, current.revision, doc);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body.detail_ja).toMatch(japanese);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path, message_ja: expect.stringContaining(name) }),
    ]);
    expect(res.body.errors[0].message_ja).toContain('委託元の情報項目に含まれていません');
    expect(await countRows(t, 'register_revisions')).toBe(before);
    const after = (await t.call('GET', `${CONTRACTS}/${sub}/register`, { token: w.tokens.ward_officer }))
      .body;
    expect(after).toEqual(current);
  }

  it('saves items and media that are inside the parent’s', async () => {
    const res = await putRegister(t, w.tokens.ward_officer!, sub, 0, SUBSET);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.revision).toBe(1);
    expect(res.body.document.subjectGroups[0].items.map((i: { name: string }) => i.name)).toEqual([
      '氏名',
      '電話番号',
    ]);
  });

  it('refuses an item the parent does not have, naming it', async () => {
    const [group] = SUBSET.subjectGroups;
    const doc = {
      ...SUBSET,
      subjectGroups: [
        {
          ...group,
          items: [
            ...group!.items,
            { name: 'メールアドレス', catalogueCode: 'email', direction: 'collected' },
          ],
        },
      ],
    };
    await expectOutside(doc, 'subjectGroups.0.items.2', 'メールアドレス');
  });

  it('refuses a parent’s item in the other direction, or under another subject group', async () => {
    const provided = { name: '電話番号', catalogueCode: 'phone', direction: 'provided' };
    await expectOutside(
      { ...SUBSET, subjectGroups: [{ name: '撤去車両所有者', items: [provided] }] },
      'subjectGroups.0.items.0',
      '電話番号',
    );
    const inquiry = { name: '問合せ内容', catalogueCode: 'inquiry', direction: 'collected' };
    await expectOutside(
      { ...SUBSET, subjectGroups: [{ name: '撤去車両所有者', items: [inquiry] }] },
      'subjectGroups.0.items.0',
      '問合せ内容',
    );
  });

  it('refuses a medium the parent does not have, naming it', async () => {
    const doc = {
      ...SUBSET,
      media: [...SUBSET.media, { kind: 'contractor_pc', name: 'コールセンター端末' }],
    };
    await expectOutside(doc, 'media.1', 'コールセンター端末');
  });
});

describe('who reads and writes a register', () => {
  it.each([
    ['contractor_manager', 'parent', 200],
    ['contractor_staff', 'parent', 200],
    ['other_contractor_manager', 'parent', 404],
    ['subcontractor_manager', 'sub', 200],
    ['subcontractor_staff', 'sub', 200],
    ['subcontractor_manager', 'parent', 404],
    ['contractor_manager', 'sub', 200],
    ['other_contractor_manager', 'sub', 404],
    ['council_reviewer', 'parent', 200],
    ['inspector', 'sub', 200],
    ['other_ward_officer', 'parent', 404],
  ])('%s reading the %s register → %i', async (who, which, status) => {
    const id = which === 'parent' ? parent.id : sub;
    for (const path of ['register', 'register/revisions']) {
      const res = await t.call('GET', `${CONTRACTS}/${id}/${path}`, { token: w.tokens[who] });
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(status);
    }
  });

  it.each([
    ['council_reviewer', 403],
    ['ward_chief', 403],
    ['contractor_manager', 403],
    ['subcontractor_manager', 404],
    ['other_ward_officer', 404],
  ])('%s saving the parent’s register → %i, and nothing saved', async (who, status) => {
    const before = await countRows(t, 'register_revisions');
    const res = await putRegister(t, w.tokens[who]!, parent.id, 1, REGISTER);
    expect(res.status).toBe(status);
    expect(res.body.detail_ja).toMatch(japanese);
    expect(await countRows(t, 'register_revisions')).toBe(before);
  });
});

it('refuses to change a closed contract’s register (409)', async () => {
  let contract = await createContract(t, w, { handlesPersonalInfo: false, processingModes: [] });
  expectStatus(await putRegister(t, w.tokens.ward_officer!, contract.id, 0, SUBSET), 200);
  for (const command of ['activate', 'begin-ending', 'close']) {
    contract = expectStatus(await transition(t, w.tokens.ward_officer!, contract as never, command), 200);
  }
  const before = await countRows(t, 'register_revisions');
  const res = await putRegister(t, w.tokens.ward_officer!, contract.id, 1, REGISTER);
  expect(res.status, JSON.stringify(res.body)).toBe(409);
  expect(res.body).toMatchObject({ state: 'closed' });
  expect(res.body.detail_ja).toMatch(japanese);
  expect(await countRows(t, 'register_revisions')).toBe(before);
  expect(
    (await t.call('GET', `${CONTRACTS}/${contract.id}/register`, { token: w.tokens.ward_officer })).body
      .revision,
  ).toBe(1);
});
