import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient } from '../../../../test/helpers/browser.js';
import { countRows } from '../../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// /imports: templates, the upload form, the problems of a refused file by row and column, history.

const HEADINGS =
  '契約番号,件名,所管課,受託者（法人番号又はID）,契約日,契約期間（開始）,契約期間（終了）,契約金額,履行場所,個人情報の取扱い,処理の形態,業務内容,状態,業務開始日';
const row = (number: string, from = '2025-04-01') =>
  `${number},区民相談業務委託,区民相談課,1011101000001,,${from},2026-03-31,,,有,2,,実施中,`;

describe('pages: bringing existing records in (既存記録の取込み)', () => {
  let t: TestApp;
  let w: World;
  let officer: Awaited<ReturnType<typeof pageClient>>;
  const form = (content: string, dryRun = false) => {
    const f = new FormData();
    f.set('kind', 'contracts');
    if (dryRun) f.set('dryRun', 'on');
    f.set('file', new File([`\uFEFF${content}`], '契約一覧.csv', { type: 'text/csv' }));
    return f;
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    officer = await pageClient(t, USERS.ward_officer!.email);
  });
  afterAll(() => t.close());

  it('is linked from the contract list and offers the templates', async () => {
    const list = await officer.get('/contracts');
    expect(list.html).toContain('href="/imports"');
    const page = await officer.get('/imports');
    expect(page.status).toBe(200);
    expect(page.html).toContain('既存記録の取込み');
    const template = await officer.get('/imports/templates/handlers.csv');
    expect(template.status).toBe(200);
    expect(template.html).toContain('誓約書の日付');
  });

  it('shows every problem in a table by row and column, with the summary at the top, and writes nothing', async () => {
    const before = await countRows(t, 'contracts');
    const res = await officer.upload(
      '/imports',
      form([HEADINGS, row('P-1', '令和7年13月1日'), row('P-2'), row('P-3'), row('P-4', 'x')].join('\r\n')),
    );
    expect(res.status).toBe(422);
    expect(res.html.indexOf('class="error-summary"')).toBeLessThan(res.html.indexOf('action="/imports"'));
    expect(res.html).toContain(
      '2行目『契約期間（開始）』（セルF2）: 日付は YYYY-MM-DD または 令和8年4月1日 の形で入力してください',
    );
    expect(res.html).toMatch(/<td>5<\/td><td>契約期間（開始）<\/td>/);
    expect(await countRows(t, 'contracts')).toBe(before);
  });

  it('checks only when asked, then imports and lists the import in its history', async () => {
    const before = await countRows(t, 'contracts');
    const dry = await officer.upload('/imports', form([HEADINGS, row('P-10')].join('\r\n'), true));
    expect(dry.status).toBe(200);
    expect(dry.html).toContain('確認のみのため、何も登録していません');
    expect(await countRows(t, 'contracts')).toBe(before);
    const res = await officer.upload('/imports', form([HEADINGS, row('P-10')].join('\r\n')));
    expect(res.status).toBe(303);
    expect(res.location).toBe('/imports?notice=imported');
    expect(await countRows(t, 'contracts')).toBe(before + 1);
    const page = await officer.get('/imports');
    expect(page.html).toContain('契約一覧.csv');
    // the contract's page says it was imported
    const contract = await t.handle.db
      .selectFrom('contracts')
      .select('id')
      .where('contract_number', '=', 'P-10')
      .executeTakeFirstOrThrow();
    const detail = await officer.get(`/contracts/${contract.id}`);
    expect(detail.html).toContain('既存記録の取込み（日付は取込み前の記録のとおり）');
  });

  it('shows which roster rows name a registered handler and which a new one, and offers workbook templates', async () => {
    const page = await officer.get('/imports');
    expect(page.html).toContain('href="/imports/templates/handlers.xlsx"');
    const template = await officer.get('/imports/templates/handovers.xlsx');
    expect(template.status).toBe(200);
    const roster = [
      '契約番号,役割,氏名,フリガナ,役職,業務,特定個人情報の取扱い,従事開始日,従事終了日,誓約書の日付,名簿の確認日',
      'P-10,取扱責任者,西新宿　健,ニシシンジュク ケン,,,無,2025-04-01,,,',
      'P-10,取扱者,新人 花子,,,,無,2025-04-01,,,',
    ].join('\r\n');
    const f = new FormData();
    f.set('kind', 'handlers');
    f.set('dryRun', 'on');
    f.set('file', new File([`\uFEFF${roster}`], '名簿.csv', { type: 'text/csv' }));
    const dry = await officer.upload('/imports', f);
    expect(dry.status, dry.html.slice(0, 500)).toBe(200);
    expect(dry.html).toContain('名簿の人（既存の取扱者との照合）');
    expect(dry.html).toMatch(/<td>2<\/td><td>P-10<\/td><td>西新宿　健<\/td><td>登録済みの取扱者<\/td>/);
    expect(dry.html).toMatch(/<td>3<\/td><td>P-10<\/td><td>新人 花子<\/td><td>新しい取扱者<\/td>/);
  });

  it('refuses a company and a council reviewer', async () => {
    for (const email of [USERS.contractor_manager!.email, USERS.council_reviewer!.email]) {
      const client = await pageClient(t, email);
      expect((await client.get('/imports')).status, email).toBe(403);
      expect((await client.get('/contracts')).html).not.toContain('href="/imports"');
    }
    expect(w.wardId).toBeTruthy();
  });
});
