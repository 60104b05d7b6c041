import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { readCsv } from '../../../../test/helpers/csv.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// The incident pages through app.request: a contractor reports at once (refused input kept beside
// its fields), the ward instructs, the contractor responds, the chain signs it closed; each state
// change shows in the history. Others see nothing; the council reviewer can report nothing.

type Client = Awaited<ReturnType<typeof pageClient>>;
let t: TestApp;
let w: World;
let contractor: Client;
let officer: Client;
let incidentId = '';
const version = (html: string) => html.match(/name="version" value="(\d+)"/)![1]!;
const incidentCount = async () =>
  Number(
    (
      await t.handle.db
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  contractor = await pageClient(t, USERS.contractor_manager!.email);
  officer = await pageClient(t, USERS.ward_officer!.email);
});
afterAll(() => t.close());

describe('reporting an incident', () => {
  const form = (extra: Record<string, string> = {}) => ({
    contractId: w.bicycleContractId,
    information: '撤去車両所有者の氏名・住所',
    recordCount: '3',
    location: '保管所の事務室',
    circumstances: '返還通知を別の所有者に誤送付した',
    occurredAt: '2026-11-19T09:00',
    discoveredAt: '2026-11-20T10:30',
    ...extra,
  });

  it('offers the contractor’s own contracts and keeps what was typed beside each error', async () => {
    const page = await contractor.get('/incidents/new');
    expect(page.status).toBe(200);
    expect(page.html).toContain(`value="${w.bicycleContractId}"`);
    const before = await incidentCount();
    const bad = await contractor.post(
      '/incidents/new',
      form({ information: '  ', recordCount: 'たくさん', discoveredAt: '' }),
    );
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="f-information-error">入力してください/);
    expect(bad.html).toMatch(/id="f-recordCount-error">/);
    expect(bad.html).toMatch(/id="f-discoveredAt-error">/);
    expect(bad.html).toContain('value="たくさん"');
    expect(bad.html).toContain('返還通知を別の所有者に誤送付した');
    const future = await contractor.post('/incidents/new', form({ discoveredAt: '2027-01-01T10:00' }));
    expect(future.status).toBe(422);
    expect(future.html).toMatch(/id="f-discoveredAt-error">未来の日時は指定できません/);
    const elsewhere = await contractor.post('/incidents/new', form({ contractId: w.otherWardCompanyId }));
    expect(elsewhere.status).toBe(422);
    expect(await incidentCount()).toBe(before);
  });

  it('reports it; the ward sees it at once on its dashboard and in the list', async () => {
    const res = await contractor.post('/incidents/new', form());
    expect(res.status).toBe(303);
    incidentId = res.location!.match(/^\/incidents\/([0-9a-f-]{36})\?notice=created$/)![1]!;
    const dash = await officer.get('/');
    expect(dash.html).toMatch(new RegExp(`id="panel-incidents"[\\s\\S]*?/incidents/${incidentId}`));
    const list = await officer.get('/incidents?status=reported');
    expect(list.html).toContain(`/incidents/${incidentId}`);
    expect((await officer.get('/incidents?status=closed')).html).not.toContain(`/incidents/${incidentId}`);
    const page = await officer.get(`/incidents/${incidentId}`);
    const text = textOf(page.html);
    expect(text).toContain('報告済み（区の指示待ち）');
    expect(text).toContain('3件');
    expect(text).toContain('2026-11-20 10:30');
  });

  it('shows nothing to another company, and lets neither it nor the council reviewer report or act', async () => {
    const other = await pageClient(t, USERS.other_contractor_manager!.email);
    expect((await other.get(`/incidents/${incidentId}`)).status).toBe(404);
    expect((await other.post(`/incidents/${incidentId}/respond`, { version: '1' })).status).toBe(404);
    const council = await pageClient(t, USERS.council_reviewer!.email);
    expect((await council.get(`/incidents/${incidentId}`)).status).toBe(404);
    expect((await council.get('/incidents/new')).status).toBe(403);
    expect((await council.post('/incidents/new', form())).status).toBe(403);
    expect(
      (await contractor.post(`/incidents/${incidentId}/instruct`, { version: '1', instructions: 'x' }))
        .status,
    ).toBe(403);
  });
});

