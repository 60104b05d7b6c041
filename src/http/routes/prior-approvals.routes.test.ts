import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreApplication, signOff, step } from '../../../test/helpers/approvals.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { startSubcontract } from '../../../test/helpers/handover.js';
import { expectListViews } from '../../../test/helpers/list-views.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// 事前承認: the contractor (and the sub-contractor on its own sub-contract) applies before copying,
// using otherwise, taking out or disposing; the ward signs along its chain; a kind the contract does
// not require approval for is notified; a disposal with a required witness is done only with it.

const PA = '/api/v1/prior-approvals';
let t: TestApp;
let w: World;
let subContractId: string;
let keys: string[];
let subKeys: string[];
const call = (who: string, method: string, path: string, json?: unknown) =>
  t.call(method, path, { token: w.tokens[who], json });
const act = (who: string, record: { id: string; version: number }, command: string, extra: object = {}) =>
  call(who, 'POST', `${PA}/${record.id}/${command}`, { version: record.version, ...extra });
const itemKeys = async (contractId: string) => {
  const register = expectStatus(
    await call('ward_officer', 'GET', `/api/v1/contracts/${contractId}/register`),
    200,
  );
  return register.document.subjectGroups.flatMap((g: { items: { key: string }[] }) =>
    g.items.map((i) => i.key),
  );
};
const application = (overrides: Record<string, unknown> = {}) => ({
  contractId: w.bicycleContractId,
  kind: 'copy',
  reason: '撤去車両所有者への通知の発送作業のため、名簿を1部複写する',
  itemKeys: keys.slice(0, 2),
  quantity: 1,
  periodFrom: '2026-11-25',
  periodTo: '2026-11-30',
  place: '受託者事業所（執務室内）',
  ...overrides,
});
async function signedOff(record: { id: string; version: number }) {
  let r: any = record;
  for (const who of ['ward_officer', 'ward_chief', 'ward_manager'])
    r = expectStatus(await act(who, r, 'approve'), 200);
  return r;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  let a = expectStatus(
    await call(
      'contractor_manager',
      'POST',
      `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`,
      callCentreApplication(w),
    ),
    201,
  );
  a = expectStatus(await step(t, w, 'contractor_manager', a, 'submit'), 200);
  a = await signOff(t, w, a);
  subContractId = a.contractId;
  // an approved sub-contract starts through the same gate as any contract
  await startSubcontract(t, w, subContractId);
  keys = await itemKeys(w.bicycleContractId);
  subKeys = await itemKeys(subContractId);
});
afterAll(() => t.close());

