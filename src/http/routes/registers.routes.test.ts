import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTRACTS,
  countRows,
  createContract,
  putRegister,
  REGISTER,
} from '../../../test/helpers/contracts.js';
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

describe('saving a register (情報項目)', () => {
  let contract: { id: string };

  beforeAll(async () => {
    contract = await createContract(t, w);
  });

  it('creates revision 1 from base revision 0, and reads it back with ETag "1"', async () => {
    expect((await getRegister(contract.id)).body).toMatchObject({
      revision: 0,
      document: { subjectGroups: [], media: [] },
    });
    const res = await putRegister(t, officer(), contract.id, 0);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      contractId: contract.id,
      revision: 1,
      changedBy: w.userIds.ward_officer,
      changedAt: t.clock.now().toISOString(),
      document: { media: REGISTER.media },
    });
    const [owners, inquirers] = res.body.document.subjectGroups;
    expect(owners.name).toBe('撤去車両所有者');
    expect(owners.items[0]).toMatchObject({
      name: '氏名',
      catalogueCode: 'name',
      direction: 'provided',
      includesPastYears: true,
      specialCategory: null,
      myNumber: false,
      specialApproval: null,
    });
    expect(owners.items[0].key).toMatch(/^[0-9a-f-]{36}$/);
    expect(owners.items[3]).toMatchObject({
      name: '電話番号',
      direction: 'collected',
      includesPastYears: false,
    });
    expect(inquirers).toMatchObject({
      name: '問合せ者',
      items: [{ name: '氏名' }, { name: '電話番号' }, { name: '問合せ内容' }],
    });

    const read = await getRegister(contract.id);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(res.body);
  });

  it('refuses a stale base revision (409) and keeps revision 1', async () => {
    const revisions = await countRows(t, 'register_revisions');
    const body = await expectRefused(
      contract.id,
      await putRegister(t, officer(), contract.id, 0, withItems()),
      409,
      1,
    );
    expect(body.currentRevision).toBe(1);
    const viaHeader = await t.call('PUT', `${CONTRACTS}/${contract.id}/register`, {
      token: officer(),
      headers: { 'if-match': '"0"' },
      json: withItems(),
    });
    await expectRefused(contract.id, viaHeader, 409, 1);
    const none = await t.call('PUT', `${CONTRACTS}/${contract.id}/register`, {
      token: officer(),
      json: withItems(),
    });
    await expectRefused(contract.id, none, 422, 1);
    expect(await countRows(t, 'register_revisions')).toBe(revisions);
  });

  it('keeps an item’s key across revisions', async () => {
    const first = (await getRegister(contract.id)).body;
    const res = await putRegister(t, officer(), contract.id, 1, { ...REGISTER, note: '媒体の名称を修正' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.revision).toBe(2);
    expect(res.body.note).toBe('媒体の名称を修正');
    expect(res.body.document).toEqual(first.document);
  });

  it('takes the base revision from If-Match, weak or strong, as versions are taken everywhere', async () => {
    for (const [ifMatch, revision] of [
      ['"2"', 3],
      ['W/"3"', 4],
    ] as const) {
      const res = await t.call('PUT', `${CONTRACTS}/${contract.id}/register`, {
        token: officer(),
        headers: { 'if-match': ifMatch },
        json: REGISTER,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.revision).toBe(revision);
    }
  });
});

describe('the register as of a date (履歴)', () => {
  it('answers the revision in force at an instant, and lists revisions newest first', async () => {
    const contract = await createContract(t, w);
    const first = await putRegister(
      t,
      officer(),
      contract.id,
      0,
      withItems({ name: '氏名', direction: 'collected' }),
    );
    const between = new Date(t.clock.now().getTime() + 30_000).toISOString();
    t.clock.advance(60_000);
    const second = await putRegister(t, officer(), contract.id, 1);
    expect([first.status, second.status]).toEqual([200, 200]);

    const asOf = async (value: string) =>
      (await getRegister(contract.id, `?asOf=${encodeURIComponent(value)}`)).body;
    expect(await asOf(between)).toEqual(first.body);
    expect(await asOf(t.clock.now().toISOString())).toEqual(second.body);
    expect(await asOf('2026-01-01')).toMatchObject({ revision: 0, document: { subjectGroups: [] } });
    expect((await getRegister(contract.id, '?asOf=yesterday')).status).toBe(422);

    const revisions = await t.call('GET', `${CONTRACTS}/${contract.id}/register/revisions`, {
      token: officer(),
    });
    expect(revisions.body.items).toEqual([
      { revision: 2, changedBy: w.userIds.ward_officer, changedAt: second.body.changedAt, note: null },
      { revision: 1, changedBy: w.userIds.ward_officer, changedAt: first.body.changedAt, note: null },
    ]);
  });
});