describe('the ward and the contractor deal with it', () => {
  it('records the instructions, then the response (refused while incomplete), then signs it closed', async () => {
    let page = await officer.get(`/incidents/${incidentId}`);
    expect(textOf(page.html)).toContain('指示を記録する');
    const empty = await officer.post(`/incidents/${incidentId}/instruct`, {
      version: version(page.html),
      instructions: '',
    });
    expect(empty.status).toBe(422);
    expect(empty.html).toMatch(/id="f-instructions-error">指示内容を入力してください/);
    expect(
      (
        await officer.post(`/incidents/${incidentId}/instruct`, {
          version: version(page.html),
          instructions: '誤送付先に連絡し回収すること',
        })
      ).status,
    ).toBe(303);

    page = await contractor.get(`/incidents/${incidentId}`);
    const partial = await contractor.post(`/incidents/${incidentId}/respond`, {
      version: version(page.html),
      response: '誤送付先から回収した',
      rootCause: '封入時の確認漏れ',
      prevention: '',
    });
    expect(partial.status).toBe(422);
    expect(partial.html).toContain('封入時の確認漏れ');
    expect(textOf(partial.html)).toContain('再発防止策を入力してください');
    expect(
      (
        await contractor.post(`/incidents/${incidentId}/respond`, {
          version: version(page.html),
          response: '誤送付先から回収した',
          rootCause: '封入時の確認漏れ',
          prevention: '封入時の二人確認',
        })
      ).status,
    ).toBe(303);

    const chief = await pageClient(t, USERS.ward_chief!.email);
    const manager = await pageClient(t, USERS.ward_manager!.email);
    for (const signer of [officer, chief, manager]) {
      page = await signer.get(`/incidents/${incidentId}`);
      expect(textOf(page.html)).toContain('決裁する');
      expect(
        (await signer.post(`/incidents/${incidentId}/sign`, { version: version(page.html) })).status,
      ).toBe(303);
    }
    page = await contractor.get(`/incidents/${incidentId}`);
    const text = textOf(page.html);
    expect(text).toContain('完了');
    expect(text).toContain('誤送付先に連絡し回収すること');
    expect(text).toContain('封入時の二人確認');
    // every change of state in the history: instructed, responded, three sign-offs
    expect(page.html.match(/<td>(区の指示|対応報告|決裁)<\/td>/g)).toHaveLength(5);
    expect(page.html).not.toContain('/respond"');
  });

  it('records publication with its date, refusing it without one', async () => {
    const page = await officer.get(`/incidents/${incidentId}`);
    const missing = await officer.post(`/incidents/${incidentId}/publish`, {
      version: version(page.html),
      publishedOn: '',
    });
    expect(missing.status).toBe(422);
    expect(missing.html).toMatch(/id="f-publishedOn-error">公表日を入力してください/);
    const done = await officer.post(`/incidents/${incidentId}/publish`, {
      version: version(page.html),
      publishedOn: '2026-11-21',
    });
    expect(done.status).toBe(303);
    expect(textOf((await officer.get(`/incidents/${incidentId}`)).html)).toContain('令和8年11月21日');
  });
});

describe('the list: sorted in SQL, filtered, and as CSV', () => {
  it('sorts by a column, filters by words and state, and exports only what the viewer may read', async () => {
    const second = await contractor.post('/incidents/new', {
      contractId: w.bicycleContractId,
      information: '利用者の電話番号',
      recordCount: '1',
      location: '窓口',
      circumstances: 'メモを紛失した',
      occurredAt: '',
      discoveredAt: '2026-11-18T08:00',
    });
    expect(second.status).toBe(303);
    const list = await officer.get('/incidents?sort=discoveredAt&dir=asc');
    expect(list.status).toBe(200);
    expect(list.html).toContain('aria-sort="ascending"');
    expect(list.html).toContain('<table class="cards">');
    expect(list.html).toContain('data-label="発見日時"');
    const text = textOf(list.html);
    expect(text.indexOf('利用者の電話番号')).toBeLessThan(text.indexOf('撤去車両所有者の氏名・住所'));
    const found = textOf((await officer.get('/incidents?q=%E7%AA%93%E5%8F%A3')).html); // 窓口
    expect(found).toContain('利用者の電話番号');
    expect(found).not.toContain('撤去車両所有者の氏名・住所');

    const csv = await officer.get('/incidents/export.csv?sort=discoveredAt&dir=desc');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.html.trimEnd().split('\r\n');
    readCsv(csv); // as Excel reads it: the BOM, and no ISO date or time in any cell
    expect(lines[0]).toBe('"契約","どの個人情報が","どこで","報告者","発見日時","報告日時","状態"');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"撤去車両所有者の氏名・住所","保管所の事務室"');
    expect(lines[1]).toContain('"2026/11/20 10:30"'); // Japan time, as Excel reads it
    expect(lines[2]).toContain('"利用者の電話番号"');
    const closed = await officer.get('/incidents/export.csv?status=reported');
    expect(closed.html.trimEnd().split('\r\n').length).toBeLessThan(3);

    for (const who of ['other_contractor_manager', 'other_ward_officer']) {
      const other = await pageClient(t, USERS[who]!.email);
      const theirs = await other.get('/incidents/export.csv');
      expect(theirs.status).toBe(200);
      expect(theirs.html.trimEnd().split('\r\n')).toHaveLength(1);
    }
  });
});
