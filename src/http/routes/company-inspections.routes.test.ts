import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../../test/helpers/contracts.js';
import {
  approvedSubcontract,
  command,
  INSPECTIONS,
  itemsOf,
  plan,
  putItem,
} from '../../../test/helpers/inspections.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// 再委託先への立入検査 (seed 001 別紙7 第7条5, seed 003 丙15–16): the contractor inspects its
// sub-contractor with the ward's checklists and completes the record itself; the sub-contractor and
// the ward read it; nobody else knows it exists.

let t: TestApp;
let w: World;
let subcontractId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  subcontractId = (await approvedSubcontract(t, w)).contractId;
});
afterAll(() => t.close());

const get = (who: string, id: string) => t.call('GET', `${INSPECTIONS}/${id}`, { token: w.tokens[who] });

describe('a contractor inspecting its sub-contractor', () => {
  let id: string;

  it('is planned by the contractor on its contract, naming the sub-contractor', async () => {
    const planned = expectStatus(
      await plan(
        t,
        w,
        { contractId: w.bicycleContractId, organisationId: w.companies.subcontractor, plannedOn: w.today() },
        'contractor_manager',
      ),
      201,
    );
    id = planned.id;
    expect(planned).toMatchObject({
      status: 'planned',
      contractId: subcontractId,
      organisationId: w.companies.subcontractor,
      inspectingOrgId: w.companies.contractor,
      inspectorId: w.userIds.contractor_manager,
    });
  });

  it('refuses what is not the contractor’s to inspect', async () => {
    // itself, as the contractor of its own contract: it reads the contract, may not inspect itself
    expect(
      (await plan(t, w, { contractId: w.bicycleContractId, plannedOn: w.today() }, 'contractor_manager'))
        .status,
    ).toBe(403);
    // another company's contract: not even visible
    expect(
      (await plan(t, w, { contractId: subcontractId, plannedOn: w.today() }, 'other_contractor_manager'))
        .status,
    ).toBe(404);
    // the sub-contractor cannot inspect its own contract as if it were its contractor
    expect(
      (await plan(t, w, { contractId: subcontractId, plannedOn: w.today() }, 'subcontractor_manager')).status,
    ).toBe(403);
    // assistants are the ward's staff: a company's own users record
    expect(
      (
        await plan(
          t,
          w,
          { contractId: subcontractId, plannedOn: w.today(), assistantIds: [w.userIds.ward_officer] },
          'contractor_manager',
        )
      ).status,
    ).toBe(422);
    // nor may a change of plan add them afterwards (the PATCH let it through before)
    const before = expectStatus(await get('contractor_manager', id), 200);
    const patched = await t.call('PATCH', `${INSPECTIONS}/${id}`, {
      token: w.tokens.contractor_manager,
      json: { assistantIds: [w.userIds.ward_officer], version: before.version },
    });
    expect(patched.status).toBe(422);
    expect(expectStatus(await get('contractor_manager', id), 200)).toMatchObject({
      assistantIds: [],
      version: before.version,
    });
  });

  it('is read by the contractor, the sub-contractor and the ward; 404 for everyone else', async () => {
    for (const who of [
      'contractor_manager',
      'contractor_staff',
      'subcontractor_manager',
      'subcontractor_staff',
    ])
      expect((await get(who, id)).status, who).toBe(200);
    for (const who of ['ward_officer', 'ward_chief', 'ward_manager', 'inspector'])
      expect((await get(who, id)).status, who).toBe(200);
    for (const who of [
      'other_contractor_manager',
      'other_ward_officer',
      'other_ward_company_manager',
      'council_reviewer',
    ])
      expect((await get(who, id)).status, who).toBe(404);
  });

  it('lists it in SQL for those who read it, and under the ward’s filter of contractors’ inspections', async () => {
    const list = async (who: string, query = '') =>
      expectStatus(
        await t.call('GET', `${INSPECTIONS}?limit=50${query}`, { token: w.tokens[who] }),
        200,
      ).items.map((i: { id: string }) => i.id);
    expect(await list('subcontractor_manager')).toContain(id);
    expect(await list('ward_officer', '&inspectedBy=company')).toEqual([id]);
    expect(await list('ward_officer', '&inspectedBy=ward')).not.toContain(id);
    expect(await list('other_contractor_manager')).not.toContain(id);
    expect(await list('other_ward_officer')).not.toContain(id);
  });

  it('is started and recorded by the contractor’s users only', async () => {
    const by = (who: string, version: number) => command(t, w, who, { id, version }, 'start');
    expect((await by('inspector', 1)).status).toBe(403);
    expect((await by('subcontractor_manager', 1)).status).toBe(403);
    expect((await by('other_contractor_manager', 1)).status).toBe(404);
    expectStatus(await by('contractor_staff', 1), 200);
    const item = itemsOf(expectStatus(await get('contractor_staff', id), 200))[0]!;
    expect(
      (await putItem(t, w.tokens.inspector, id, item, { result: 'ok', checkedOn: w.today() })).status,
    ).toBe(403);
    expect(
      (await putItem(t, w.tokens.subcontractor_manager, id, item, { result: 'ok', checkedOn: w.today() }))
        .status,
    ).toBe(403);
  });

  it('is completed by the contractor’s manager once every item is answered, with no ward 決裁', async () => {
    let current = expectStatus(await get('contractor_manager', id), 200);
    expect(current.allowedActions).toContain('complete');
    expect(current.allowedActions).not.toContain('submit');
    const early = await command(t, w, 'contractor_manager', current, 'complete');
    expect(early.status).toBe(409);
    expect(early.body.unansweredItems.length).toBeGreaterThan(0);
    for (const item of itemsOf(current)) {
      expectStatus(
        await putItem(t, w.tokens.contractor_staff, id, item, { result: 'ok', checkedOn: w.today() }),
        200,
      );
    }
    current = expectStatus(await get('contractor_manager', id), 200);
    // the ward reads it but neither submits nor signs nor completes it
    expect(expectStatus(await get('ward_officer', id), 200).allowedActions).toEqual([]);
    expect((await command(t, w, 'ward_manager', current, 'complete')).status).toBe(403);
    expect((await command(t, w, 'contractor_manager', current, 'submit')).status).toBe(409);
    expect((await command(t, w, 'contractor_staff', current, 'complete')).status).toBe(403);
    expect(
      (await command(t, w, 'contractor_manager', { id, version: current.version - 1 }, 'complete')).status,
    ).toBe(409);
    const done = expectStatus(
      await command(t, w, 'contractor_manager', current, 'complete', { comment: '是正事項なし' }),
      200,
    );
    expect(done).toMatchObject({ status: 'signed_off', chain: [] });
    const read = expectStatus(await get('subcontractor_manager', id), 200);
    expect(read.steps.map((s: { decision: string; role: string }) => [s.decision, s.role])).toEqual([
      ['start', 'inspector'],
      ['complete', 'contractor'],
    ]);
  });

  it('prints the record naming the contractor that made it, completed without 決裁', async () => {
    const res = await t.app.request(`${INSPECTIONS}/${id}/pdf`, {
      headers: { authorization: `Bearer ${w.tokens.ward_officer}` },
    });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (process.env.KEEP_PDFS)
      await writeFile(`${process.env.KEEP_PDFS}/inspection-by-contractor.pdf`, bytes);
    const text = (await pdfText(bytes)).text.replace(/\s+/g, '');
    expect(text).toContain('株式会社サイクルサポート東京（受託者）');
    expect(text).toContain('株式会社コールセンター・ジャパン（再委託先）');
    expect(text).toContain('完了：是正事項なし');
    expect(text).toContain('完了（株式会社サイクルサポート東京による再委託先への立入検査）');
    expect(text).not.toContain('決裁済');
  });

  it('does not stand for the ward’s own yearly inspection of the sub-contractor', async () => {
    const due = expectStatus(
      await t.call('GET', `${INSPECTIONS}/due?fiscalYear=2026`, { token: w.tokens.inspector }),
      200,
    );
    expect(due.items.map((d: { organisationId: string }) => d.organisationId)).toContain(
      w.companies.subcontractor,
    );
  });
});
