import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDelegation } from '../../../../test/helpers/approvals.js';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { createContract, expectStatus, putRegister } from '../../../../test/helpers/contracts.js';
import { CSV_INSTANT, readCsv } from '../../../../test/helpers/csv.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../../test/helpers/world.js';

// The menu, the inbox and the council pages name the body a municipality reports to as it does
// (issue 19), by the rule of bodyLabel: a short name as it is, a long one by its body word, 審議会
// where none is set.

const CITY_OFFICER = 'officer@city.nankoku.example.jp';

/** The menu's entry for the council pages. */
function menuLabel(html: string): string | undefined {
  const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  return /<a href="\/council"[^>]*>([^<]*)<\/a>/.exec(nav)?.[1];
}

describe('the council as the municipality calls it', () => {
  let t: TestApp;
  let w: World;
  const setBody = (
    wardId: string,
    body: { council_name?: string | null; report_body_name?: string | null },
  ) => t.handle.db.updateTable('organisations').set(body).where('id', '=', wardId).execute();

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('says 審議会 where the municipality has set no body', async () => {
    const officer = await pageClient(t, CITY_OFFICER);
    expect(menuLabel((await officer.get('/')).html)).toBe('審議会');
    const council = textOf((await officer.get('/council')).html);
    expect(council).toContain('審議会の開催（予定・開催済み）');
    expect(council).toContain('報告事項の報告先が設定されていません');
  });

  it('names a long body by its body word in the menu and the inbox, by its whole name as the title', async () => {
    const name = '南国市情報公開・個人情報保護運営審議会';
    await setBody(w.nankoku.wardId, { report_body_name: name });
    // an approved application reported to the body: a report item the officer puts on an agenda
    const tokens: Record<string, string> = {};
    for (const who of ['officer', 'chief', 'manager'])
      tokens[who] = await signIn(t, `${who}@city.nankoku.example.jp`);
    let approval = expectStatus(
      await t.call('POST', `/api/v1/contracts/${w.nankoku.myNumberContractId}/delegation-approval`, {
        token: tokens.officer,
        json: { councilMode: 'report' },
      }),
      201,
    );
    const step = async (who: string, command: string) => {
      approval = expectStatus(
        await t.call('POST', `/api/v1/approvals/${approval.id}/${command}`, {
          token: tokens[who],
          json: { version: approval.version },
        }),
        200,
      );
    };
    await step('officer', 'submit');
    await step('officer', 'start-review');
    for (const who of ['officer', 'chief', 'manager']) await step(who, 'approve');

    const officer = await pageClient(t, CITY_OFFICER);
    const home = await officer.get('/');
    expect(menuLabel(home.html)).toBe('審議会');
    expect(textOf(home.html)).toContain('審議会に未付議の報告事項');
    expect(textOf((await officer.get('/notifications')).html)).toContain('審議会への付議');
    const council = await officer.get('/council');
    expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(council.html)?.[1]).toBe(name);
    expect(textOf(council.html)).not.toContain('報告事項の報告先が設定されていません');
  });

  it('names a short body as it is, and 審議会 nowhere in the menu, inbox or headings', async () => {
    await setBody(w.wardId, { council_name: null, report_body_name: '個人情報保護委員会' });
    // an approved application reported to it: a report item waiting to be put on an agenda
    const contract = await createContract(t, w, { title: '委員会付議確認業務' });
    expectStatus(await putRegister(t, w.tokens.ward_officer!, contract.id, 0), 200);
    await approveDelegation(t, w, contract.id);
    const officer = await pageClient(t, USERS.ward_officer!.email);
    const home = await officer.get('/');
    expect(menuLabel(home.html)).toBe('個人情報保護委員会');
    const council = await officer.get('/council');
    expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(council.html)?.[1]).toBe('個人情報保護委員会');
    const headings = [...council.html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]!);
    expect(headings).toContain('個人情報保護委員会の開催（予定・開催済み）');
    expect(headings).toContain('個人情報保護委員会の開催を登録する');
    expect(headings.join('')).not.toContain('審議会');
    const inbox = textOf((await officer.get('/notifications')).html);
    expect(inbox).toContain('個人情報保護委員会への付議');
    expect(inbox).not.toContain('審議会への付議');
    // another municipality's menu is its own
    expect(menuLabel((await (await pageClient(t, CITY_OFFICER)).get('/')).html)).toBe('審議会');
    // in English, the menu still says Council
    expect(menuLabel((await officer.get('/?lang=en')).html)).toBe('Council');
  });

  it('sorts, filters and exports the report items in SQL, each municipality its own', async () => {
    const officer = await pageClient(t, CITY_OFFICER);
    const page = await officer.get('/council?sort=title&dir=desc');
    expect(page.status).toBe(200);
    expect(page.html).toContain('aria-sort="descending"');
    expect(page.html).toContain('<table class="cards">');
    expect(page.html).toContain('href="/council/export.csv?sort=title&amp;dir=desc"');
    const rows = readCsv(await officer.get('/council/export.csv?sort=createdAt&dir=asc'));
    expect(rows[0]).toEqual(['件名', '種別', '作成日時']);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows.slice(1)) expect(r[2]).toMatch(CSV_INSTANT);
    const title = rows[1]![0]!;
    const found = readCsv(await officer.get(`/council/export.csv?q=${encodeURIComponent(title)}`));
    expect(found.slice(1).map((r) => r[0])).toContain(title);
    expect(readCsv(await officer.get('/council/export.csv?q=%25'))).toHaveLength(1);
    // 新宿区's officer lists 新宿区's items only
    const ward = await pageClient(t, USERS.ward_officer!.email);
    const theirs = readCsv(await ward.get('/council/export.csv'));
    expect(theirs.slice(1).map((r) => r[0])).not.toContain(title);
    const company = await pageClient(t, USERS.contractor_manager!.email);
    expect((await company.get('/council/export.csv')).status).toBe(403);
    expect((await officer.get('/council?sort=kind&dir=asc&cursor=forged')).status).toBe(422);
  });
});
