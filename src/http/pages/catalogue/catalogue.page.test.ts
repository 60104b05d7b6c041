import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { expectStatus } from '../../../../test/helpers/contracts.js';
import { readCsv } from '../../../../test/helpers/csv.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// 情報項目の候補: the ward's catalogue, filtered and sorted in the SQL, and an item of the ward's own
// added by the privacy officer; others read it or are refused; another ward never sees it.

const CATALOGUE = '/api/v1/data-item-catalogue';

describe('pages: the data-item catalogue', () => {
  let t: TestApp;
  let w: World;
  let officer: Awaited<ReturnType<typeof pageClient>>;
  const count = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('data_item_catalogue')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const codes = (html: string) => [...html.matchAll(/<tr id="item-([a-z0-9_]+)"/g)].map((m) => m[1]);

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    officer = await pageClient(t, USERS.ward_officer!.email);
  });
  afterAll(() => t.close());

  it('lists the standard items with their flags, in the menu of ward staff; a company gets 403', async () => {
    const page = await officer.get('/catalogue');
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/catalogue"');
    const text = textOf(page.html);
    expect(text).toContain('犯罪の経歴');
    expect(text).toContain('個人番号（マイナンバー）');
    expect(page.html).toContain('action="/catalogue"');
    // the 係長 reads the catalogue but is not offered the form
    const chief = await pageClient(t, USERS.ward_chief!.email);
    const read = await chief.get('/catalogue');
    expect(read.status).toBe(200);
    expect(read.html).not.toContain('method="post" action="/catalogue"');
    const company = await pageClient(t, USERS.contractor_manager!.email);
    expect((await company.get('/catalogue')).status).toBe(403);
    expect((await company.get('/')).html).not.toContain('href="/catalogue"');
  });

  it('filters by code or name and sorts by a column, both ways', async () => {
    const filtered = await officer.get(`/catalogue?q=${encodeURIComponent('番号')}`);
    expect(codes(filtered.html).sort()).toEqual(
      [
        'bicycle_registration',
        'fax',
        'frame_number',
        'moped_plate',
        'my_number',
        'phone',
        'vehicle_plate',
      ].sort(),
    );
    const byCode = await officer.get(`/catalogue?q=${encodeURIComponent('番号')}&sort=code&dir=asc`);
    expect(codes(byCode.html)).toEqual([
      'bicycle_registration',
      'fax',
      'frame_number',
      'moped_plate',
      'my_number',
      'phone',
      'vehicle_plate',
    ]);
    expect(byCode.html).toMatch(/<th scope="col" aria-sort="ascending">/);
    const desc = await officer.get(`/catalogue?q=${encodeURIComponent('番号')}&sort=code&dir=desc`);
    expect(codes(desc.html)[0]).toBe('vehicle_plate');
    const special = await officer.get('/catalogue?sort=special&dir=desc');
    expect(codes(special.html).slice(0, 3).sort()).toEqual(['belief', 'criminal_record', 'social_status']);
    // a % is a character here, not a wildcard
    expect(codes((await officer.get('/catalogue?q=%25')).html)).toEqual([]);
  });

  it('exports the filtered catalogue as CSV in the page’s order; a company gets 403', async () => {
    const filtered = await officer.get(`/catalogue?q=${encodeURIComponent('番号')}&sort=code&dir=desc`);
    expect(filtered.html).toContain('<table class="cards">');
    expect(filtered.html).toContain(
      `href="/catalogue/export.csv?q=${encodeURIComponent('番号')}&amp;sort=code&amp;dir=desc"`,
    );
    const rows = readCsv(
      await officer.get(`/catalogue/export.csv?q=${encodeURIComponent('番号')}&sort=code&dir=desc`),
    );
    expect(rows[0]).toEqual(['項目コード', '項目名', '英語名', '要配慮の区分', 'マイナンバー', '種別']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(codes(filtered.html));
    const company = await pageClient(t, USERS.contractor_manager!.email);
    expect((await company.get('/catalogue/export.csv')).status).toBe(403);
  });

  it('adds an item of the ward’s own with its flags; another ward does not see it', async () => {
    const before = await count();
    const res = await officer.post('/catalogue', {
      code: 'parking_permit_no',
      name: '駐輪場定期利用許可番号',
      nameEn: 'Bicycle parking permit number',
      special: 'social_status',
      myNumber: 'on',
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/catalogue?q=parking_permit_no&notice=created');
    const api = expectStatus(await t.call('GET', CATALOGUE, { token: w.tokens.ward_officer }), 200);
    expect(api.items.find((i: { code: string }) => i.code === 'parking_permit_no')).toMatchObject({
      name: '駐輪場定期利用許可番号',
      specialCategory: 'social_status',
      myNumber: true,
      standard: false,
    });
    expect(await count()).toBe(before + 1);
    const shown = await officer.get('/catalogue?q=parking_permit_no');
    expect(textOf(shown.html)).toContain('区独自');
    const other = await pageClient(t, USERS.other_ward_officer!.email);
    expect(codes((await other.get('/catalogue?q=parking_permit')).html)).toEqual([]);
  });

  it('refuses a bad or taken code with the summary, a forged form and a user who may not add', async () => {
    const before = await count();
    const bad = await officer.post('/catalogue', { code: 'Bad Code', name: '', nameEn: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('class="error-summary"');
    expect(bad.html).toMatch(/id="f-code-error">項目コードを半角の英小文字/);
    expect(bad.html).toMatch(/id="f-name-error">項目名を入力してください/);
    expect(bad.html).toContain('value="Bad Code"');
    const taken = await officer.post('/catalogue', { code: 'name', name: '氏名（重複）', nameEn: 'Name' });
    expect(taken.status).toBe(409);
    expect(taken.html).toContain('class="error-summary"');
    expect(textOf(taken.html)).toContain('項目コード「name」は既に存在します');
    const forged = await officer.request('POST', '/catalogue', {
      code: 'forged',
      name: '偽',
      nameEn: 'Forged',
    });
    expect(forged.status).toBe(403);
    const chief = await pageClient(t, USERS.ward_chief!.email);
    expect(
      (await chief.post('/catalogue', { code: 'chief_item', name: '係長', nameEn: 'Chief' })).status,
    ).toBe(403);
    const company = await pageClient(t, USERS.contractor_manager!.email);
    expect((await company.post('/catalogue', { code: 'co_item', name: '会社', nameEn: 'Co' })).status).toBe(
      403,
    );
    expect(await count()).toBe(before);
  });
});