describe('the contract settings', () => {
  it('default to seed 001 別紙7 (all four need approval, no witness); the ward officer changes them, audited', async () => {
    const settings = expectStatus(
      await call(
        'contractor_manager',
        'GET',
        `/api/v1/contracts/${w.bicycleContractId}/prior-approval-settings`,
      ),
      200,
    );
    expect(settings).toMatchObject({
      requiredKinds: ['copy', 'other_use', 'take_out', 'disposal'],
      disposalWitness: false,
      isDefault: true,
      version: 0,
    });
    const path = `/api/v1/contracts/${w.bicycleContractId}/prior-approval-settings`;
    const change = { requiredKinds: ['copy', 'other_use', 'disposal'], disposalWitness: true, version: 0 };
    expect((await call('contractor_manager', 'PUT', path, change)).status).toBe(403);
    expect((await call('ward_chief', 'PUT', path, change)).status).toBe(403);
    expect((await call('other_ward_officer', 'PUT', path, change)).status).toBe(404);
    expect((await call('other_ward_officer', 'GET', path)).status).toBe(404);
    const changed = expectStatus(await call('ward_officer', 'PUT', path, change), 200);
    expect(changed).toMatchObject({
      requiredKinds: ['copy', 'other_use', 'disposal'],
      disposalWitness: true,
      version: 1,
    });
    expect((await call('ward_officer', 'PUT', path, change)).status).toBe(409); // stale: version 0 again
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', w.bicycleContractId)
      .where('action', '=', 'contract.prior_approval_settings_update')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('an application for copying (複写・複製)', () => {
  let record: any;

  it('is applied for by the contractor, with items of the register', async () => {
    record = expectStatus(await call('contractor_manager', 'POST', PA, application()), 201);
    expect(record).toMatchObject({ status: 'applied', needsApproval: true, kind: 'copy', step: 0 });
    expect(record.items.map((i: { key: string }) => i.key)).toEqual(keys.slice(0, 2));
    expect(record.allowedActions).toEqual(['withdraw']);
    const asOfficer = expectStatus(await call('ward_officer', 'GET', `${PA}/${record.id}`), 200);
    expect(asOfficer.allowedActions).toEqual(['approve', 'send-back', 'reject']);
    expect(asOfficer.steps.map((s: { decision: string }) => s.decision)).toEqual(['apply']);
    const asChief = expectStatus(await call('ward_chief', 'GET', `${PA}/${record.id}`), 200);
    expect(asChief.allowedActions).toEqual([]);
  });

  it('refuses what is incomplete, outside the register or after the fact (422), and other people (403/404)', async () => {
    const refused = [
      application({ itemKeys: ['not-a-key'] }),
      application({ itemKeys: [] }),
      application({ quantity: null }),
      application({ periodFrom: '2026-11-01' }),
      application({ periodTo: '2026-11-24' }),
      application({ kind: 'take_out', carrier: null }),
      application({ kind: 'take_out', carrier: 'usb' }),
      application({ kind: 'other_use', recipient: '' }),
    ];
    for (const body of refused) {
      const res = await call('contractor_manager', 'POST', PA, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.detail_ja).toBeTruthy();
    }
    expect((await call('other_contractor_manager', 'POST', PA, application())).status).toBe(404);
    expect((await call('subcontractor_manager', 'POST', PA, application())).status).toBe(404);
    expect((await call('contractor_staff', 'POST', PA, application())).status).toBe(403);
    expect((await call('ward_officer', 'POST', PA, application())).status).toBe(403);
    expect((await call('other_contractor_manager', 'GET', `${PA}/${record.id}`)).status).toBe(404);
    expect((await call('council_reviewer', 'GET', `${PA}/${record.id}`)).status).toBe(404);
    expect((await call('other_ward_officer', 'GET', `${PA}/${record.id}`)).status).toBe(404);
  });

  it('is signed 担当者 → 係長 → 課長 in turn, and nothing is recorded done before', async () => {
    const early = await act('contractor_manager', record, 'complete', { completedOn: '2026-11-25' });
    expect(early.status).toBe(409);
    const outOfTurn = await act('ward_chief', record, 'approve');
    expect(outOfTurn.status).toBe(409);
    expect(outOfTurn.body).toMatchObject({ awaitedRole: 'ward_officer' });
    expect(outOfTurn.body.detail_ja).toContain('担当者');
    expect((await act('contractor_manager', record, 'approve')).status).toBe(403);
    record = await signedOff(record);
    expect(record).toMatchObject({ status: 'approved' });
    expect(record.decidedAt).toBeTruthy();
  });

  it('is recorded done by the contractor, not before the approval', async () => {
    const before = await act('contractor_manager', record, 'complete', { completedOn: '2026-11-20' });
    expect(before.status).toBe(422);
    record = expectStatus(
      await act('contractor_manager', record, 'complete', {
        completedOn: '2026-11-25',
        note: '1部複写、施錠保管',
      }),
      200,
    );
    expect(record).toMatchObject({ status: 'done', completedOn: '2026-11-25', allowedActions: [] });
    const detail = expectStatus(await call('contractor_manager', 'GET', `${PA}/${record.id}`), 200);
    expect(detail.steps.map((s: { decision: string; role: string }) => `${s.role}:${s.decision}`)).toEqual([
      'applicant:apply',
      'ward_officer:approve',
      'ward_chief:approve',
      'ward_manager:approve',
      'applicant:complete',
    ]);
  });
});

describe('a disposal (廃棄) on a contract that requires a witness (立会い)', () => {
  it('is done only with the witness’s name and date', async () => {
    let record = expectStatus(
      await call(
        'contractor_manager',
        'POST',
        PA,
        application({
          kind: 'disposal',
          reason: '返還が困難な申請書控えの廃棄',
          quantity: 30,
          place: '受託者事業所',
        }),
      ),
      201,
    );
    expect(record).toMatchObject({ status: 'applied', witnessRequired: true });
    record = await signedOff(record);
    const noMethod = await act('contractor_manager', record, 'complete', { completedOn: '2026-11-26' });
    expect(noMethod.status).toBe(422);
    const noWitness = await act('contractor_manager', record, 'complete', {
      completedOn: '2026-11-26',
      method: 'シュレッダーによる裁断（クロスカット）',
    });
    expect(noWitness.status).toBe(409);
    expect(noWitness.body.detail_ja).toContain('廃棄に区の立会いが必要');
    expect(JSON.stringify(noWitness.body)).not.toContain('{self}');
    expect(noWitness.body.missing).toEqual(['witnessName', 'witnessedOn']);
    record = expectStatus(
      await act('contractor_manager', record, 'complete', {
        completedOn: '2026-11-26',
        method: 'シュレッダーによる裁断（クロスカット）',
        witnessName: '交通対策課 山田',
        witnessedOn: '2026-11-26',
      }),
      200,
    );
    expect(record).toMatchObject({
      status: 'done',
      witnessName: '交通対策課 山田',
      witnessedOn: '2026-11-26',
    });
  });
});

describe('a kind the contract does not require approval for', () => {
  it('is notified (届出), never signed, and recorded done', async () => {
    let record = expectStatus(
      await call(
        'contractor_manager',
        'POST',
        PA,
        application({
          kind: 'take_out',
          carrier: 'paper',
          quantity: null,
          place: '区役所 交通対策課への持参',
        }),
      ),
      201,
    );
    expect(record).toMatchObject({ status: 'notified', needsApproval: false, carrier: 'paper' });
    expect((await act('ward_officer', record, 'approve')).status).toBe(409);
    const asOfficer = expectStatus(await call('ward_officer', 'GET', `${PA}/${record.id}`), 200);
    expect(asOfficer.allowedActions).toEqual([]);
    record = expectStatus(
      await act('contractor_manager', record, 'complete', { completedOn: '2026-11-25' }),
      200,
    );
    expect(record.status).toBe('done');
  });
});

describe('send-back and rejection', () => {
  it('sends back with a reason; the applicant corrects and the chain signs again from the start', async () => {
    let record = expectStatus(
      await call(
        'contractor_manager',
        'POST',
        PA,
        application({ kind: 'other_use', recipient: '○○警察署（照会への回答）' }),
      ),
      201,
    );
    record = expectStatus(await act('ward_officer', record, 'approve'), 200);
    expect((await act('ward_chief', record, 'send-back')).status).toBe(422);
    record = expectStatus(
      await act('ward_chief', record, 'send-back', { comment: '照会文書の写しを添えること' }),
      200,
    );
    expect(record).toMatchObject({ status: 'returned', step: 0 });
    expect((await act('contractor_manager', record, 'resubmit', { recipient: ' ' })).status).toBe(422);
    record = expectStatus(
      await act('contractor_manager', record, 'resubmit', { reason: '照会文書（写し）のとおり' }),
      200,
    );
    expect(record).toMatchObject({ status: 'applied', step: 0, reason: '照会文書（写し）のとおり' });
    record = expectStatus(
      await act('ward_officer', record, 'reject', { comment: '法令に基づく照会ではない' }),
      200,
    );
    expect(record.status).toBe('rejected');
    expect((await act('contractor_manager', record, 'complete', { completedOn: '2026-11-25' })).status).toBe(
      409,
    );
  });
});

describe('a sub-contractor’s application', () => {
  it('is its own on its sub-contract; its contractor reads it and acts on none of it', async () => {
    const body = application({ contractId: subContractId, itemKeys: subKeys.slice(0, 1) });
    expect((await call('contractor_manager', 'POST', PA, body)).status).toBe(404);
    const record = expectStatus(await call('subcontractor_manager', 'POST', PA, body), 201);
    expect(record).toMatchObject({ status: 'applied', applicantOrgId: w.companies.subcontractor });

    const asContractor = expectStatus(await call('contractor_manager', 'GET', `${PA}/${record.id}`), 200);
    expect(asContractor.allowedActions).toEqual([]);
    expect((await act('contractor_manager', record, 'withdraw')).status).toBe(403);
    expect((await call('other_contractor_manager', 'GET', `${PA}/${record.id}`)).status).toBe(404);

    const contractorsList = expectStatus(
      await call('contractor_manager', 'GET', `${PA}?contractId=${subContractId}`),
      200,
    );
    expect(contractorsList.items.map((i: { id: string }) => i.id)).toEqual([record.id]);
    const subsList = expectStatus(await call('subcontractor_manager', 'GET', PA), 200);
    expect(subsList.items.map((i: { id: string }) => i.id)).toEqual([record.id]);
    const othersList = expectStatus(await call('other_contractor_manager', 'GET', PA), 200);
    expect(othersList.items).toEqual([]);
    const wardList = expectStatus(await call('ward_officer', 'GET', `${PA}?status=applied&limit=50`), 200);
    expect(wardList.items.map((i: { id: string }) => i.id)).toContain(record.id);
    expect((await call('other_ward_officer', 'GET', PA)).body.items).toEqual([]);

    const withdrawn = expectStatus(await act('subcontractor_manager', record, 'withdraw'), 200);
    expect(withdrawn.status).toBe('withdrawn');
  });

  it('lists compact applications by default and whole ones with view=full, to the same people', async () => {
    const views = await expectListViews(t, {
      path: PA,
      tokens: [
        'ward_officer',
        'contractor_manager',
        'subcontractor_manager',
        'other_contractor_manager',
        'other_ward_officer',
      ].map((who) => w.tokens[who]!),
      same: [
        'kind',
        'applicantOrgId',
        'contractId',
        'status',
        'quantity',
        'periodFrom',
        'periodTo',
        'place',
        'chain',
        'step',
        'appliedAt',
        'completedOn',
        'version',
      ],
      dropped: ['reason', 'items', 'completionNote', 'witnessName'],
      detail: (id) => `${PA}/${id}`,
    });
    const [ward, contractor, sub, other, otherWard] = views;
    expect(ward!.compact.length).toBeGreaterThan(1);
    expect(contractor!.compact.length).toBeGreaterThan(0);
    expect(sub!.compact.length).toBeGreaterThan(0);
    expect(other!.full).toEqual([]);
    expect(otherWard!.full).toEqual([]);
  });
});
