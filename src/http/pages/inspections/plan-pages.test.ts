import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { countRows } from '../../../../test/helpers/contracts.js';
import { readCsv } from '../../../../test/helpers/csv.js';
import { detail, itemsOf } from '../../../../test/helpers/inspections.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// 予定の変更 on the inspection page: the inspector chooses the assistants (補助者) and changes the
// date, place and checklist template before the inspection starts — through updatePlan, the PATCH's
// use case — with the same refusals shown at the top of the form.

describe('pages: changing an inspection’s plan (予定の変更)', () => {
  let t: TestApp;
  let w: World;
  let inspector: Awaited<ReturnType<typeof pageClient>>;
  let id = '';

  const version = async () => (await detail(t, w, id)).version as number;
  const planForm = async (extra: Record<string, string | string[]> = {}) => ({
    plannedOn: '2026-11-25',
    templateKey: 'toshima-protection',
    place: '受託者本社',
    version: String(await version()),
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    inspector = await pageClient(t, USERS.inspector!.email);
    const res = await inspector.post('/inspections', {
      contractId: w.bicycleContractId,
      templateKey: 'toshima-protection',
      plannedOn: '2026-11-20',
      place: '',
    });
    id = res.location!.match(/^\/inspections\/([0-9a-f-]{36})\?/)![1]!;
  });
  afterAll(() => t.close());

  it('offers the inspector the plan with the ward’s staff as possible assistants', async () => {
    const page = await inspector.get(`/inspections/${id}`);
    expect(page.html).toContain(`action="/inspections/${id}/plan"`);
    expect(page.html).toContain(`value="${w.userIds.ward_officer}"`);
    expect(page.html).not.toContain(`value="${w.userIds.inspector}"`); // never the inspector
    expect(page.html).not.toContain(`value="${w.userIds.other_ward_officer}"`);
    expect(page.html).toContain('name="templateKey"');
    expect(page.html).toContain('name="plannedOn"');
    // someone who may read it but not plan it sees no form, and cannot post one
    const officer = await pageClient(t, USERS.ward_officer!.email);
    expect((await officer.get(`/inspections/${id}`)).html).not.toContain(`/inspections/${id}/plan"`);
    expect((await officer.post(`/inspections/${id}/plan`, await planForm())).status).toBe(403);
    const other = await pageClient(t, USERS.other_ward_officer!.email);
    expect((await other.post(`/inspections/${id}/plan`, await planForm())).status).toBe(404);
  });

  it('changes date, place, template and assistants; the new template’s items replace the old', async () => {
    const before = itemsOf(await detail(t, w, id)).map((i) => i.key);
    const res = await inspector.post(
      `/inspections/${id}/plan`,
      await planForm({
        templateKey: 'toshima-labour',
        place: 'テレビ通話',
        assistantIds: [w.userIds.ward_officer!, w.userIds.ward_chief!],
      }),
    );
    expect(res.status).toBe(303);
    const after = await detail(t, w, id);
    expect(after.plannedOn).toBe('2026-11-25');
    expect(after.place).toBe('テレビ通話');
    expect(after.templateKey).toBe('toshima-labour');
    expect(after.assistantIds).toEqual([w.userIds.ward_officer, w.userIds.ward_chief]);
    const keys = itemsOf(after).map((i) => i.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys).not.toEqual(before);
    const page = await inspector.get(`/inspections/${id}`);
    expect(page.html).toMatch(new RegExp(`value="${w.userIds.ward_officer}" checked`));
    expect(textOf(page.html)).toContain('補助者');
    // no box ticked is no assistants
    await inspector.post(`/inspections/${id}/plan`, await planForm({ templateKey: 'toshima-labour' }));
    expect((await detail(t, w, id)).assistantIds).toEqual([]);
  });

  it('refuses a company user as assistant, and a stale form, at the top, changing nothing', async () => {
    const audits = await countRows(t, 'audit_entries');
    const bad = await inspector.post(
      `/inspections/${id}/plan`,
      await planForm({ place: '区役所', assistantIds: [w.userIds.contractor_manager!] }),
    );
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('error-summary');
    expect(textOf(bad.html)).toContain('実地検査に加わることのできるこの区の職員ではありません');
    expect(bad.html).toContain('value="区役所"');
    const stale = await inspector.post(
      `/inspections/${id}/plan`,
      await planForm({ version: '1', place: '古い' }),
    );
    expect(stale.status).toBe(409);
    const date = await inspector.post(`/inspections/${id}/plan`, await planForm({ plannedOn: '2026-02-30' }));
    expect(date.status).toBe(422);
    expect(await countRows(t, 'audit_entries')).toBe(audits);
  });

  it('once started: place and assistants only; a forged date or template is refused (409)', async () => {
    const v = await version();
    expect((await inspector.post(`/inspections/${id}/start`, { version: String(v) })).status).toBe(303);
    const page = await inspector.get(`/inspections/${id}`);
    expect(page.html).toContain(`action="/inspections/${id}/plan"`);
    expect(page.html).not.toContain('name="plannedOn"');
    expect(page.html).not.toContain('name="templateKey"');
    const moved = await inspector.post(`/inspections/${id}/plan`, {
      place: '受託者倉庫',
      assistantIds: w.userIds.ward_officer!,
      version: String(await version()),
    });
    expect(moved.status).toBe(303);
    expect((await detail(t, w, id)).place).toBe('受託者倉庫');
    // the assistant records items on the same page, but is offered no plan and may not post one
    const assistant = await pageClient(t, USERS.ward_officer!.email);
    const seen = await assistant.get(`/inspections/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.html).not.toContain(`action="/inspections/${id}/plan"`);
    expect(
      (await assistant.post(`/inspections/${id}/plan`, { place: 'x', version: String(await version()) }))
        .status,
    ).toBe(403);
    const forged = await inspector.post(`/inspections/${id}/plan`, {
      place: '受託者倉庫',
      templateKey: 'toshima-protection',
      version: String(await version()),
    });
    expect(forged.status).toBe(409);
    expect((await detail(t, w, id)).templateKey).toBe('toshima-labour');
  });

  it('lists the year’s inspections sorted in SQL, filtered, and as CSV with what each viewer may read', async () => {
    const second = await inspector.post('/inspections', {
      contractId: w.bicycleContractId,
      templateKey: 'toshima-protection',
      plannedOn: '2026-10-01',
      place: '区役所会議室',
    });
    expect(second.status).toBe(303);
    const list = await inspector.get('/inspections?fy=2026&sort=plannedOn&dir=asc');
    expect(list.status).toBe(200);
    expect(list.html).toContain('aria-sort="ascending"');
    expect(list.html).toContain('data-label="実施予定日"');
    const text = textOf(list.html);
    expect(text.indexOf('区役所会議室')).toBeLessThan(text.indexOf('受託者倉庫'));
    const found = textOf((await inspector.get(`/inspections?fy=2026&q=${encodeURIComponent('倉庫')}`)).html);
    expect(found).toContain('受託者倉庫');
    expect(found).not.toContain('区役所会議室');
    const planned = textOf((await inspector.get('/inspections?fy=2026&status=planned')).html);
    expect(planned).toContain('区役所会議室');
    expect(planned).not.toContain('受託者倉庫');

    const csv = await inspector.get('/inspections/export.csv?fy=2026&sort=plannedOn&dir=desc');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.html.trimEnd().split('\r\n');
    readCsv(csv); // as Excel reads it: the BOM, and no ISO date or time in any cell
    expect(lines[0]).toBe(
      '"検査の対象（委託先等）","チェックリスト様式","実施予定日","年度","実施場所","状態"',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"2026/11/25","令和8年度","受託者倉庫"');
    expect(lines[2]).toContain('"区役所会議室"');

    // the inspected company reads its own; another ward none; the council is refused
    const company = await pageClient(t, USERS.contractor_manager!.email);
    expect((await company.get('/inspections/export.csv?fy=2026')).html.trimEnd().split('\r\n')).toHaveLength(
      3,
    );
    const other = await pageClient(t, USERS.other_ward_officer!.email);
    expect((await other.get('/inspections/export.csv?fy=2026')).html.trimEnd().split('\r\n')).toHaveLength(1);
    const council = await pageClient(t, USERS.council_reviewer!.email);
    expect((await council.get('/inspections/export.csv')).status).toBe(403);
  });
});
