import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { expectStatus } from '../../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../../test/helpers/world.js';

// The breach-report section through app.request: careless input is refused beside its field and
// changes nothing; the contractor, another company and the council may not answer; the section
// speaks English too; documents answer 409 before the questions are answered.

type Client = Awaited<ReturnType<typeof pageClient>>;
let t: TestApp;
let w: World;
let officer: Client;
let id = '';
const version = (html: string) => html.match(/name="version" value="(\d+)"/)![1]!;
const stored = async () =>
  t.handle.db
    .selectFrom('incidents')
    .select(['version', 'breach_answers'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  officer = await pageClient(t, USERS.ward_officer!.email);
  id = expectStatus(
    await t.call('POST', '/api/v1/incidents', {
      token: w.tokens.contractor_manager,
      json: {
        contractId: w.bicycleContractId,
        information: '撤去車両所有者の氏名・住所',
        recordCount: 3,
        location: '保管所',
        circumstances: '誤送付',
        discoveredAt: '2026-11-21T10:00:00+09:00',
      },
    }),
    201,
  ).id;
});
afterAll(() => t.close());

describe('the breach-report section', () => {
  it('refuses a count that is no number and a 覚知日 in the future beside their fields, keeping the ticks', async () => {
    const page = await officer.get(`/incidents/${id}`);
    expect(page.html).toContain('value="2026-11-21"');
    const before = await stored();
    const bad = await officer.post(`/incidents/${id}/breach/assess`, {
      version: version(page.html),
      learnedOn: '2026-11-21',
      personsAffected: 'たくさん',
      conditions: ['sensitive', 'no-such-question'],
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="f-personsAffected-error"/);
    expect(bad.html).toContain('value="たくさん"');
    expect(bad.html).toMatch(/value="sensitive" checked/);
    const future = await officer.post(`/incidents/${id}/breach/assess`, {
      version: version(page.html),
      learnedOn: '2026-12-31',
      personsAffected: '3',
    });
    expect(future.status).toBe(422);
    expect(future.html).toMatch(/id="f-learnedOn-error">未来の日付は指定できません/);
    expect(await stored()).toEqual(before);
    expect((await officer.get(`/incidents/${id}/breach-report.pdf`)).status).toBe(409);
  });

  it('judges a leak of three people without special circumstances as not reportable', async () => {
    const page = await officer.get(`/incidents/${id}`);
    const done = await officer.post(`/incidents/${id}/breach/assess`, {
      version: version(page.html),
      learnedOn: '2026-11-21',
      personsAffected: '3',
    });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/incidents/${id}?notice=saved#breach-report`);
    const text = textOf((await officer.get(`/incidents/${id}`)).html);
    expect(text).toContain('報告を要する事態に該当しません');
    expect(text).toContain('本人通知は要しません');
    const en = textOf((await officer.get(`/incidents/${id}?lang=en`)).html);
    expect(en).toContain('Breach report (Personal Information Protection Commission)');
    expect(en).toContain('No reportable breach');
  });

  it('lets neither the contractor (403) nor another company or the council (404) answer or record', async () => {
    const contractor = await pageClient(t, USERS.contractor_manager!.email);
    const page = await contractor.get(`/incidents/${id}`);
    expect(page.html).not.toContain('/breach/assess"');
    const form = { version: '2', learnedOn: '2026-11-21', personsAffected: '5000' };
    expect((await contractor.post(`/incidents/${id}/breach/assess`, form)).status).toBe(403);
    for (const who of ['other_contractor_manager', 'council_reviewer']) {
      const other = await pageClient(t, USERS[who]!.email);
      expect((await other.post(`/incidents/${id}/breach/assess`, form)).status, who).toBe(404);
      expect(
        (
          await other.post(`/incidents/${id}/breach/record/final`, {
            version: '2',
            'sentOn-final': '2026-11-21',
          })
        ).status,
        who,
      ).toBe(404);
      expect((await other.get(`/incidents/${id}/breach-report.csv`)).status, who).toBe(404);
    }
    expect((await stored()).breach_answers).toMatchObject({ personsAffected: 3 });
  });
});

describe('at 南国市, on the My Number contract (seed 004)', () => {
  it('hints that the register holds 特定個人情報 and speaks of the 市', async () => {
    const token = await signIn(t, 'manager@nankoku-madoguchi.example.jp');
    const reported = await t.call('POST', '/api/v1/incidents', {
      token,
      json: {
        contractId: w.nankoku.myNumberContractId,
        information: '交付対象者の氏名・個人番号',
        recordCount: 120,
        location: '市民課窓口',
        circumstances: '交付通知書を別人に手渡した',
        discoveredAt: '2026-11-21T10:00:00+09:00',
      },
    });
    expect(reported.status).toBe(201);
    const officerCity = await pageClient(t, 'officer@city.nankoku.example.jp');
    const page = await officerCity.get(`/incidents/${reported.body.id}`);
    const text = textOf(page.html);
    expect(text).toContain('この契約の情報項目には特定個人情報が含まれます（個人番号（マイナンバー）');
    const judged = await officerCity.post(`/incidents/${reported.body.id}/breach/assess`, {
      version: version(page.html),
      learnedOn: '2026-11-21',
      personsAffected: '120',
      myNumberPersonsAffected: '120',
      conditions: ['myNumber'],
    });
    expect(judged.status).toBe(303);
    const after = textOf((await officerCity.get(`/incidents/${reported.body.id}`)).html);
    expect(after).toContain('個人情報保護委員会への報告が必要です');
    expect(after).toContain('市に事故を報告');
    expect(after).not.toMatch(/区(?!分)/);
  });
});
