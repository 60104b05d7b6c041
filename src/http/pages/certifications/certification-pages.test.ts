import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, samplePdf, textOf } from '../../../../test/helpers/browser.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';
import { addDays } from '../../../domain/shared/japan-date.js';

// The 認証 pages through app.request: the menu entry for a company's managers only, the form that
// stores nothing when refused, the change on the version read, the withdrawal, and the 404 of a
// company someone may not see.

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const page = (who: string) => pageClient(t, USERS[who]!.email);
const listPath = () => `/companies/${w.companies.contractor}/certifications`;

function form(fields: Record<string, string>, file?: Buffer): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  if (file) data.set('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), '登録証.pdf');
  return data;
}

const attachments = async () => (await t.handle.db.selectFrom('attachments').select('id').execute()).length;

describe('the certification pages', () => {
  it('are in the menu of a company’s managers only', async () => {
    expect((await (await page('contractor_manager')).get('/')).html).toContain('href="/certifications"');
    for (const who of ['contractor_staff', 'ward_officer', 'council_reviewer'])
      expect((await (await page(who)).get('/')).html, who).not.toContain('href="/certifications"');
    const redirect = await (await page('contractor_manager')).get('/certifications');
    expect([redirect.status, redirect.location]).toEqual([303, listPath()]);
    expect((await (await page('ward_officer')).get('/certifications')).status).toBe(404);
  });

  it('record one with its copy; a refused form keeps what was typed and stores no file', async () => {
    const manager = await page('contractor_manager');
    const before = await attachments();
    const refused = await manager.upload(
      listPath(),
      form(
        {
          kind: 'privacy_mark',
          number: '第10823456(03)号',
          issuer: 'JIPDEC',
          validFrom: '2026-04-01',
          validUntil: '2026-02-30',
        },
        samplePdf(),
      ),
    );
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('第10823456(03)号');
    expect(await attachments()).toBe(before);
    const created = await manager.upload(
      listPath(),
      form(
        {
          kind: 'privacy_mark',
          number: '第10823456(03)号',
          issuer: 'JIPDEC',
          validFrom: '',
          validUntil: addDays(w.today(), 400),
        },
        samplePdf(),
      ),
    );
    expect([created.status, created.location]).toEqual([303, `${listPath()}?notice=created`]);
    expect(await attachments()).toBe(before + 1);
    const list = textOf((await manager.get(listPath())).html);
    expect(list).toContain('第10823456(03)号');
    expect(list).toContain('有効');
  });

  it('change on the version read (409 when stale) and withdraw', async () => {
    const manager = await page('contractor_manager');
    const cert = await t.handle.db
      .selectFrom('company_certifications')
      .selectAll()
      .where('organisation_id', '=', w.companies.contractor)
      .executeTakeFirstOrThrow();
    const editPath = `${listPath()}/${cert.id}`;
    expect((await manager.get(`${editPath}/edit`)).status).toBe(200);
    const fields = {
      number: '第10823456(04)号',
      issuer: 'JIPDEC',
      scope: '',
      validFrom: '',
      validUntil: addDays(w.today(), 800),
    };
    const saved = await manager.upload(editPath, form({ ...fields, version: String(cert.version) }));
    expect(saved.status).toBe(303);
    const stale = await manager.upload(
      editPath,
      form({ ...fields, number: 'X', version: String(cert.version) }),
    );
    expect(stale.status).toBe(409);
    expect(textOf(stale.html)).toContain('他の利用者によって更新されています');
    // the staff may not change it: no edit page for them
    expect((await (await page('contractor_staff')).get(`${editPath}/edit`)).status).toBe(404);
    const withdrawn = await manager.post(`${editPath}/withdraw`, { version: String(cert.version + 1) });
    expect(withdrawn.status).toBe(303);
    expect(textOf((await manager.get(listPath())).html)).toContain('取下げ');
  });

  it('show the ward its companies’ certifications without the forms, and nobody else anything', async () => {
    const officer = await (await page('ward_officer')).get(listPath());
    expect(officer.status).toBe(200);
    expect(officer.html).not.toContain('認証の登録');
    expect(officer.html).not.toContain('取り下げる');
    for (const who of ['other_ward_officer', 'other_contractor_manager', 'council_reviewer']) {
      expect((await (await page(who)).get(listPath())).status, who).toBe(404);
    }
    const stranger = await page('other_contractor_manager');
    const posted = await stranger.upload(
      listPath(),
      form({ kind: 'isms', number: 'X', issuer: 'X', validFrom: '', validUntil: '2030-01-01' }, samplePdf()),
    );
    expect(posted.status).toBe(404);
  });
});
