import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { countRows, expectStatus } from '../../../../test/helpers/contracts.js';
import { INSPECTIONS, itemsOf } from '../../../../test/helpers/inspections.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// チェックリスト様式とその版: the list of templates and versions, an older version's items, and
// planning an inspection with a chosen version — the same use cases as the API's templates routes.

const TEMPLATES = `${INSPECTIONS}/templates`;
const KEY = 'fukuoka-supervision';

describe('pages: checklist templates and their versions', () => {
  let t: TestApp;
  let w: World;
  let inspector: Awaited<ReturnType<typeof pageClient>>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    inspector = await pageClient(t, USERS.inspector!.email);
    // the ward's version 2, with an item added
    const standard = expectStatus(
      await t.call('GET', `${TEMPLATES}/${KEY}`, { token: w.tokens.inspector }),
      200,
    );
    standard.sections[1].groups[1].items.push({
      key: 'x-bicycle-keys',
      label: 'エ',
      text: '保管場所の鍵の貸出記録が作成されているか。',
      textEn: 'Is a log kept of who borrows the storage keys?',
    });
    expectStatus(
      await t.call('POST', `${TEMPLATES}/${KEY}/versions`, {
        token: w.tokens.ward_officer,
        json: { basedOnVersion: 1, note: '鍵管理を追加', sections: standard.sections },
      }),
      201,
    );
  });
  afterAll(() => t.close());

  it('lists the templates with their versions, linked from the inspection plan', async () => {
    expect((await inspector.get('/inspections')).html).toContain('href="/inspections/templates"');
    const list = await inspector.get('/inspections/templates');
    expect(list.status).toBe(200);
    expect(list.html).toContain(`href="/inspections/templates/${KEY}?version=1"`);
    expect(list.html).toContain(`href="/inspections/templates/${KEY}?version=2"`);
    expect(textOf(list.html).replace(/\s+/g, '')).toContain('第2版（区で項目を追加、最新・既定）');
    expect(textOf(list.html).replace(/\s+/g, '')).toContain('第1版（標準）第2版');
  });

  it('shows an older version without the ward’s item, the newest with it', async () => {
    const v1 = await inspector.get(`/inspections/templates/${KEY}?version=1`);
    expect(v1.status).toBe(200);
    expect(v1.html).not.toContain('保管場所の鍵の貸出記録');
    expect(v1.html).toContain(`href="/inspections/templates/${KEY}?version=2"`);
    expect(v1.html).toContain(`href="/inspections/new?templateKey=${KEY}&amp;templateVersion=${KEY}%401"`);
    const newest = await inspector.get(`/inspections/templates/${KEY}`);
    expect(textOf(newest.html)).toContain('保管場所の鍵の貸出記録が作成されているか。');
    expect(textOf(newest.html)).toContain('区で追加した項目');
  });

  it('answers 404 for a version or template that does not exist, 403 to those who may not read them', async () => {
    expect((await inspector.get(`/inspections/templates/${KEY}?version=9`)).status).toBe(404);
    expect((await inspector.get(`/inspections/templates/${KEY}?version=abc`)).status).toBe(404);
    expect((await inspector.get('/inspections/templates/no-such')).status).toBe(404);
    // another ward has only the standard version
    const other = await pageClient(t, USERS.other_ward_officer!.email);
    expect((await other.get(`/inspections/templates/${KEY}?version=2`)).status).toBe(404);
    expect((await other.get('/inspections/templates')).html).not.toContain(`${KEY}?version=2`);
    for (const who of ['council_reviewer', 'contractor_manager']) {
      const client = await pageClient(t, USERS[who]!.email);
      expect((await client.get('/inspections/templates')).status).toBe(403);
      expect((await client.get(`/inspections/templates/${KEY}?version=1`)).status).toBe(403);
    }
  });

  it('plans an inspection with the version chosen, and refuses a version of another template', async () => {
    const form = await inspector.get(`/inspections/new?templateKey=${KEY}&templateVersion=${KEY}%401`);
    expect(form.html).toMatch(new RegExp(`value="${KEY}@1" selected`));
    const base = { contractId: w.bicycleContractId, templateKey: KEY, plannedOn: w.today(), place: '' };
    const before = await countRows(t, 'audit_entries');
    const mismatched = await inspector.post('/inspections', {
      ...base,
      templateKey: 'toshima-protection',
      templateVersion: `${KEY}@1`,
    });
    expect(mismatched.status).toBe(422);
    expect(mismatched.html).toContain('class="error-summary"');
    expect(mismatched.html).toMatch(/id="f-templateVersion-error">選んだ様式の版を選んでください/);
    const forged = await inspector.request('POST', '/inspections', { ...base, templateVersion: `${KEY}@1` });
    expect(forged.status).toBe(403);
    expect(await countRows(t, 'audit_entries')).toBe(before);

    const res = await inspector.post('/inspections', { ...base, templateVersion: `${KEY}@1` });
    expect(res.status).toBe(303);
    const id = res.location!.match(/^\/inspections\/([0-9a-f-]{36})/)![1]!;
    const planned = expectStatus(
      await t.call('GET', `${INSPECTIONS}/${id}`, { token: w.tokens.inspector }),
      200,
    );
    expect(planned.templateVersion).toBe(1);
    expect(itemsOf(planned).map((i: { key: string }) => i.key)).not.toContain('x-bicycle-keys');
  });
});
