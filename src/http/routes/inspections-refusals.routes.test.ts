import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../../test/helpers/contracts.js';
import {
  command,
  detail,
  INSPECTIONS,
  itemsOf,
  plan,
  putItem,
  uploadEvidence,
} from '../../../test/helpers/inspections.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';
import { listFindingsPastDue } from '../../domain/inspections/list-findings-past-due.js';

// What a careless user or an attacker would try on inspections: the wrong role, another ward,
// stale versions, bad input — refused with the right status, and nothing written.

let t: TestApp;
let w: World;
let id: string;

const count = async (table: 'inspections' | 'inspection_findings' | 'audit_entries') =>
  Number(
    (
      await t.handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  id = expectStatus(await plan(t, w, { contractId: w.bicycleContractId }), 201).id;
  expectStatus(await command(t, w, 'inspector', { id, version: 1 }, 'start'), 200);
});
afterAll(() => t.close());

describe('planning', () => {
  it.each([
    ['ward_officer', 403],
    ['ward_manager', 403],
    ['council_reviewer', 403],
    ['contractor_manager', 403],
    ['other_contractor_manager', 404],
    ['other_ward_officer', 404],
  ])('refuses %s (%i) and writes nothing', async (who, status) => {
    const before = await count('inspections');
    expect((await plan(t, w, { contractId: w.bicycleContractId }, who)).status).toBe(status);
    expect(await count('inspections')).toBe(before);
  });

  it.each([
    ['an unknown template', { templateKey: 'my-own' }, 'json.templateKey'],
    ['a date that does not exist', { plannedOn: '2026-02-30' }, 'json.plannedOn'],
    ['a template version that does not exist', { templateVersion: 7 }, 'templateKey'],
    ['a company user as assistant', { assistantIds: ['CONTRACTOR'] }, 'assistantIds.0'],
    ['a council reviewer as assistant', { assistantIds: ['COUNCIL'] }, 'assistantIds.0'],
    ['the inspector as own assistant', { assistantIds: ['INSPECTOR'] }, 'assistantIds.0'],
    ['another ward’s staff as assistant', { assistantIds: ['OTHER'] }, 'assistantIds.0'],
  ])('refuses %s with 422 naming the field', async (_name, body, path) => {
    const ids: Record<string, string> = {
      CONTRACTOR: w.userIds.contractor_manager!,
      COUNCIL: w.userIds.council_reviewer!,
      INSPECTOR: w.userIds.inspector!,
      OTHER: w.userIds.other_ward_officer!,
    };
    const resolved = 'assistantIds' in body ? { assistantIds: body.assistantIds.map((k) => ids[k]) } : body;
    const res = await plan(t, w, { contractId: w.bicycleContractId, ...resolved });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('refuses a contract that is not in force', async () => {
    const draft = expectStatus(
      await t.call('POST', '/api/v1/contracts', {
        token: w.tokens.ward_officer,
        json: {
          departmentId: w.departments.交通対策課,
          contractorOrgId: w.companies.otherContractor,
          title: '区民相談窓口業務委託',
          periodFrom: '2026-04-01',
          periodTo: '2027-03-31',
          handlesPersonalInfo: true,
        },
      }),
      201,
    );
    const refused = await plan(t, w, { contractId: draft.id });
    expect(refused.status).toBe(409);
    // the state in words, never the raw 'draft'
    expect(refused.body.detail_ja).toContain('「起案中」');
    expect(refused.body.detail_ja).not.toMatch(/draft/);
    expect(refused.body.title_ja).toBe('現在の状態ではこの操作はできません');
  });
});

describe('saving an item', () => {
  it('refuses what the sheet does not allow, naming each field, and writes nothing', async () => {
    const item = itemsOf(await detail(t, w, id)).find((i) => i.key === '1-2')!;
    const audits = await count('audit_entries');
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ result: 'partial', observation: '一部' }, ['result']],
      [{ result: 'ng' }, ['observation', 'improvementDueOn']],
      [{ result: 'ok', checkedOn: '2026-11-23' }, ['checkedOn']],
      [{ result: 'maybe' }, ['json.result']],
      [{ result: 'ok', observation: 'x'.repeat(3001) }, ['json.observation']],
      [{ result: 'ok', observation: 'nul\u0000byte' }, ['json.observation']],
      [{ result: 'ok', remoteMethod: 'telepathy' }, ['json.remoteMethod']],
      [{ result: 'ok', photoIds: ['not-a-uuid'] }, ['json.photoIds.0']],
    ];
    for (const [body, paths] of cases) {
      const res = await putItem(t, w.tokens.inspector, id, item, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
    }
    expect(await count('audit_entries')).toBe(audits);
    expect(itemsOf(await detail(t, w, id)).find((i) => i.key === '1-2')!.answer).toMatchObject({
      result: null,
      version: 1,
    });
  });

  it('accepts only photos for the ward that the inspector may see', async () => {
    const item = itemsOf(await detail(t, w, id)).find((i) => i.key === '1-2')!;
    const pledge = await uploadEvidence(t, w.tokens.inspector, { wardId: w.wardId, purpose: 'pledge' });
    const untagged = await uploadEvidence(t, w.tokens.inspector, {});
    const companyOwn = await uploadEvidence(t, w.tokens.contractor_manager, {});
    const otherWard = await uploadEvidence(t, w.tokens.other_ward_officer, { wardId: w.otherWardId });
    for (const photo of [pledge, untagged, companyOwn, otherWard, '00000000-0000-4000-8000-000000000000']) {
      const res = await putItem(t, w.tokens.inspector, id, item, { result: 'ok', photoIds: [photo] });
      expect(res.status).toBe(422);
      expect(res.body.errors[0].path).toBe('photoIds.0');
    }
  });

  it('answers 404 for an unknown item and for other wards, 403 for staff not named', async () => {
    const item = itemsOf(await detail(t, w, id))[0]!;
    expect(
      (await putItem(t, w.tokens.inspector, id, { ...item, key: 'x-none' }, { result: 'ok' })).status,
    ).toBe(404);
    const traversal = await t.call('PUT', `${INSPECTIONS}/${id}/items/..%2F..%2Fusers`, {
      token: w.tokens.inspector,
      json: { result: 'ok', checkedOn: '2026-11-20', version: 1 },
    });
    expect([404, 422]).toContain(traversal.status);
    expect((await putItem(t, w.tokens.other_ward_officer, id, item, { result: 'ok' })).status).toBe(404);
    expect((await putItem(t, w.tokens.council_reviewer, id, item, { result: 'ok' })).status).toBe(404);
    expect((await putItem(t, w.tokens.ward_manager, id, item, { result: 'ok' })).status).toBe(403);
    expect((await putItem(t, w.tokens.contractor_manager, id, item, { result: 'ok' })).status).toBe(403);
  });

  it('lets exactly one of two saves of the same item version win; a stale one is 409', async () => {
    const item = itemsOf(await detail(t, w, id)).find((i) => i.key === '1-3')!;
    const [a, b] = await Promise.all([
      putItem(t, w.tokens.inspector, id, item, { result: 'ok' }),
      putItem(t, w.tokens.inspector, id, item, { result: 'na' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const stale = await putItem(t, w.tokens.inspector, id, item, { result: 'ok' });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
  });
});

describe('findings', () => {
  let findingId: string;
  let findingVersion: number;

  it('withdraws the finding when a × is corrected before anything was reported', async () => {
    const item = itemsOf(await detail(t, w, id)).find((i) => i.key === '1-4')!;
    const ng = expectStatus(
      await putItem(t, w.tokens.inspector, id, item, {
        result: 'ng',
        observation: '研修記録なし',
        improvementDueOn: '2026-12-01',
      }),
      200,
    );
    const ok = expectStatus(
      await putItem(
        t,
        w.tokens.inspector,
        id,
        { ...item, answer: ng.item },
        { result: 'ok', observation: '記録を確認' },
      ),
      200,
    );
    expect(ok.finding).toBeNull();
    const rows = await t.handle.db.selectFrom('inspection_findings').select('status').execute();
    expect(rows.map((r) => r.status)).toEqual(['withdrawn']);
    expect((await detail(t, w, id)).findings).toEqual([]);
  });

  it('refuses a re-check before the improvement report, and a second report', async () => {
    const item = itemsOf(await detail(t, w, id)).find((i) => i.key === '1-5')!;
    const saved = expectStatus(
      await putItem(t, w.tokens.inspector, id, item, {
        result: 'ng',
        observation: '手順書なし',
        improvementDueOn: '2026-11-21',
      }),
      200,
    );
    findingId = saved.finding.id;
    expect(saved.finding.overdue).toBe(true);
    const overdue = expectStatus(
      await t.call('GET', `${INSPECTIONS}/findings?overdue=true`, { token: w.tokens.contractor_manager }),
      200,
    );
    expect(overdue.items.map((f: { id: string }) => f.id)).toEqual([findingId]);
    // the scheduler's view of the same deadline: past due from the day after it
    const pastDue = async (today: string) =>
      (await listFindingsPastDue(t.handle.db, { wardId: w.wardId, today })).map((f) => f.findingId);
    expect(await pastDue('2026-11-21')).toEqual([]);
    expect(await pastDue('2026-11-22')).toEqual([findingId]);
    const early = await t.call('POST', `${INSPECTIONS}/${id}/items/1-5/recheck`, {
      token: w.tokens.inspector,
      json: { recheckedOn: '2026-11-22', result: 'ok', version: saved.item.version },
    });
    expect(early.status).toBe(409);
    const report = (version: number) =>
      t.call('POST', `${INSPECTIONS}/${id}/findings/${findingId}/improvement-report`, {
        token: w.tokens.contractor_manager,
        json: { report: '手順書を作成した', version },
      });
    expect((await report(saved.finding.version + 5)).status).toBe(409);
    const reported = expectStatus(await report(saved.finding.version), 200);
    findingVersion = reported.version;
    expect(await pastDue('2026-11-22')).toEqual([]);
    expect((await report(reported.version)).status).toBe(409);
  });

  it('keeps the original answer once the contractor has reported', async () => {
    const item = itemsOf(await detail(t, w, id)).find((i) => i.key === '1-5')!;
    const res = await putItem(t, w.tokens.inspector, id, item, { result: 'ok' });
    expect(res.status).toBe(409);
    expect(res.body.findingStatus).toBe('reported');
  });

  it('reopens with a new deadline when not yet improved', async () => {
    const item = itemsOf(await detail(t, w, id)).find((i) => i.key === '1-5')!;
    const bare = await t.call('POST', `${INSPECTIONS}/${id}/items/1-5/recheck`, {
      token: w.tokens.inspector,
      json: { recheckedOn: '2026-11-22', result: 'ng', version: item.answer.version },
    });
    expect(bare.status).toBe(422);
    expect(bare.body.errors.map((e: { path: string }) => e.path)).toEqual(['note', 'newDueOn']);
    const again = expectStatus(
      await t.call('POST', `${INSPECTIONS}/${id}/items/1-5/recheck`, {
        token: w.tokens.inspector,
        json: {
          recheckedOn: '2026-11-22',
          result: 'ng',
          note: '手順書が承認されていない',
          newDueOn: '2026-12-15',
          version: item.answer.version,
        },
      }),
      200,
    );
    expect(again.finding).toMatchObject({ status: 'open', dueOn: '2026-12-15', overdue: false });
    expect(again.finding.version).toBe(findingVersion + 1);
  });

  it('lets only the inspector carry a finding, not a signer nor the company', async () => {
    for (const who of ['ward_manager', 'contractor_manager']) {
      const res = await t.call('POST', `${INSPECTIONS}/${id}/findings/${findingId}/carry`, {
        token: w.tokens[who],
        json: { reason: '理由', version: findingVersion + 1 },
      });
      expect(res.status).toBe(403);
    }
  });
});

describe('the life of an inspection', () => {
  it('cancels only a planned inspection, and only by an inspector', async () => {
    const planned = expectStatus(await plan(t, w, { contractId: w.bicycleContractId }), 201);
    expect((await command(t, w, 'ward_manager', planned, 'cancel')).status).toBe(403);
    expect((await command(t, w, 'inspector', { ...planned, version: 9 }, 'cancel')).status).toBe(409);
    expect((await command(t, w, 'inspector', planned, 'cancel')).body.status).toBe('cancelled');
    expect((await command(t, w, 'inspector', { ...planned, version: 2 }, 'start')).status).toBe(409);
    const running = await detail(t, w, id);
    expect((await command(t, w, 'inspector', running, 'cancel')).status).toBe(409);
  });

  it('refuses a submission with unanswered items, naming them', async () => {
    const res = await command(t, w, 'inspector', await detail(t, w, id), 'submit');
    expect(res.status).toBe(409);
    expect(res.body.unansweredItems).toContain('m3-4-2');
    expect(res.body.detail_ja).toMatch(/未確認の項目が\d+件あります/);
  });

  it('changes the plan date only while planned, and refuses the version header when stale', async () => {
    const planned = expectStatus(await plan(t, w, { contractId: w.bicycleContractId }), 201);
    const moved = expectStatus(
      await t.call('PATCH', `${INSPECTIONS}/${planned.id}`, {
        token: w.tokens.inspector,
        headers: { 'if-match': '"1"' },
        json: { plannedOn: '2027-04-10' },
      }),
      200,
    );
    expect(moved).toMatchObject({ plannedOn: '2027-04-10', fiscalYear: 2027, version: 2 });
    const stale = await t.call('PATCH', `${INSPECTIONS}/${planned.id}`, {
      token: w.tokens.inspector,
      headers: { 'if-match': '"1"' },
      json: { place: '本社' },
    });
    expect(stale.status).toBe(409);
    const running = await detail(t, w, id);
    const late = await t.call('PATCH', `${INSPECTIONS}/${id}`, {
      token: w.tokens.inspector,
      json: { plannedOn: '2026-12-01', version: running.version },
    });
    expect(late.status).toBe(409);
  });

  it('changes the template while planned, its items made again; refuses it once started', async () => {
    const planned = expectStatus(await plan(t, w, { contractId: w.bicycleContractId }), 201);
    const before = itemsOf(await detail(t, w, planned.id)).map((i) => i.key);
    const unknown = await t.call('PATCH', `${INSPECTIONS}/${planned.id}`, {
      token: w.tokens.inspector,
      json: { templateKey: 'no-such-template', version: 1 },
    });
    expect(unknown.status).toBe(422);
    const changed = expectStatus(
      await t.call('PATCH', `${INSPECTIONS}/${planned.id}`, {
        token: w.tokens.inspector,
        json: { templateKey: 'toshima-labour', version: 1 },
      }),
      200,
    );
    expect(changed).toMatchObject({ templateKey: 'toshima-labour', version: 2 });
    const after = itemsOf(await detail(t, w, planned.id)).map((i) => i.key);
    expect(after.length).toBeGreaterThan(0);
    expect(after).not.toEqual(before);
    const running = await detail(t, w, id);
    const late = await t.call('PATCH', `${INSPECTIONS}/${id}`, {
      token: w.tokens.inspector,
      json: { templateKey: 'toshima-labour', version: running.version },
    });
    expect(late.status).toBe(409);
    expect((await detail(t, w, id)).templateKey).toBe(running.templateKey);
  });

  it('refuses a forged list cursor with 422, not a database error', async () => {
    const forged = btoa(JSON.stringify(['2026-02-30T00:00:00.000Z', 'x'])).replace(/=+$/, '');
    const res = await t.call('GET', `${INSPECTIONS}?cursor=${forged}`, { token: w.tokens.inspector });
    expect(res.status).toBe(422);
  });
});
