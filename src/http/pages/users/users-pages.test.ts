import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { countRows } from '../../../../test/helpers/contracts.js';
import { readCsv } from '../../../../test/helpers/csv.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../../test/helpers/world.js';

// 利用者の管理 through the pages: a ward's and a company's manager keep their own accounts; what
// a careless manager types is refused field by field with nothing written; nobody reaches another
// organisation's users.

describe('pages: user administration', () => {
  let t: TestApp;
  let w: World;
  const client = (who: string) => pageClient(t, USERS[who]!.email);
  const NEW_PASSWORD = 'a long enough password';

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it("lists the ward's own users to its manager, and registers one who can then sign in", async () => {
    const manager = await client('ward_manager');
    const list = await manager.get('/users');
    expect(list.status).toBe(200);
    const text = textOf(list.html);
    expect(text).toContain(USERS.ward_officer!.email);
    expect(text).not.toContain(USERS.other_ward_officer!.email);
    expect(text).not.toContain(USERS.contractor_manager!.email);
    expect(list.html).toContain('href="/users"'); // in the menu

    const form = await manager.get('/users/new');
    expect(form.html).toContain('value="ward_chief"');
    expect(form.html).not.toContain('value="contractor_staff"');
    expect(form.html).not.toContain('value="system_admin"');

    const created = await manager.post('/users/new', {
      displayName: '新任 太郎',
      email: 'new.officer@city.shinjuku.example.jp',
      password: NEW_PASSWORD,
      roles: ['ward_officer', 'inspector'],
      departmentId: w.departments.交通対策課!,
    });
    expect(created.status).toBe(303);
    expect(created.location).toMatch(/^\/users\/[0-9a-f-]{36}\?notice=created$/);
    expect(await signIn(t, 'new.officer@city.shinjuku.example.jp', NEW_PASSWORD)).toBeTruthy();
    const shown = textOf((await manager.get(created.location!.split('?')[0]!)).html);
    expect(shown).toContain('新任 太郎');
  });

  it('refuses a careless form field by field, keeps what was typed, and writes nothing', async () => {
    const manager = await client('ward_manager');
    const before = await countRows(t, 'users');
    const bad = await manager.post('/users/new', {
      displayName: ' ',
      email: 'not an address',
      password: 'short',
    });
    expect(bad.status).toBe(422);
    const text = textOf(bad.html);
    expect(bad.html).toContain('class="error-summary"');
    for (const message of [
      '氏名を入力してください',
      'メールアドレスの形式で入力してください',
      'パスワードは12文字以上で入力してください',
      '役割を1つ以上選んでください',
    ])
      expect(text).toContain(message);
    expect(bad.html).toContain('value="not an address"');
    expect(bad.html).not.toContain('value="short"'); // a password is never sent back
    const twice = await manager.post('/users/new', {
      displayName: '重複',
      email: USERS.ward_officer!.email,
      password: NEW_PASSWORD,
      roles: 'ward_officer',
    });
    expect(twice.status).toBe(409);
    expect(textOf(twice.html)).toContain('既に登録されています');
    // a role the manager may not give, forged into the form: the policy refuses it
    const forged = await manager.post('/users/new', {
      displayName: '偽装',
      email: 'forged@city.shinjuku.example.jp',
      password: NEW_PASSWORD,
      roles: 'contractor_manager',
    });
    expect(forged.status).toBe(403);
    expect(await countRows(t, 'users')).toBe(before);
  });

  it('changes roles and disables a user, whose sign-in then fails; a stale form is a 409', async () => {
    const manager = await client('ward_manager');
    const officerId = w.userIds.council_reviewer!;
    const page = await manager.get(`/users/${officerId}`);
    expect(page.status).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(page.html)![1]!;
    const saved = await manager.post(`/users/${officerId}`, {
      version,
      displayName: '審議会 委員',
      roles: ['council_reviewer'],
      state: 'disabled',
    });
    expect(saved.status).toBe(303);
    const refused = await t.call('POST', '/api/v1/auth/sign-in', {
      json: { email: USERS.council_reviewer!.email, password: 'correct horse battery staple' },
    });
    expect(refused.status).toBe(401);
    const stale = await manager.post(`/users/${officerId}`, {
      version,
      displayName: '古い版',
      roles: ['council_reviewer'],
    });
    expect(stale.status).toBe(409);
    expect(textOf(stale.html)).toContain('再読み込み');
    const back = await manager.post(`/users/${officerId}`, {
      version: String(Number(version) + 1),
      displayName: '審議会 委員',
      roles: ['council_reviewer'],
    });
    expect(back.status).toBe(303);
  });

  it("lets a company's manager keep its own staff only, with company roles only", async () => {
    const company = await client('contractor_manager');
    const list = await company.get('/users');
    expect(list.status).toBe(200);
    expect(textOf(list.html)).toContain(USERS.contractor_staff!.email);
    expect(textOf(list.html)).not.toContain(USERS.ward_officer!.email);
    const form = await company.get('/users/new');
    expect(form.html).toContain('value="contractor_staff"');
    expect(form.html).not.toContain('value="ward_officer"');
    expect((await company.get(`/users/${w.userIds.ward_officer}`)).status).toBe(404);
    expect((await company.get(`/users/${w.userIds.other_contractor_manager}`)).status).toBe(404);
  });

  it('is closed to those who keep no accounts, and another ward’s users do not exist for them', async () => {
    for (const who of ['ward_officer', 'ward_chief', 'contractor_staff']) {
      const someone = await client(who);
      expect((await someone.get('/users')).status, who).toBe(403);
      expect((await someone.get('/users/new')).status, who).toBe(403);
      expect((await someone.get('/')).html, who).not.toContain('href="/users"');
    }
    const other = await client('other_ward_manager');
    expect((await other.get(`/users/${w.userIds.ward_officer}`)).status).toBe(404);
    const version = '1';
    expect(
      (
        await other.post(`/users/${w.userIds.ward_officer}`, {
          version,
          displayName: 'x',
          roles: 'ward_officer',
        })
      ).status,
    ).toBe(404);
  });

  it('sorts and filters the organisation’s accounts in SQL and exports them; nobody else may', async () => {
    const manager = await client('ward_manager');
    const page = await manager.get('/users?sort=email&dir=desc');
    expect(page.status).toBe(200);
    expect(page.html).toContain('aria-sort="descending"');
    expect(page.html).toContain('<table class="cards">');
    const rows = readCsv(await manager.get('/users/export.csv?sort=email&dir=asc'));
    expect(rows[0]).toEqual(['氏名', 'メールアドレス', '役割', '所属（所管課）', '状態']);
    const emails = rows.slice(1).map((r) => r[1]!);
    expect(emails).toContain(USERS.ward_officer!.email);
    expect(emails).not.toContain(USERS.other_ward_officer!.email);
    const desc = readCsv(await manager.get('/users/export.csv?sort=email&dir=desc'));
    expect(desc.slice(1).map((r) => r[1])).toEqual([...emails].reverse());
    const found = readCsv(
      await manager.get(`/users/export.csv?q=${encodeURIComponent(USERS.ward_chief!.email)}`),
    );
    expect(found.slice(1).map((r) => r[1])).toEqual([USERS.ward_chief!.email]);
    expect((await (await client('ward_officer')).get('/users/export.csv')).status).toBe(403);
    expect((await manager.get('/users?sort=state&dir=asc&cursor=forged')).status).toBe(422);
  });
});
