import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACTS, createContract, putRegister } from '../../../test/helpers/contracts.js';
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
const officer = () => w.tokens.ward_officer!;
const getRegister = (id: string, query = '', token = officer()) =>
  t.call('GET', `${CONTRACTS}/${id}/register${query}`, { token });

/** A register of one group whose items are `items`. */
const withItems = (...items: object[]) => ({
  subjectGroups: [{ name: '問合せ者', items }],
  media: [{ kind: 'paper', name: '相談受付票' }],
});

/** A refused save: problem+json, and the register still at `revision`. */
async function expectRefused(
  contractId: string,
  res: { status: number; body: any; headers: Headers },
  status: number,
  revision: number,
) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(res.body.detail_ja).toMatch(japanese);
  expect((await getRegister(contractId)).body.revision).toBe(revision);
  const contract = await t.call('GET', `${CONTRACTS}/${contractId}`, { token: officer() });
  expect(contract.body.registerRevision).toBe(revision);
  return res.body;
}

describe('the catalogue (情報項目の候補) and sensitive items', () => {
  let contract: { id: string };
  let revision = 0;

  beforeAll(async () => {
    contract = await createContract(t, w);
  });

  const save = async (doc: object) => {
    const res = await putRegister(t, officer(), contract.id, revision, doc);
    if (res.status === 200) revision = res.body.revision;
    return res;
  };

  it('offers the standard items, My Number and the three special categories', async () => {
    const res = await t.call('GET', '/api/v1/data-item-catalogue', { token: w.tokens.contractor_staff });
    expect(res.status).toBe(200);
    const byName = new Map(res.body.items.map((i: { name: string }) => [i.name, i]));
    expect(byName.get('氏名')).toMatchObject({
      code: 'name',
      standard: true,
      specialCategory: null,
      myNumber: false,
    });
    expect(byName.get('自転車防犯登録番号')).toMatchObject({ code: 'bicycle_registration', standard: true });
    expect(byName.get('個人番号（マイナンバー）')).toMatchObject({ code: 'my_number', myNumber: true });
    const special = res.body.items.filter((i: { specialCategory: string | null }) => i.specialCategory);
    expect(special.map((i: { specialCategory: string }) => i.specialCategory).sort()).toEqual([
      'belief',
      'crime',
      'social_status',
    ]);
  });

  it('refuses a special category without the ward’s approval, naming the item (422)', async () => {
    const res = await save(
      withItems(
        { name: '氏名', direction: 'collected' },
        {
          name: '犯罪の経歴',
          catalogueCode: 'criminal_record',
          direction: 'collected',
          specialCategory: null,
        },
      ),
    );
    const body = await expectRefused(contract.id, res, 422, 0);
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: 'subjectGroups.0.items.1.specialApproval',
        message_ja: expect.stringContaining('犯罪の経歴'),
      }),
    ]);
  });

  it('records the approval with the officer, and keeps it on the next revision', async () => {
    const crime = { name: '犯罪の経歴', catalogueCode: 'criminal_record', direction: 'collected' };
    const res = await save(withItems({ ...crime, specialApprovalNote: '令和8年11月 審議会報告済み' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const approved = res.body.document.subjectGroups[0].items[0];
    expect(approved).toMatchObject({
      specialCategory: 'crime',
      specialApproval: {
        approvedBy: w.userIds.ward_officer,
        approvedAt: t.clock.now().toISOString(),
        note: '令和8年11月 審議会報告済み',
      },
    });
    t.clock.advance(60_000);
    const next = await save(withItems(crime, { name: '氏名', direction: 'collected' }));
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect(next.body.revision).toBe(2);
    expect(next.body.document.subjectGroups[0].items[0]).toEqual(approved);
  });

  it('needs an approval for a special category named by hand, too', async () => {
    const res = await save(
      withItems({ name: '信仰する宗教', direction: 'collected', specialCategory: 'belief' }),
    );
    const body = await expectRefused(contract.id, res, 422, revision);
    expect(body.errors[0].message_ja).toContain('信仰する宗教');
  });

  it('marks My Number from the catalogue even when the client says otherwise', async () => {
    const res = await save(
      withItems({ name: '個人番号', catalogueCode: 'my_number', direction: 'provided', myNumber: false }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.document.subjectGroups[0].items[0]).toMatchObject({
      myNumber: true,
      catalogueCode: 'my_number',
    });
  });

  it('refuses an unknown catalogue code, naming it (422)', async () => {
    const res = await save(
      withItems({ name: '血液型', catalogueCode: 'blood_type', direction: 'collected' }),
    );
    const body = await expectRefused(contract.id, res, 422, revision);
    expect(body.errors[0].message_ja).toContain('blood_type');
  });

  it('lets a ward add its own items, which another ward neither sees nor may use', async () => {
    const item = { code: 'parking_permit', name: '駐輪場利用許可番号', nameEn: 'Parking permit number' };
    const add = await t.call('POST', '/api/v1/data-item-catalogue', { token: officer(), json: item });
    expect(add.status, JSON.stringify(add.body)).toBe(201);
    expect(add.body).toMatchObject({ ...item, standard: false, myNumber: false, specialCategory: null });

    const codes = async (who: string) =>
      (await t.call('GET', '/api/v1/data-item-catalogue', { token: w.tokens[who] })).body.items.map(
        (i: { code: string }) => i.code,
      );
    expect(await codes('ward_chief')).toContain('parking_permit');
    expect(await codes('other_ward_officer')).not.toContain('parking_permit');
    expect(await codes('other_ward_officer')).toContain('name');

    const used = await save(
      withItems({ name: '駐輪場利用許可番号', catalogueCode: 'parking_permit', direction: 'collected' }),
    );
    expect(used.status, JSON.stringify(used.body)).toBe(200);
    // 練馬区 cannot pick 新宿区's item, until it adds one of its own under the same code
    const nerima = await t.handle.db
      .selectFrom('departments')
      .select('id')
      .where('ward_id', '=', w.otherWardId)
      .executeTakeFirstOrThrow();
    const theirs = await t.call('POST', CONTRACTS, {
      token: w.tokens.other_ward_officer,
      json: {
        departmentId: nerima.id,
        contractorOrgId: w.otherWardCompanyId,
        title: '窓口業務委託',
        periodFrom: '2026-04-01',
        periodTo: '2027-03-31',
        handlesPersonalInfo: true,
      },
    });
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
    const permit = withItems({
      name: '駐輪場利用許可番号',
      catalogueCode: 'parking_permit',
      direction: 'collected',
    });
    const refused = await putRegister(t, w.tokens.other_ward_officer!, theirs.body.id, 0, permit);
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].message_ja).toContain('parking_permit');
    const otherWard = await t.call('POST', '/api/v1/data-item-catalogue', {
      token: w.tokens.other_ward_officer,
      json: item,
    });
    expect(otherWard.status, 'the same code is free in another ward').toBe(201);
    expect((await putRegister(t, w.tokens.other_ward_officer!, theirs.body.id, 0, permit)).status).toBe(200);

    for (const [who, json, status] of [
      ['ward_officer', item, 409],
      ['ward_officer', { ...item, code: 'name' }, 409],
      ['contractor_manager', { ...item, code: 'x_item' }, 403],
      ['council_reviewer', { ...item, code: 'x_item' }, 403],
    ] as const) {
      const res = await t.call('POST', '/api/v1/data-item-catalogue', { token: w.tokens[who], json });
      expect(res.status).toBe(status);
      expect(res.body.detail_ja).toMatch(japanese);
    }
  });
});
