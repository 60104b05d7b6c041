import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { countRows, expectStatus } from '../../../../test/helpers/contracts.js';
import { answerRest, detail, INSPECTIONS, itemsOf } from '../../../../test/helpers/inspections.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// The inspection pages through app.request: the inspector plans, starts and answers item by item
// (each item its own form, saved on its own), a × becomes a finding, the company reports its
// improvement, the inspector re-checks, and the ward signs 担当者 → 係長 → 課長 — the same use cases
// and refusals as the API, shown on the page with what was typed kept.

// A 1×1 PNG, standing in for a photo taken on site.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

describe('pages: on-site inspections (実地検査)', () => {
  let t: TestApp;
  let w: World;
  let inspector: Awaited<ReturnType<typeof pageClient>>;
  let id = '';
  let keys: string[] = [];

  const itemForm = (version: number, extra: Record<string, string | string[]> = {}) => ({
    result: 'ok',
    checkedOn: '2026-11-20',
    observation: '',
    improvementDueOn: '',
    remoteMethod: '',
    version: String(version),
    after: 'next',
    ...extra,
  });
  const itemVersion = async (key: string) =>
    itemsOf(await detail(t, w, id)).find((i) => i.key === key)!.answer.version;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    inspector = await pageClient(t, USERS.inspector!.email);
  });
  afterAll(() => t.close());

  it('shows the inspector the year plan with the contractor due, and plans from it', async () => {
    const plan = await inspector.get('/inspections');
    expect(plan.status).toBe(200);
    const text = textOf(plan.html);
    expect(text).toContain('実地検査計画 令和8年度（2026年度）');
    expect(text).toContain('株式会社サイクルサポート東京');
    expect(text).toContain('未実施');
    expect(plan.html).toContain(`href="/inspections/new?contractId=${w.bicycleContractId}"`);
    const form = await inspector.get(`/inspections/new?contractId=${w.bicycleContractId}`);
    expect(form.html).toMatch(new RegExp(`value="${w.bicycleContractId}" selected`));
  });

  it('keeps what was typed when the plan is refused, and writes nothing', async () => {
    const before = await countRows(t, 'audit_entries');
    const res = await inspector.post('/inspections', {
      contractId: w.bicycleContractId,
      templateKey: 'toshima-protection',
      plannedOn: '2026-13-40',
      place: '受託者本社 会議室',
    });
    expect(res.status).toBe(422);
    expect(res.html).toMatch(/id="f-plannedOn-error">/);
    expect(res.html).toContain('value="受託者本社 会議室"');
    expect(res.html).toContain('value="2026-13-40"');
    expect(await countRows(t, 'audit_entries')).toBe(before);
  });

  it('plans and starts the inspection; the checklist has the sections of the processing modes', async () => {
    const res = await inspector.post('/inspections', {
      contractId: w.bicycleContractId,
      templateKey: 'toshima-protection',
      plannedOn: '2026-11-20',
      place: '受託者本社',
    });
    expect(res.status).toBe(303);
    id = res.location!.match(/^\/inspections\/([0-9a-f-]{36})\?notice=created$/)![1]!;
    const planned = await inspector.get(`/inspections/${id}`);
    expect(textOf(planned.html)).toContain('予定');
    expect(planned.html).toContain(`action="/inspections/${id}/start"`);
    const version = (await detail(t, w, id)).version;
    expect((await inspector.post(`/inspections/${id}/start`, { version: String(version) })).status).toBe(303);
    const started = await inspector.get(`/inspections/${id}`);
    expect(textOf(started.html)).toContain('(1) 個人情報等を紙媒体で提供する委託');
    keys = itemsOf(await detail(t, w, id)).map((i) => i.key);
    expect(started.html).toContain(`href="/inspections/${id}/items/${keys[0]}"`);
  });

  it('saves items one by one and moves to the next; a reload shows what was saved', async () => {
    const first = await inspector.get(`/inspections/${id}/items/${keys[0]}`);
    expect(first.status).toBe(200);
    expect(first.html).toContain('enctype="multipart/form-data"');
    const saved = await inspector.post(
      `/inspections/${id}/items/${keys[0]}`,
      itemForm(1, { observation: '規程を確認した' }),
    );
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/inspections/${id}/items/${keys[1]}?notice=itemSaved`);
    const reloaded = await inspector.get(`/inspections/${id}/items/${keys[0]}`);
    expect(reloaded.html).toMatch(/value="ok" checked/);
    expect(reloaded.html).toContain('規程を確認した');
    const stay = await inspector.post(
      `/inspections/${id}/items/${keys[1]}`,
      itemForm(1, { result: 'na', after: 'stay', remoteMethod: 'video' }),
    );
    expect(stay.location).toBe(`/inspections/${id}/items/${keys[1]}?notice=itemSaved`);
    const overview = textOf((await inspector.get(`/inspections/${id}`)).html);
    expect(overview).toContain(`2 / ${keys.length} 項目を確認済み`);
    expect(overview).toContain('未確認の項目から入力する');
  });

  it('refuses a × without what was seen and its deadline, beside the fields, keeping the rest', async () => {
    const res = await inspector.post(
      `/inspections/${id}/items/${keys[2]}`,
      itemForm(1, { result: 'ng', checkedOn: '2026-11-19', remoteMethod: 'photos' }),
    );
    expect(res.status).toBe(422);
    expect(res.html).toMatch(/id="f-observation-error">確認結果が×の場合は確認内容/);
    expect(res.html).toMatch(/id="f-improvementDueOn-error">×の場合は委託先等と協議した改善期限/);
    expect(res.html).toMatch(/value="ng" checked/);
    expect(res.html).toContain('value="2026-11-19"');
    expect(res.html).toMatch(/value="photos" selected/);
    expect(await itemVersion(keys[2]!)).toBe(1);
    const future = await inspector.post(
      `/inspections/${id}/items/${keys[2]}`,
      itemForm(1, { checkedOn: '2027-01-01' }),
    );
    expect(future.status).toBe(422);
    expect(future.html).toMatch(/id="f-checkedOn-error">実施日に未来の日付は指定できません/);
  });

  it('turns a × with a photo into a finding with its deadline', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(
      itemForm(1, {
        result: 'ng',
        observation: '施錠されていない保管庫があった',
        improvementDueOn: '2026-12-20',
      }),
    ))
      form.set(k, v as string);
    form.set('photo', new Blob([PNG], { type: 'image/png' }), '保管庫.png');
    const res = await inspector.upload(`/inspections/${id}/items/${keys[2]}`, form);
    expect(res.status).toBe(303);
    const item = await inspector.get(`/inspections/${id}/items/${keys[2]}`);
    const photo = item.html.match(/src="\/attachments\/([0-9a-f-]{36})"/)![1]!;
    expect((await inspector.get(`/attachments/${photo}`)).status).toBe(200);
    expect(textOf(item.html)).toContain('改善待ち');
    const overview = textOf((await inspector.get(`/inspections/${id}`)).html);
    expect(overview).toContain('施錠されていない保管庫があった');
    expect(overview).toContain('未完了の指摘事項 1件');
  });

  it('puts the finding past its deadline and who is due on the dashboards of those who act', async () => {
    const due = textOf((await inspector.get('/')).html);
    expect(due).toContain('実地検査が必要な委託先等');
    expect(due).toContain('株式会社サイクルサポート東京');
    expect(due).toContain('改善期限を過ぎた指摘事項');
    expect(due).not.toContain('施錠されていない保管庫があった');
    t.clock.set('2026-12-21T01:00:00Z');
    try {
      const later = await pageClient(t, USERS.inspector!.email);
      const page = await later.get('/');
      expect(page.html).toMatch(new RegExp(`href="/inspections/${id}#finding-[0-9a-f-]{36}"`));
      const company = await pageClient(t, USERS.contractor_manager!.email);
      const companyPage = await company.get('/');
      expect(textOf(companyPage.html)).toContain('改善報告の期限を過ぎた指摘事項');
      expect(companyPage.html).toMatch(new RegExp(`href="/inspections/${id}#finding-`));
      expect(textOf(companyPage.html)).not.toContain('実地検査が必要な委託先等');
      const other = await pageClient(t, USERS.other_contractor_manager!.email);
      expect((await other.get('/')).html).not.toContain(`/inspections/${id}`);
      const english = await later.get('/inspections?lang=en');
      expect(textOf(english.html)).toContain('Inspection plan FY2026');
    } finally {
      t.clock.set('2026-11-22T01:00:00Z');
    }
  });

  it('refuses sign-off while items are unanswered and the finding is open, and says why', async () => {
    const version = (await detail(t, w, id)).version;
    const res = await inspector.post(`/inspections/${id}/submit`, { version: String(version) });
    expect(res.status).toBe(409);
    const text = textOf(res.html);
    expect(text).toContain('改善が確認されていない指摘事項があります');
    expect(text).toContain('未確認の項目が');
    expect((await detail(t, w, id)).status).toBe('in_progress');
  });

  it('hides inspections from the council and from another ward; others may not plan or record', async () => {
    const council = await pageClient(t, USERS.council_reviewer!.email);
    expect((await council.get('/inspections')).status).toBe(403);
    expect((await council.get(`/inspections/${id}`)).status).toBe(404);
    expect((await council.get(`/inspections/${id}/items/${keys[0]}`)).status).toBe(404);
    expect((await council.get('/')).html).not.toContain('href="/inspections"');
    const otherWard = await pageClient(t, USERS.other_ward_officer!.email);
    expect((await otherWard.get(`/inspections/${id}`)).status).toBe(404);
    expect((await otherWard.get(`/inspections/${id}/pdf`)).status).toBe(404);
    expect((await otherWard.post(`/inspections/${id}/items/${keys[3]}`, itemForm(1))).status).toBe(404);
    const officer = await pageClient(t, USERS.ward_officer!.email);
    expect((await officer.get('/inspections/new')).status).toBe(403);
    expect((await officer.post(`/inspections/${id}/items/${keys[3]}`, itemForm(1))).status).toBe(403);
    const company = await pageClient(t, USERS.contractor_manager!.email);
    expect((await company.post(`/inspections/${id}/items/${keys[3]}`, itemForm(1))).status).toBe(403);
    expect(await itemVersion(keys[3]!)).toBe(1);
    const forged = await inspector.request('POST', `/inspections/${id}/items/${keys[3]}`, itemForm(1));
    expect(forged.status).toBe(403);
  });

  it('lets the company report its improvement, and the inspector re-check and sign off with the ward', async () => {
    const company = await pageClient(t, USERS.contractor_manager!.email);
    const list = textOf((await company.get('/inspections')).html);
    expect(list).toContain('施錠されていない保管庫があった');
    const page = await company.get(`/inspections/${id}`);
    const findingId = page.html.match(/id="finding-([0-9a-f-]{36})"/)![1]!;
    const blank = await company.post(`/inspections/${id}/findings/${findingId}/improvement-report`, {
      [`report-${findingId}`]: ' ',
      version: '1',
    });
    expect(blank.status).toBe(422);
    expect(blank.html).toMatch(new RegExp(`id="f-report-${findingId}-error">`));
    const reported = await company.post(`/inspections/${id}/findings/${findingId}/improvement-report`, {
      [`report-${findingId}`]: '保管庫に施錠し、鍵の管理簿を作成した',
      version: '1',
    });
    expect(reported.status).toBe(303);

    const item = await inspector.get(`/inspections/${id}/items/${keys[2]}`);
    expect(item.html).toContain(`action="/inspections/${id}/items/${keys[2]}/recheck"`);
    const version = String(await itemVersion(keys[2]!));
    const notYet = await inspector.post(`/inspections/${id}/items/${keys[2]}/recheck`, {
      recheckedOn: '2026-11-21',
      recheckResult: 'ng',
      version,
    });
    expect(notYet.status).toBe(422);
    expect(notYet.html).toMatch(/id="f-recheckNote-error">改善されていない内容/);
    expect(notYet.html).toMatch(/value="ng" checked/);
    const rechecked = await inspector.post(`/inspections/${id}/items/${keys[2]}/recheck`, {
      recheckedOn: '2026-11-21',
      recheckResult: 'ok',
      version,
    });
    expect(rechecked.status).toBe(303);
    expect(textOf((await inspector.get(`/inspections/${id}/items/${keys[2]}`)).html)).toContain(
      '改善確認済み',
    );

    await answerRest(t, w, id);
    const submitted = await inspector.post(`/inspections/${id}/submit`, {
      version: String((await detail(t, w, id)).version),
    });
    expect(submitted.status).toBe(303);
    for (const who of ['ward_officer', 'ward_chief', 'ward_manager']) {
      const signer = await pageClient(t, USERS[who]!.email);
      const page = await signer.get(`/inspections/${id}`);
      expect(page.html).toContain(`action="/inspections/${id}/approve"`);
      const signed = await signer.post(`/inspections/${id}/approve`, {
        version: String((await detail(t, w, id)).version),
        comment: `${who} 決裁`,
      });
      expect(signed.status).toBe(303);
    }
    const done = await inspector.get(`/inspections/${id}`);
    expect(textOf(done.html)).toContain('決裁済み');
    const pdf = await inspector.request('GET', `/inspections/${id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const api = expectStatus(await t.call('GET', `${INSPECTIONS}/${id}`, { token: w.tokens.inspector }), 200);
    expect(api.status).toBe('signed_off');
  });
});
