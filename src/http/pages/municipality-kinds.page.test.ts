import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAbilityFor } from '../../../policies/app-ability.js';
import { callCentreApplication, signOff, step } from '../../../test/helpers/approvals.js';
import { pageClient, textOf } from '../../../test/helpers/browser.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp, testPasswords } from '../../../test/helpers/test-app.js';
import { buildWorld, PASSWORD, USERS, type World } from '../../../test/helpers/world.js';
import { actorQuery, toActor } from '../../domain/auth/load-actor.js';
import { createDepartment } from '../../domain/organisations/departments.js';
import { createUser } from '../../domain/users/manage-users.js';

// Every kind of municipality (issues 18 and 19), not only 区 and 市: a 一部事務組合 and a 町, set up by
// the system administrator like any tenant, read their own word (組合, 町) on their pages and
// documents, never 区 or 市 as the word for themselves; their head is named by kind (管理者, 町長);
// and a municipality without a council or another reporting body is told so plainly.

/** 区 or 市 used as the municipality's word (区の…, 市が…, 区長, 市職員): not 区分, 区域, 特別区, 市区町村. */
const OTHER_SELF_WORD = /(?<!特別)[区市](?=の|が|に|へ|は|を|で|と|長|職員|記入欄|控え|設定|外)/g;

function otherWords(text: string): string[] {
  return [...text.matchAll(OTHER_SELF_WORD)].map((m) => text.slice(Math.max(0, m.index - 10), m.index + 6));
}

const ORGS = '/api/v1/organisations';

