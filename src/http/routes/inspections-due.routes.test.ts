import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContract, createHandler, expectStatus } from '../../../test/helpers/contracts.js';
import {
  answerRest,
  approvedSubcontract,
  command,
  detail,
  INSPECTIONS,
  itemsOf,
  plan,
  putItem,
  signInspection,
} from '../../../test/helpers/inspections.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';
import { listInspectionDue } from '../../domain/inspections/list-inspection-due.js';

// 年度当たり1回以上: every organisation in an active contract's chain needs a signed-off
// personal-information inspection each fiscal year (April–March). The listing across the
// boundary of 令和8年度 (FY2026) and 令和9年度 (FY2027), moving the test clock.

let t: TestApp;
let w: World;
let endingInSeptember: string;
let nextYear: string;
let subContractId: string;

const due = async (fiscalYear: number, who = 'inspector') =>
  t.call('GET', `${INSPECTIONS}/due?fiscalYear=${fiscalYear}`, { token: w.tokens[who] });
const rowOf = (body: { items: Array<{ contractId: string }> }, contractId: string): any =>
  body.items.find((i) => i.contractId === contractId);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  const responsibleId = (await createHandler(t, w.tokens.contractor_manager, '戸山 恵', '2026-03-20')).id;
  endingInSeptember = (await activeContract(t, w, responsibleId, { periodTo: '2026-09-30' })).id;
  nextYear = (await activeContract(t, w, responsibleId, { periodFrom: '2027-04-01', periodTo: '2028-03-31' }))
    .id;
  ({ contractId: subContractId } = await approvedSubcontract(t, w));
});
afterAll(() => t.close());

