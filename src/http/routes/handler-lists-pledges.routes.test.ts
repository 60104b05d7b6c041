import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHandler, expectStatus } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const japanese = /[ぁ-んァ-ヶ一-龠]/;
const HANDLERS = '/api/v1/handlers';
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
const manager = () => w.tokens.contractor_manager!;

async function uploadPledge(who: string) {
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), '誓約書.pdf');
  form.append('purpose', 'pledge');
  form.append('wardId', w.wardId);
  return expectStatus(await t.call('POST', '/api/v1/attachments', { token: w.tokens[who], body: form }), 201);
}

describe('handlers, pledges (誓約書) and training (研修)', () => {
  it('registers a person of the manager’s company with a pledge copy and a training', async () => {
    const created = await t.call('POST', HANDLERS, {
      token: manager(),
      json: { fullName: '佐藤 一郎', fullNameKana: 'サトウ イチロウ', jobTitle: '業務責任者' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      organisationId: w.companies.contractor,
      fullName: '佐藤 一郎',
      pledges: [],
      trainings: [],
    });
    const copy = await uploadPledge('contractor_manager');
    const pledged = await t.call('POST', `${HANDLERS}/${created.body.id}/pledges`, {
      token: manager(),
      json: { signedOn: '2026-03-15', attachmentId: copy.id },
    });
    expect(pledged.status, JSON.stringify(pledged.body)).toBe(201);
    expect(pledged.body.pledges).toEqual([
      {
        id: expect.any(String),
        signedOn: '2026-03-15',
        attachmentId: copy.id,
        // seed 004's particulars, recorded when given (see handler-lists-seed004.routes.test.ts)
        wordingVersion: null,
        bindsAfterContract: false,
        bindsAfterLeaving: false,
      },
    ]);
    const trained = await t.call('POST', `${HANDLERS}/${created.body.id}/trainings`, {
      token: manager(),
      json: { heldOn: '2026-03-20', subject: '個人情報保護研修' },
    });
    expect(trained.status).toBe(201);
    expect(trained.body.trainings).toEqual([
      { id: expect.any(String), heldOn: '2026-03-20', subject: '個人情報保護研修' },
    ]);
    expect(
      (await t.call('GET', `${HANDLERS}/${created.body.id}`, { token: w.tokens.contractor_staff })).body,
    ).toEqual(trained.body);
  });

  it('refuses another company’s pledge copy, staff, and strangers, recording nothing', async () => {
    const person = await createHandler(t, manager(), '高橋 三郎');
    const foreign = await uploadPledge('other_contractor_manager');
    const path = `${HANDLERS}/${person.id}/pledges`;
    const cases: Array<[string, object, number]> = [
      ['contractor_manager', { signedOn: '2026-03-15', attachmentId: foreign.id }, 422],
      ['contractor_manager', { signedOn: '2026-03-15', attachmentId: crypto.randomUUID() }, 422],
      ['contractor_manager', { signedOn: '2026-02-30' }, 422],
      ['contractor_staff', { signedOn: '2026-03-15' }, 403],
      ['other_contractor_manager', { signedOn: '2026-03-15' }, 404],
      ['ward_officer', { signedOn: '2026-03-15' }, 404],
    ];
    for (const [who, json, status] of cases) {
      const res = await t.call('POST', path, { token: w.tokens[who], json });
      expect(res.status, `${who} ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.detail_ja).toMatch(japanese);
    }
    expect((await t.call('GET', `${HANDLERS}/${person.id}`, { token: manager() })).body.pledges).toEqual([]);
    const before = await countRows(t, 'handlers');
    expect(
      (await t.call('POST', HANDLERS, { token: w.tokens.contractor_staff, json: { fullName: 'x' } })).status,
    ).toBe(403);
    expect(
      (await t.call('POST', HANDLERS, { token: w.tokens.ward_officer, json: { fullName: 'x' } })).status,
    ).toBe(403);
    expect(await countRows(t, 'handlers')).toBe(before);
  });
});
