import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// The prior-approval pages through app.request: the section on the contract page (the apply link for
// the contractor, the settings form for the ward officer only), the apply form keeping what was
// typed beside its errors, the ward's queue on the dashboard, the chain signing in turn, and the
// disposal recorded with its witness. Others see nothing.

type Client = Awaited<ReturnType<typeof pageClient>>;
let t: TestApp;
let w: World;
const clients: Record<string, Client> = {};
let keys: string[] = [];
const version = (html: string) => html.match(/name="version" value="(\d+)"/)![1]!;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  for (const who of [
    'contractor_manager',
    'ward_officer',
    'ward_chief',
    'ward_manager',
    'other_contractor_manager',
    'council_reviewer',
  ])
    clients[who] = await pageClient(t, USERS[who]!.email);
  const register = await t.handle.db
    .selectFrom('register_revisions')
    .select('document')
    .where('contract_id', '=', w.bicycleContractId)
    .orderBy('revision', 'desc')
    .executeTakeFirstOrThrow();
  keys = (register.document as { subjectGroups: { items: { key: string }[] }[] }).subjectGroups.flatMap((g) =>
    g.items.map((i) => i.key),
  );
});
afterAll(() => t.close());

describe('prior approvals on the contract page', () => {
  it('offers the contractor the application and the ward officer the settings', async () => {
    const asContractor = await clients.contractor_manager!.get(`/contracts/${w.bicycleContractId}`);
    expect(asContractor.html).toContain('事前承認・届出（複写・目的外利用・持出し・廃棄）');
    expect(asContractor.html).toContain(`/contracts/${w.bicycleContractId}/prior-approvals/new`);
    expect(asContractor.html).not.toContain('/prior-approval-settings"');
    expect(textOf(asContractor.html)).toContain('廃棄：要');
    const asOfficer = await clients.ward_officer!.get(`/contracts/${w.bicycleContractId}`);
    expect(asOfficer.html).toContain(`/contracts/${w.bicycleContractId}/prior-approval-settings`);
    expect(asOfficer.html).not.toContain('/prior-approvals/new');
  });

  it('lets the ward officer ask for a witness of disposals', async () => {
    const page = await clients.ward_officer!.get(`/contracts/${w.bicycleContractId}`);
    const res = await clients.ward_officer!.post(
      `/contracts/${w.bicycleContractId}/prior-approval-settings`,
      {
        version: page.html.match(/prior-approval-settings"[\s\S]*?name="version" value="(\d+)"/)![1]!,
        requiredKinds: ['copy', 'other_use', 'take_out', 'disposal'],
        disposalWitness: 'on',
      },
    );
    expect(res.status).toBe(303);
    const after = await clients.contractor_manager!.get(`/contracts/${w.bicycleContractId}`);
    expect(textOf(after.html)).toContain('廃棄の立会い：区の立会いが必要');
    expect(
      (
        await clients.contractor_manager!.post(`/contracts/${w.bicycleContractId}/prior-approval-settings`, {
          version: '1',
          requiredKinds: [],
        })
      ).status,
    ).toBe(403);
  });
});

describe('a disposal applied for, signed and recorded', () => {
  let id = '';
  const form = (extra: Record<string, string | string[]> = {}) => ({
    kind: 'disposal',
    reason: '返還が困難な申請書控えを廃棄する',
    itemKeys: keys.slice(0, 2),
    quantity: '30',
    periodFrom: '2026-11-25',
    periodTo: '2026-11-30',
    place: '受託者事業所',
    carrier: 'paper',
    recipient: '',
    ...extra,
  });

  it('keeps what was typed beside each error', async () => {
    const path = `/contracts/${w.bicycleContractId}/prior-approvals/new`;
    const page = await clients.contractor_manager!.get(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`value="${keys[0]}"`);
    const bad = await clients.contractor_manager!.post(path, form({ reason: ' ', periodFrom: '2026-11-01' }));
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="f-reason-error">/);
    expect(bad.html).toContain('受託者事業所');
    const early = await clients.contractor_manager!.post(path, form({ periodFrom: '2026-11-01' }));
    expect(early.status).toBe(422);
    expect(early.html).toMatch(/id="f-periodFrom-error">事前に申請してください/);
    expect((await clients.ward_officer!.get(path)).status).toBe(403);
  });

  it('is applied for and waits on the officer’s dashboard', async () => {
    const res = await clients.contractor_manager!.post(
      `/contracts/${w.bicycleContractId}/prior-approvals/new`,
      form(),
    );
    expect(res.status).toBe(303);
    id = res.location!.match(/^\/prior-approvals\/([0-9a-f-]{36})\?notice=created$/)![1]!;
    const dash = await clients.ward_officer!.get('/');
    expect(dash.html).toMatch(new RegExp(`id="panel-prior-approvals"[\\s\\S]*?/prior-approvals/${id}`));
    const chiefsDash = await clients.ward_chief!.get('/');
    expect(chiefsDash.html).not.toContain(`/prior-approvals/${id}`);
    // the inbox reads the same worklist: the officer's waits there too, the 係長's not yet
    expect((await clients.ward_officer!.get('/notifications')).html).toContain(`/prior-approvals/${id}`);
    expect((await clients.ward_chief!.get('/notifications')).html).not.toContain(`/prior-approvals/${id}`);
    expect((await clients.other_contractor_manager!.get(`/prior-approvals/${id}`)).status).toBe(404);
    expect((await clients.council_reviewer!.get(`/prior-approvals/${id}`)).status).toBe(404);
  });

  it('is signed 担当者 → 係長 → 課長, each seeing the button in turn', async () => {
    for (const who of ['ward_officer', 'ward_chief', 'ward_manager']) {
      const page = await clients[who]!.get(`/prior-approvals/${id}`);
      expect(page.html, who).toContain(`action="/prior-approvals/${id}/approve"`);
      const res = await clients[who]!.post(`/prior-approvals/${id}/approve`, { version: version(page.html) });
      expect(res.status, who).toBe(303);
    }
    const page = await clients.ward_manager!.get(`/prior-approvals/${id}`);
    expect(textOf(page.html)).toContain('承認済み');
    expect(page.html).not.toContain(`/prior-approvals/${id}/approve"`);
  });

  it('is recorded done only with the witness', async () => {
    const page = await clients.contractor_manager!.get(`/prior-approvals/${id}`);
    expect(page.html).toContain('立会人の氏名と立会日を記録してください');
    const done = { version: version(page.html), completedOn: '2026-11-26', method: 'シュレッダーによる裁断' };
    const refused = await clients.contractor_manager!.post(`/prior-approvals/${id}/complete`, done);
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('シュレッダーによる裁断');
    const res = await clients.contractor_manager!.post(`/prior-approvals/${id}/complete`, {
      ...done,
      witnessName: '交通対策課 山田',
      witnessedOn: '2026-11-26',
    });
    expect(res.status).toBe(303);
    const after = textOf((await clients.ward_officer!.get(`/prior-approvals/${id}`)).html);
    expect(after).toContain('実施済み');
    expect(after).toContain('交通対策課 山田');
    expect(after).toContain('実施の記録');
    const en = await clients.ward_officer!.get(`/prior-approvals/${id}?lang=en`);
    expect(en.html).toContain('Prior approval: Disposal (廃棄)');
  });
});
