import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../test/helpers/browser.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';

// Every municipality speaks of itself in its own word (issue 18): 南国市, a 市, reads 市 on its pages,
// documents and messages where 新宿区, a 特別区, reads 区. 区分 ("category") is not the word.

/**
 * 区 as the municipality's word: not 区分 or 区域, and not 特別区, the name of a kind the settings
 * page offers to choose.
 */
const WARD_WORD = /(?<!特別)区(?!分|域)/g;

function wardWords(text: string): string[] {
  return [...text.matchAll(WARD_WORD)].map((m) => text.slice(Math.max(0, m.index - 12), m.index + 8));
}

describe('a city (市) and a special ward (区) each read their own word', () => {
  let t: TestApp;
  let w: World;
  const city: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    for (const who of ['officer', 'chief', 'manager', 'council']) {
      city[who] = await signIn(t, `${who}@city.nankoku.example.jp`);
    }
    city.contractor = await signIn(t, 'manager@nankoku-madoguchi.example.jp');
  });
  afterAll(() => t.close());

  it('南国市 is a 市 and 新宿区 a 特別区, as the API shows them', async () => {
    const nankoku = expectStatus(
      await t.call('GET', `/api/v1/organisations/${w.nankoku.wardId}`, { token: city.officer }),
      200,
    );
    expect(nankoku).toMatchObject({
      name: '南国市',
      municipalityKind: 'city',
      selfWord: '市',
      ordinanceName: '南国市個人情報の保護に関する法律施行条例',
    });
    const shinjuku = expectStatus(
      await t.call('GET', `/api/v1/organisations/${w.wardId}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(shinjuku).toMatchObject({ municipalityKind: 'special_ward', selfWord: '区' });
  });

  it("walks 南国市's pages and finds 市, never 区", async () => {
    const id = w.nankoku.myNumberContractId;
    const officer = await pageClient(t, 'officer@city.nankoku.example.jp');
    const manager = await pageClient(t, 'manager@city.nankoku.example.jp');
    const contractor = await pageClient(t, 'manager@nankoku-madoguchi.example.jp');
    const pages: Array<[typeof officer, string]> = [
      [officer, '/'],
      [officer, '/contracts'],
      [officer, `/contracts/${id}`],
      [officer, `/contracts/${id}/register/edit`],
      [officer, '/handover'],
      [officer, '/compliance-reports'],
      [officer, '/incidents'],
      [officer, '/inspections'],
      [officer, '/council'],
      [officer, '/summaries'],
      [officer, '/account/security'],
      [manager, '/settings/ward'],
      [contractor, '/'],
      [contractor, `/contracts/${id}`],
      [contractor, '/incidents/new'],
    ];
    const seen: string[] = [];
    for (const [client, path] of pages) {
      const res = await client.get(path);
      expect(res.status, path).toBe(200);
      const text = textOf(res.html);
      expect(wardWords(text), path).toEqual([]);
      seen.push(text);
    }
    const all = seen.join('\n');
    // the words the dictionary used to hard-code, now the city's own
    expect(all).toContain('市が行う情報保護対策');
    expect(all).toContain('市の設定');
    expect(all).toContain('市の指示');

    // and in English, the city's word too
    const english = textOf((await manager.get('/settings/ward?lang=en')).html);
    expect(english).toContain('City settings');
    expect(english).not.toContain('Ward settings');
  });

  it('新宿区 still reads 区 on the same pages', async () => {
    const officer = await pageClient(t, USERS.ward_officer!.email);
    const manager = await pageClient(t, USERS.ward_manager!.email);
    const detail = textOf((await officer.get(`/contracts/${w.bicycleContractId}`)).html);
    expect(detail).toContain('区が行う情報保護対策');
    expect(detail).not.toContain('市が行う情報保護対策');
    expect(textOf((await manager.get('/settings/ward')).html)).toContain('区の設定');
  });

  it("an error message speaks of the caller's own municipality", async () => {
    // a department of 新宿区 is not one of 南国市
    const refused = await t.call('POST', '/api/v1/contracts', {
      token: city.officer,
      json: {
        departmentId: w.departments.交通対策課,
        contractorOrgId: w.nankoku.contractorId,
        title: '試験',
        handlesPersonalInfo: false,
        periodFrom: '2026-04-01',
        periodTo: '2027-03-31',
      },
    });
    expect(refused.status).toBe(422);
    const cityMessages = JSON.stringify(refused.body);
    expect(cityMessages).toContain('この市の所管課ではありません');
    expect(cityMessages).toContain('not a department of this city');
    expect(wardWords(cityMessages)).toEqual([]);

    const wardRefused = await t.call('POST', '/api/v1/contracts', {
      token: w.tokens.ward_officer,
      json: {
        departmentId: w.nankoku.departments.市民課,
        contractorOrgId: w.companies.contractor,
        title: '試験',
        handlesPersonalInfo: false,
        periodFrom: '2026-04-01',
        periodTo: '2027-03-31',
      },
    });
    expect(wardRefused.status).toBe(422);
    expect(JSON.stringify(wardRefused.body)).toContain('この区の所管課ではありません');

    // the same refusal on a page: the manager's settings page, refused to the officer
    const officerPage = await pageClient(t, 'officer@city.nankoku.example.jp');
    const forbidden = await officerPage.get('/settings/ward');
    expect(forbidden.status).toBe(403);
    expect(textOf(forbidden.html)).toContain('市の設定は課長のみが変更できます');
  });

  it("the council report PDF of 南国市 says 市, 新宿区's says 区", async () => {
    const contractId = w.nankoku.myNumberContractId;
    const applied = expectStatus(
      await t.call('POST', `/api/v1/contracts/${contractId}/delegation-approval`, {
        token: city.officer,
        json: { councilMode: 'report' },
      }),
      201,
    );
    const step = async (who: string, a: { id: string; version: number }, command: string) =>
      expectStatus(
        await t.call('POST', `/api/v1/approvals/${a.id}/${command}`, {
          token: city[who],
          json: { version: a.version },
        }),
        200,
      );
    let approval = await step('officer', applied, 'submit');
    approval = await step('officer', approval, 'start-review');
    for (const who of ['officer', 'chief', 'manager']) approval = await step(who, approval, 'approve');

    const items = expectStatus(
      await t.call('GET', '/api/v1/council/report-items?limit=50', { token: city.council }),
      200,
    );
    const item =
      items.items.find((i: { contractId?: string }) => i.contractId === contractId) ?? items.items[0];
    expect(item).toBeDefined();
    const pdf = await t.app.request(`/api/v1/council/report-items/${item.id}/pdf`, {
      headers: { authorization: `Bearer ${city.council}` },
    });
    expect(pdf.status).toBe(200);
    const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('委託にあたり市が行う情報保護対策');
    expect(wardWords(text)).toEqual([]);
    // 南国市 has named neither a council nor another body (seed 004 names none): the PDF says so
    expect(text).toContain('（報告先未設定）');

    const wardItems = expectStatus(
      await t.call('GET', '/api/v1/council/report-items?limit=50', { token: w.tokens.council_reviewer }),
      200,
    );
    const wardPdf = await t.app.request(`/api/v1/council/report-items/${wardItems.items[0].id}/pdf`, {
      headers: { authorization: `Bearer ${w.tokens.council_reviewer}` },
    });
    expect((await pdfText(new Uint8Array(await wardPdf.arrayBuffer()))).text).toContain(
      '委託にあたり区が行う情報保護対策',
    );
  });
});

describe('the administrator sets a municipality’s kind and words', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const ORGS = '/api/v1/organisations';

  it("creates a 町 with its kind's word, changes it to a 広域連合, and refuses words for a company", async () => {
    const admin = w.tokens.system_admin;
    const town = expectStatus(
      await t.call('POST', ORGS, {
        token: admin,
        json: {
          kind: 'ward',
          name: '試験町',
          municipalityKind: 'town',
          councilName: '試験町個人情報保護審議会',
        },
      }),
      201,
    );
    expect(town).toMatchObject({
      municipalityKind: 'town',
      selfWord: '町',
      councilName: '試験町個人情報保護審議会',
    });

    const union = expectStatus(
      await t.call('PATCH', `${ORGS}/${town.id}`, {
        token: admin,
        json: { municipalityKind: 'wide_area_union', name: '試験広域連合', version: town.version },
      }),
      200,
    );
    expect(union).toMatchObject({ municipalityKind: 'wide_area_union', selfWord: '連合' });
    const named = expectStatus(
      await t.call('PATCH', `${ORGS}/${town.id}`, {
        token: admin,
        json: { selfWord: '広域連合', councilName: null, version: union.version },
      }),
      200,
    );
    expect(named).toMatchObject({ selfWord: '広域連合', councilName: null });

    const company = await t.call('POST', ORGS, {
      token: admin,
      json: { kind: 'company', name: '株式会社試験', municipalityKind: 'city' },
    });
    expect(company.status).toBe(422);
    expect(company.body.errors[0]).toMatchObject({ path: 'municipalityKind' });

    const unknown = await t.call('POST', ORGS, {
      token: admin,
      json: { kind: 'ward', name: '試験郡', municipalityKind: 'county' },
    });
    expect(unknown.status).toBe(422);
    const blank = await t.call('PATCH', `${ORGS}/${town.id}`, {
      token: admin,
      json: { selfWord: ' ', version: named.version },
    });
    expect(blank.status).toBe(422);

    // the city's words are its own manager's (課長) too, but no other municipality's: 新宿区's manager
    // does not see 南国市 (404), 南国市's officer may not change them (403)
    const byOtherManager = await t.call('PATCH', `${ORGS}/${w.nankoku.wardId}`, {
      token: w.tokens.ward_manager,
      json: { selfWord: '区', version: 1 },
    });
    expect(byOtherManager.status).toBe(404);
    const byOfficer = await t.call('PATCH', `${ORGS}/${w.nankoku.wardId}`, {
      token: await signIn(t, 'officer@city.nankoku.example.jp'),
      json: { selfWord: '区', version: 1 },
    });
    expect(byOfficer.status).toBe(403);
  });
});