describe('a 一部事務組合 and a 町 read their own words', () => {
  let t: TestApp;
  let w: World;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    const admin = w.tokens.system_admin;
    ids.union = expectStatus(
      await t.call('POST', ORGS, {
        token: admin,
        json: { kind: 'ward', name: '試験衛生組合', municipalityKind: 'partial_affairs_association' },
      }),
      201,
    ).id;
    ids.town = expectStatus(
      await t.call('POST', ORGS, {
        token: admin,
        json: {
          kind: 'ward',
          name: '試験町',
          municipalityKind: 'town',
          councilName: '試験町個人情報保護審議会',
          ordinanceName: '試験町個人情報の保護に関する法律施行条例',
        },
      }),
      201,
    ).id;
    // their staff, set up by the administrator the way the world sets up 練馬区's
    const adminActor = toActor(
      await actorQuery(t.handle.db)
        .where('users.email', '=', USERS.system_admin!.email)
        .executeTakeFirstOrThrow(),
    );
    const ctx = {
      db: t.handle.db,
      actor: adminActor,
      ability: defineAbilityFor(adminActor),
      requestId: 'kinds',
      now: t.clock.now,
    };
    for (const [key, name] of [
      ['union', '総務課'],
      ['town', '総務課'],
    ] as const) {
      const dept = await createDepartment(ctx, ids[key]!, { name });
      for (const role of ['ward_officer', 'ward_manager'] as const) {
        await createUser(ctx, testPasswords, {
          organisationId: ids[key]!,
          departmentId: dept.id,
          email: `${role}@${key}.example.jp`,
          displayName: `${key} ${role}`,
          password: PASSWORD,
          roles: [role],
        });
      }
    }
  });
  afterAll(() => t.close());

  const MAIN_PAGES = [
    '/',
    '/contracts',
    '/contracts/new',
    '/handover',
    '/compliance-reports',
    '/incidents',
    '/inspections',
    '/council',
    '/summaries',
    '/account/security',
  ];

  it('the 一部事務組合 is 組合 and its head 管理者 on every page its officer and manager open', async () => {
    const officer = await pageClient(t, 'ward_officer@union.example.jp');
    const manager = await pageClient(t, 'ward_manager@union.example.jp');
    const seen: string[] = [];
    for (const path of MAIN_PAGES) {
      const res = await officer.get(path);
      expect(res.status, path).toBe(200);
      const text = textOf(res.html);
      expect(otherWords(text), path).toEqual([]);
      seen.push(text);
    }
    // the dictionary's {self} texts, in the association's word
    expect(seen.join('\n')).toContain('組合');
    const settings = await manager.get('/settings/ward');
    expect(settings.status).toBe(200);
    const settingsText = textOf(settings.html);
    expect(otherWords(settingsText)).toEqual([]);
    expect(settingsText).toContain('組合の設定（試験衛生組合）');
    // blank fields mean the kind's word and title: 組合, 管理者
    expect(settingsText).toContain('組合・管理者');
    expect(settings.html).toMatch(/<option value="partial_affairs_association" selected/);

    expect((await manager.get('/settings/ward?lang=en')).html).toContain('Association settings');
  });

  it('with no council and no reporting body, its council page says so and how to set it', async () => {
    const officer = await pageClient(t, 'ward_officer@union.example.jp');
    const council = textOf((await officer.get('/council')).html);
    expect(council).toContain('報告事項の報告先が設定されていません');
    expect(council).toContain('組合の設定で「審議会の名称」または「報告先」を入力します');
    const manager = await pageClient(t, 'ward_manager@union.example.jp');
    const forManager = await manager.get('/council');
    expect(forManager.html).toContain('href="/settings/ward"');

    // its manager names the body its rules send reports to, on the settings page
    const form = await manager.get('/settings/ward');
    const version = form.html.match(/name="version" value="(\d+)"/)![1]!;
    const saved = await manager.post('/settings/ward', {
      version,
      municipalityKind: 'partial_affairs_association',
      selfWord: '',
      headTitle: '',
      councilName: '',
      reportBodyName: '情報公開・個人情報保護審査会',
      ordinanceName: '試験衛生組合個人情報の保護に関する法律施行条例',
      councilReportArticle: '第5条',
      maxSubcontractDepth: '1',
      chain: ['ward_officer', 'ward_manager'],
    });
    expect(saved.status).toBe(303);
    const union = expectStatus(
      await t.call('GET', `${ORGS}/${ids.union}`, { token: w.tokens.system_admin }),
      200,
    );
    expect(union).toMatchObject({
      municipalityKind: 'partial_affairs_association',
      selfWord: '組合',
      headTitle: null,
      councilName: null,
      reportBodyName: '情報公開・個人情報保護審査会',
      ordinanceName: '試験衛生組合個人情報の保護に関する法律施行条例',
      settings: {
        maxSubcontractDepth: 1,
        signOffChain: ['ward_officer', 'ward_manager'],
        councilReportArticle: '第5条',
      },
    });
    const after = textOf((await officer.get('/council')).html);
    expect(after).not.toContain('報告先が設定されていません');
    expect(after).toContain('情報公開・個人情報保護審査会');
  });

  it('the 町 is 町 on its pages and in its summary PDF, and reports to its council', async () => {
    const officer = await pageClient(t, 'ward_officer@town.example.jp');
    for (const path of MAIN_PAGES) {
      const res = await officer.get(path);
      expect(res.status, path).toBe(200);
      expect(otherWords(textOf(res.html)), path).toEqual([]);
    }
    const council = textOf((await officer.get('/council')).html);
    expect(council).toContain('試験町個人情報保護審議会');
    expect(council).not.toContain('報告先が設定されていません');
    const manager = await pageClient(t, 'ward_manager@town.example.jp');
    expect(textOf((await manager.get('/settings/ward')).html)).toContain('町・町長');

    const token = (
      await t.call('POST', '/api/v1/auth/sign-in', {
        json: { email: 'ward_officer@town.example.jp', password: PASSWORD },
      })
    ).body.accessToken;
    const pdf = await t.app.request('/api/v1/summaries?fiscalYear=2026&format=pdf', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(pdf.status).toBe(200);
    const { text } = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('試験町');
    expect(otherWords(text)).toEqual([]);
  });

  it('the manager sets the words through the API too, validated and for its own municipality only', async () => {
    const signInAs = async (email: string) =>
      (await t.call('POST', '/api/v1/auth/sign-in', { json: { email, password: PASSWORD } })).body
        .accessToken as string;
    const manager = await signInAs('ward_manager@town.example.jp');
    const town = expectStatus(await t.call('GET', `${ORGS}/${ids.town}`, { token: manager }), 200);
    const tooLong = await t.call('PATCH', `${ORGS}/${ids.town}`, {
      token: manager,
      json: { headTitle: '長'.repeat(51), version: town.version },
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.errors[0]).toMatchObject({ path: 'json.headTitle' });
    // in Japanese and in English
    expect(tooLong.body.detail_ja).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(tooLong.body.errors[0].message_ja).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(tooLong.body.detail).toMatch(/[A-Za-z]/);
    // the town's own manager may change them; the officer may not; the union's manager does not see it
    const changed = expectStatus(
      await t.call('PATCH', `${ORGS}/${ids.town}`, {
        token: manager,
        json: { headTitle: '町長職務代理者', version: town.version },
      }),
      200,
    );
    expect(changed.headTitle).toBe('町長職務代理者');
    const byOfficer = await t.call('PATCH', `${ORGS}/${ids.town}`, {
      token: await signInAs('ward_officer@town.example.jp'),
      json: { headTitle: '町長', version: changed.version },
    });
    expect(byOfficer.status).toBe(403);
    const byOther = await t.call('PATCH', `${ORGS}/${ids.town}`, {
      token: await signInAs('ward_manager@union.example.jp'),
      json: { headTitle: '町長', version: changed.version },
    });
    expect(byOther.status).toBe(404);
    // nor its name, which stays the administrator's
    const renamed = await t.call('PATCH', `${ORGS}/${ids.town}`, {
      token: manager,
      json: { name: '試験市', version: changed.version },
    });
    expect(renamed.status).toBe(403);
    // audited in its own trail
    const trail = expectStatus(
      await t.call('GET', '/api/v1/audit-entries?limit=50', { token: manager }),
      200,
    );
    const entry = trail.items.find(
      (e: { action: string; subjectId: string }) =>
        e.action === 'ward.settings_update' && e.subjectId === ids.town,
    );
    expect(entry.after.headTitle).toBe('町長職務代理者');
  });

  it('a sub-contracting application and its notice name the head by kind: 管理者 of a 組合', async () => {
    // 新宿区 becomes a 一部事務組合 (the world's contracts and signers stay): its papers follow
    const shinjuku = expectStatus(
      await t.call('GET', `${ORGS}/${w.wardId}`, { token: w.tokens.system_admin }),
      200,
    );
    expectStatus(
      await t.call('PATCH', `${ORGS}/${w.wardId}`, {
        token: w.tokens.system_admin,
        json: {
          name: '試験清掃組合',
          municipalityKind: 'partial_affairs_association',
          version: shinjuku.version,
        },
      }),
      200,
    );
    const applied = expectStatus(
      await t.call('POST', `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`, {
        token: w.tokens.contractor_manager,
        json: callCentreApplication(w),
      }),
      201,
    );
    const submitted = expectStatus(await step(t, w, 'contractor_manager', applied, 'submit'), 200);
    const approved = await signOff(t, w, submitted);
    for (const paper of ['application', 'notice']) {
      const res = await t.app.request(`/api/v1/approvals/${approved.id}/${paper}/pdf`, {
        headers: { authorization: `Bearer ${w.tokens.ward_officer}` },
      });
      expect(res.status, paper).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (process.env.KEEP_PDFS) await writeFile(`${process.env.KEEP_PDFS}/union-${paper}.pdf`, bytes);
      const { text } = await pdfText(bytes);
      expect(text, paper).toContain('試験清掃組合管理者');
      expect(text, paper).toContain('組合');
      expect(otherWords(text), paper).toEqual([]);
    }
  });
});