describe('令和8年度 (FY2026), on 2026-11-22', () => {
  it('lists the contractor and the sub-contractor as due, a contract that ended in September as overdue', async () => {
    const body = expectStatus(await due(2026), 200);
    expect(body.today).toBe('2026-11-22');
    expect(rowOf(body, w.bicycleContractId)).toMatchObject({
      organisationId: w.companies.contractor,
      organisationName: '株式会社サイクルサポート東京',
      depth: 1,
      dueBy: '2027-03-31',
      status: 'due',
      plannedOn: null,
    });
    expect(rowOf(body, subContractId)).toMatchObject({
      organisationId: w.companies.subcontractor,
      parentContractId: w.bicycleContractId,
      depth: 2,
      status: 'due',
    });
    expect(rowOf(body, endingInSeptember)).toMatchObject({ dueBy: '2026-09-30', status: 'overdue' });
    expect(rowOf(body, nextYear)).toBeUndefined();
  });

  it('is for ward staff only; another ward sees only its own', async () => {
    for (const who of ['council_reviewer', 'contractor_manager', 'subcontractor_staff'])
      expect((await due(2026, who)).status).toBe(403);
    expect(expectStatus(await due(2026, 'other_ward_officer'), 200).items).toEqual([]);
    expect((await due(1999)).status).toBe(422);
    expect((await t.call('GET', `${INSPECTIONS}/due`, { token: w.tokens.inspector })).status).toBe(422);
    const admin = expectStatus(await due(2026, 'system_admin'), 200);
    expect(admin.items.length).toBe(expectStatus(await due(2026), 200).items.length);
  });

  it('does not count an inspection with another checklist (履行確認チェックシート), and prints its △', async () => {
    const planned = expectStatus(
      await plan(t, w, { contractId: w.bicycleContractId, templateKey: 'toshima-performance' }),
      201,
    );
    expect(planned.purpose).toBe('performance');
    expect(planned.template.signOffBoxes).toEqual(['課長', '係長', '監督員']);
    expectStatus(await command(t, w, 'inspector', planned, 'start'), 200);
    const item = itemsOf(await detail(t, w, planned.id)).find((i) => i.key === 'p-3')!;
    const partial = await putItem(t, w.tokens.inspector, planned.id, item, { result: 'partial' });
    expect(partial.status).toBe(422);
    expect(partial.body.errors[0]).toMatchObject({ path: 'observation' });
    expectStatus(
      await putItem(t, w.tokens.inspector, planned.id, item, {
        result: 'partial',
        observation: 'マニュアルの一部（返還手続）が旧様式のままであった',
      }),
      200,
    );
    const answered = await answerRest(t, w, planned.id, (key) => key === 'p-16');
    const submitted = expectStatus(await command(t, w, 'inspector', answered, 'submit'), 200);
    expect((await signInspection(t, w, submitted)).status).toBe('signed_off');
    expect(rowOf(expectStatus(await due(2026), 200), w.bicycleContractId)?.status).toBe('due');

    const res = await t.app.request(`${INSPECTIONS}/${planned.id}/pdf`, {
      headers: { authorization: `Bearer ${w.tokens.inspector}` },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (process.env.KEEP_PDFS) await writeFile(`${process.env.KEEP_PDFS}/inspection-performance.pdf`, bytes);
    const text = (await pdfText(bytes)).text.replace(/\s+/g, '');
    expect(text).toContain('履行確認チェックシート');
    expect(text).toContain('△');
    expect(text).toContain('監督員');
  });

  it('shows a planned privacy inspection, and drops the contractor once it is signed off', async () => {
    const planned = expectStatus(
      await plan(t, w, {
        contractId: w.bicycleContractId,
        templateKey: 'fukuoka-supervision',
        plannedOn: '2026-11-21',
      }),
      201,
    );
    expect(rowOf(expectStatus(await due(2026), 200), w.bicycleContractId)).toMatchObject({
      plannedInspectionId: planned.id,
      plannedOn: '2026-11-21',
    });
    expectStatus(await command(t, w, 'inspector', planned, 'start'), 200);
    const answered = await answerRest(t, w, planned.id, (key) => key.startsWith('4-'));
    const submitted = expectStatus(await command(t, w, 'inspector', answered, 'submit'), 200);
    expect((await signInspection(t, w, submitted)).status).toBe('signed_off');
    const body = expectStatus(await due(2026), 200);
    expect(rowOf(body, w.bicycleContractId)).toBeUndefined();
    expect(rowOf(body, subContractId)?.status).toBe('due');

    const res = await t.app.request(`${INSPECTIONS}/${planned.id}/pdf`, {
      headers: { authorization: `Bearer ${w.tokens.ward_chief}` },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (process.env.KEEP_PDFS) await writeFile(`${process.env.KEEP_PDFS}/inspection-fukuoka.pdf`, bytes);
    const text = (await pdfText(bytes)).text.replace(/\s+/g, '');
    expect(text).toContain('個人情報・情報資産の委託先等監督チェックリスト');
    expect(text).toContain('【確認要領】');
    expect(text).toContain('(個人情報をもとに返還する場合)');
  });
});

describe('across the fiscal-year boundary', () => {
  it('flags as overdue on 1 April what was due on 31 March (the scheduler’s call)', async () => {
    const on = async (today: string) =>
      (await listInspectionDue(t.handle.db, { wardId: w.wardId, fiscalYear: 2026, today })).find(
        (r) => r.contractId === subContractId,
      )?.status;
    expect(await on('2027-03-31')).toBe('due');
    expect(await on('2027-04-01')).toBe('overdue');
    const everyWard = await listInspectionDue(t.handle.db, { fiscalYear: 2026, today: '2027-04-01' });
    expect(everyWard.map((r) => r.contractId).sort()).toEqual([endingInSeptember, subContractId].sort());
  });

  it('on 2027-04-02: last year’s sub-contractor is overdue; this year lists the new contract as due', async () => {
    t.clock.set('2027-04-02T01:00:00Z');
    for (const who of ['inspector']) w.tokens[who] = await signIn(t, USERS[who]!.email);
    const last = expectStatus(await due(2026), 200);
    expect(last.today).toBe('2027-04-02');
    expect(rowOf(last, subContractId)).toMatchObject({ status: 'overdue', dueBy: '2027-03-31' });
    expect(rowOf(last, w.bicycleContractId)).toBeUndefined();
    const current = expectStatus(await due(2027), 200);
    expect(rowOf(current, nextYear)).toMatchObject({ status: 'due', dueBy: '2028-03-31', fiscalYear: 2027 });
    expect(rowOf(current, w.bicycleContractId)).toBeUndefined();
    expect(rowOf(current, subContractId)).toBeUndefined();
  });
});
