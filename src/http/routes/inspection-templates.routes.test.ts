import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { INSPECTIONS, itemsOf, plan } from '../../../test/helpers/inspections.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// A ward adds its own items to a checklist (a new version); the standard items stay as the seed
// prints them — the API refuses a removal or an alteration, naming the item.

const TEMPLATES = `${INSPECTIONS}/templates`;
let t: TestApp;
let w: World;

const versionOf = (who: string, body: object, key = 'fukuoka-supervision') =>
  t.call('POST', `${TEMPLATES}/${key}/versions`, { token: w.tokens[who], json: body });
const rows = async () =>
  (await t.handle.db.selectFrom('checklist_templates').select('version').execute()).length;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('checklist templates', () => {
  it('lists the five standard templates for ward staff', async () => {
    const list = expectStatus(await t.call('GET', TEMPLATES, { token: w.tokens.ward_chief }), 200);
    expect(list.items.map((i: { key: string; versions: number[] }) => [i.key, i.versions])).toEqual([
      ['fukuoka-supervision', [1]],
      ['toshima-protection', [1]],
      ['toshima-performance', [1]],
      ['toshima-labour', [1]],
      ['toshima-disguised-contracting', [1]],
    ]);
    for (const who of ['council_reviewer', 'contractor_manager'])
      expect((await t.call('GET', TEMPLATES, { token: w.tokens[who] })).status).toBe(403);
    expect((await t.call('GET', `${TEMPLATES}/no-such`, { token: w.tokens.inspector })).status).toBe(422);
  });

  it('adds a ward item in version 2, used by default from then on', async () => {
    const standard = expectStatus(
      await t.call('GET', `${TEMPLATES}/fukuoka-supervision`, { token: w.tokens.inspector }),
      200,
    );
    standard.sections[1].groups[1].items.push({
      key: 'x-bicycle-keys',
      label: 'エ',
      text: '保管場所の鍵の貸出記録が作成されているか。',
      textEn: 'Is a log kept of who borrows the storage keys?',
    });
    const created = expectStatus(
      await versionOf('ward_officer', {
        basedOnVersion: 1,
        note: '自転車保管場所の鍵管理を追加',
        sections: standard.sections,
      }),
      201,
    );
    expect(created.version).toBe(2);
    const planned = expectStatus(
      await plan(t, w, { contractId: w.bicycleContractId, templateKey: 'fukuoka-supervision' }),
      201,
    );
    expect(planned.templateVersion).toBe(2);
    expect(itemsOf(planned).map((i) => i.key)).toContain('x-bicycle-keys');
    const v1 = expectStatus(
      await plan(t, w, {
        contractId: w.bicycleContractId,
        templateKey: 'fukuoka-supervision',
        templateVersion: 1,
      }),
      201,
    );
    expect(itemsOf(v1).map((i) => i.key)).not.toContain('x-bicycle-keys');
    const other = expectStatus(
      await t.call('GET', `${TEMPLATES}/fukuoka-supervision`, { token: w.tokens.other_ward_officer }),
      200,
    );
    expect(other.version).toBe(1);
  });

  it('refuses a removed standard item, naming it, and writes nothing', async () => {
    const current = expectStatus(
      await t.call('GET', `${TEMPLATES}/fukuoka-supervision`, { token: w.tokens.inspector }),
      200,
    );
    current.sections[3].groups[0].items.splice(1, 1);
    const before = await rows();
    const res = await versionOf('inspector', { basedOnVersion: 2, sections: current.sections });
    expect(res.status).toBe(422);
    expect(res.body.detail_ja).toBe('既存の確認項目は削除又は改変できません');
    expect(res.body.errors[0]).toMatchObject({ path: 'sections.3.groups.0.items' });
    expect(res.body.errors[0].message_ja).toContain('媒体に応じて適切な方法で');
    expect(await rows()).toBe(before);
  });

  it('refuses an altered standard item and a changed section condition', async () => {
    const current = expectStatus(
      await t.call('GET', `${TEMPLATES}/toshima-protection`, { token: w.tokens.inspector }),
      200,
    );
    current.sections[0].groups[0].items[2].text = '責任者が特定されている。';
    current.sections[4].appliesWhen = undefined;
    const res = await versionOf(
      'inspector',
      { basedOnVersion: 1, sections: current.sections },
      'toshima-protection',
    );
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'sections.0.groups.0.items.2.text',
      'sections.4.appliesWhen',
    ]);
  });

  it('refuses a version based on an old one (409), and anyone who may not keep templates', async () => {
    const current = expectStatus(
      await t.call('GET', `${TEMPLATES}/fukuoka-supervision`, { token: w.tokens.inspector }),
      200,
    );
    const stale = await versionOf('inspector', { basedOnVersion: 1, sections: current.sections });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    for (const who of ['ward_manager', 'council_reviewer', 'contractor_manager'])
      expect((await versionOf(who, { basedOnVersion: 2, sections: current.sections })).status).toBe(403);
  });
});
