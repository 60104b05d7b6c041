import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { countRows, expectStatus } from '../../../../test/helpers/contracts.js';
import { INSPECTIONS } from '../../../../test/helpers/inspections.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// A ward's own version of a checklist template from the page: the newest version's items copied,
// items added where chosen, the ward's own items reworded or removed, saved as the next version
// through the same use case as POST …/templates/{key}/versions. Only those the policies let create
// a version (監督員, 担当者) get the form; a standard item cannot be touched from it; a version made
// meanwhile is refused (409); an empty change and a row without its text are refused (422).

const TEMPLATES = `${INSPECTIONS}/templates`;
const KEY = 'fukuoka-supervision';

describe('pages: making a ward version of a checklist template', () => {
  let t: TestApp;
  let w: World;
  let inspector: Awaited<ReturnType<typeof pageClient>>;
  let where = '';
  let groupItems: string[] = [];
  const newest = async () =>
    expectStatus(await t.call('GET', `${TEMPLATES}/${KEY}`, { token: w.tokens.inspector }), 200);
  const itemsAt = (template: any) =>
    template.sections[1].groups[1].items.map((i: { key: string; text: string }) => `${i.key}:${i.text}`);

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    inspector = await pageClient(t, USERS.inspector!.email);
    const standard = await newest();
    where = `${standard.sections[1].key}/${standard.sections[1].groups[1].key}`;
    groupItems = itemsAt(standard);
  });
  afterAll(() => t.close());

  it('offers the form to the inspector and the officer only, from the newest version', async () => {
    for (const who of ['inspector', 'ward_officer']) {
      const client = await pageClient(t, USERS[who]!.email);
      const page = await client.get(`/inspections/templates/${KEY}`);
      expect(page.html, who).toContain(`href="/inspections/templates/${KEY}/versions/new"`);
      expect((await client.get(`/inspections/templates/${KEY}/versions/new`)).status, who).toBe(200);
    }
    for (const who of ['ward_chief', 'ward_manager']) {
      const client = await pageClient(t, USERS[who]!.email);
      expect((await client.get(`/inspections/templates/${KEY}`)).html, who).not.toContain('/versions/new');
      expect((await client.get(`/inspections/templates/${KEY}/versions/new`)).status, who).toBe(403);
      expect(
        (
          await client.post(`/inspections/templates/${KEY}/versions`, {
            basedOnVersion: '1',
            'add.0.where': where,
            'add.0.text': '鍵の貸出記録',
          })
        ).status,
        who,
      ).toBe(403);
    }
    const company = await pageClient(t, USERS.contractor_manager!.email);
    expect((await company.get(`/inspections/templates/${KEY}/versions/new`)).status).toBe(403);
  });

  it('refuses an empty change, a row without its text or place, and leaves standard items alone', async () => {
    const audit = await countRows(t, 'audit_entries');
    const empty = await inspector.post(`/inspections/templates/${KEY}/versions`, { basedOnVersion: '1' });
    expect(empty.status).toBe(422);
    expect(textOf(empty.html)).toContain('追加・変更・削除した項目がありません');
    const partial = await inspector.post(`/inspections/templates/${KEY}/versions`, {
      basedOnVersion: '1',
      'add.0.label': 'エ',
      'add.1.text': '保管場所の鍵の貸出記録が作成されているか。',
    });
    expect(partial.status).toBe(422);
    expect(partial.html).toContain('id="f-add-0-text-error"');
    expect(partial.html).toContain('id="f-add-1-where-error"');
    expect(partial.html).toContain('保管場所の鍵の貸出記録が作成されているか。'); // kept
    // a standard item named as if it were the ward's: nothing to remove, nothing changed
    const [standardKey] = groupItems[0]!.split(':');
    const forged = await inspector.post(`/inspections/templates/${KEY}/versions`, {
      basedOnVersion: '1',
      [`own.${standardKey}.remove`]: 'on',
      [`own.${standardKey}.text`]: '改変',
    });
    expect(forged.status).toBe(422);
    expect(await countRows(t, 'audit_entries')).toBe(audit);
    expect((await newest()).version).toBe(1);
  });

  it('adds items at the end of the chosen group as version 2', async () => {
    const form = await inspector.get(`/inspections/templates/${KEY}/versions/new`);
    expect(form.html).toContain(`<option value="${where}">`);
    expect(form.html).toContain('name="basedOnVersion" value="1"');
    // standard items are shown, not offered as fields
    expect(form.html).not.toMatch(/name="own\./);
    const saved = await inspector.post(`/inspections/templates/${KEY}/versions`, {
      basedOnVersion: '1',
      'add.0.where': where,
      'add.0.label': 'エ',
      'add.0.text': '保管場所の鍵の貸出記録が作成されているか。',
      'add.2.where': where,
      'add.2.label': 'オ',
      'add.2.text': '鍵の保管庫が施錠されているか。',
      note: '鍵管理を追加',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/inspections/templates/${KEY}?notice=saved`);
    const v2 = await newest();
    expect(v2.version).toBe(2);
    expect(itemsAt(v2)).toEqual([
      ...groupItems,
      'x-v2-1:保管場所の鍵の貸出記録が作成されているか。',
      'x-v2-2:鍵の保管庫が施錠されているか。',
    ]);
    const list = await inspector.get('/inspections/templates');
    expect(list.html).toContain(`href="/inspections/templates/${KEY}?version=2"`);
  });

  it('rewords and removes the ward’s own items as version 3; a stale form is refused', async () => {
    const officer = await pageClient(t, USERS.ward_officer!.email);
    const form = await officer.get(`/inspections/templates/${KEY}/versions/new`);
    expect(form.html).toContain('name="basedOnVersion" value="2"');
    expect(form.html).toContain('name="own.x-v2-1.text"');
    const saved = await officer.post(`/inspections/templates/${KEY}/versions`, {
      basedOnVersion: '2',
      'own.x-v2-1.label': 'エ',
      'own.x-v2-1.text': '保管場所の鍵の貸出簿に日時と氏名が記録されているか。',
      'own.x-v2-2.label': 'オ',
      'own.x-v2-2.text': '鍵の保管庫が施錠されているか。',
      'own.x-v2-2.remove': 'on',
    });
    expect(saved.status).toBe(303);
    const v3 = await newest();
    expect(v3.version).toBe(3);
    expect(itemsAt(v3)).toEqual([
      ...groupItems,
      'x-v2-1:保管場所の鍵の貸出簿に日時と氏名が記録されているか。',
    ]);
    // the form read at version 2, sent after version 3 exists: refused, the new rows kept
    const stale = await inspector.post(`/inspections/templates/${KEY}/versions`, {
      basedOnVersion: '2',
      'add.0.where': where,
      'add.0.text': '鍵の複製の有無を確認しているか。',
    });
    expect(stale.status).toBe(409);
    expect(textOf(stale.html)).toContain('様式は版3に更新されています');
    expect(stale.html).toContain('name="basedOnVersion" value="3"');
    expect(stale.html).toContain('鍵の複製の有無を確認しているか。');
    expect((await newest()).version).toBe(3);
    // an older version still reads as it was
    const v2 = await inspector.get(`/inspections/templates/${KEY}?version=2`);
    expect(v2.html).toContain('鍵の保管庫が施錠されているか。');
  });
});
