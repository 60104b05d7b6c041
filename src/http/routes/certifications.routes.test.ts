import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACTS, expectStatus } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';
import { addDays } from '../../domain/shared/japan-date.js';

// 認証 of a company (プライバシーマーク, ISMS, ISMAP) over HTTP: its managers record, change and
// withdraw them with a copy; its staff and the wards it works for read them; everyone else gets
// the 404 of a company with none. Stale versions are 409, bad dates 422 with nothing stored, and an
// expired one flags every contract of the company.

let t: TestApp;
let w: World;
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
const base = (orgId: string) => `/api/v1/organisations/${orgId}/certifications`;
const japanese = /[ぁ-んァ-ヶ一-龠]/;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

/** Moves the clock on, signing everyone in again (access tokens expire with time). */
async function advanceDays(days: number) {
  t.clock.advance(days * 24 * 3600 * 1000);
  for (const [key, { email }] of Object.entries(USERS)) w.tokens[key] = await signIn(t, email);
}

async function uploadCopy(who: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'Pマーク登録証.pdf');
  form.append('purpose', 'pmark_certificate');
  return expectStatus(await t.call('POST', '/api/v1/attachments', { token: w.tokens[who], body: form }), 201)
    .id;
}

const pmark = (overrides: Record<string, unknown> = {}) => ({
  kind: 'privacy_mark',
  number: '第10823456(03)号',
  issuer: '一般財団法人日本情報経済社会推進協会',
  validFrom: addDays(w.today(), -100),
  validUntil: addDays(w.today(), 600),
  ...overrides,
});

const count = async () =>
  Number(
    (
      await t.handle.db
        .selectFrom('company_certifications')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a company’s certifications', () => {
  let cert: any;

  it('is recorded by the company’s manager with its copy, audited in the same transaction', async () => {
    const attachmentId = await uploadCopy('contractor_manager');
    const res = await t.call('POST', base(w.companies.contractor), {
      token: w.tokens.contractor_manager,
      json: pmark({ attachmentId }),
    });
    cert = expectStatus(res, 201);
    expect(cert).toMatchObject({
      kind: 'privacy_mark',
      organisationId: w.companies.contractor,
      standing: 'valid',
      attachmentId,
      version: 1,
      withdrawnAt: null,
    });
    expect(res.headers.get('location')).toBe(`${base(w.companies.contractor)}/${cert.id}`);
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'actor_user_id'])
      .where('subject_id', '=', cert.id)
      .execute();
    expect(audit).toEqual([{ action: 'certification.create', actor_user_id: w.userIds.contractor_manager }]);
  });

  it('is read by the company’s staff and the ward’s staff, and by nobody else (404 alike)', async () => {
    for (const who of [
      'contractor_manager',
      'contractor_staff',
      'ward_officer',
      'inspector',
      'ward_manager',
    ]) {
      const list = expectStatus(
        await t.call('GET', base(w.companies.contractor), { token: w.tokens[who] }),
        200,
      );
      expect(
        list.items.map((c: { id: string }) => c.id),
        who,
      ).toEqual([cert.id]);
      expectStatus(
        await t.call('GET', `${base(w.companies.contractor)}/${cert.id}`, { token: w.tokens[who] }),
        200,
      );
    }
    for (const who of [
      'council_reviewer',
      'other_ward_officer',
      'other_contractor_manager',
      'subcontractor_manager',
      'other_ward_company_manager',
    ]) {
      const list = await t.call('GET', base(w.companies.contractor), { token: w.tokens[who] });
      const one = await t.call('GET', `${base(w.companies.contractor)}/${cert.id}`, { token: w.tokens[who] });
      expect([list.status, one.status], who).toEqual([404, 404]);
      expect(one.headers.get('content-type')).toContain('application/problem+json');
    }
    // a company that does not exist answers exactly like one the reader may not see
    const none = await t.call('GET', base('00000000-0000-4000-8000-000000000000'), {
      token: w.tokens.ward_officer,
    });
    const hidden = await t.call('GET', base(w.companies.contractor), { token: w.tokens.other_ward_officer });
    expect(none.status).toBe(404);
    expect(none.body.detail).toBe(hidden.body.detail);
  });

  it('refuses another company’s id: its managers cannot read, record or change under it (404)', async () => {
    const asOther = { token: w.tokens.other_contractor_manager };
    const before = await count();
    expect((await t.call('POST', base(w.companies.contractor), { ...asOther, json: pmark() })).status).toBe(
      404,
    );
    expect(
      (
        await t.call('PATCH', `${base(w.companies.contractor)}/${cert.id}`, {
          ...asOther,
          json: { number: 'X', version: cert.version },
        })
      ).status,
    ).toBe(404);
    // the certification under its own company's id is still another company's: 404
    expect(
      (
        await t.call('GET', `${base(w.companies.otherContractor)}/${cert.id}`, {
          token: w.tokens.other_contractor_manager,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call('POST', `${base(w.companies.otherContractor)}/${cert.id}/withdraw`, {
          ...asOther,
          json: { version: cert.version },
        })
      ).status,
    ).toBe(404);
    // the company's staff may read but not record: 403
    expect(
      (
        await t.call('POST', base(w.companies.contractor), {
          token: w.tokens.contractor_staff,
          json: pmark(),
        })
      ).status,
    ).toBe(403);
    // a ward's officer reads but never records a company's certification
    expect(
      (await t.call('POST', base(w.companies.contractor), { token: w.tokens.ward_officer, json: pmark() }))
        .status,
    ).toBe(403);
    expect(await count()).toBe(before);
  });

  it('refuses bad dates with 422 problem+json in both languages, storing nothing', async () => {
    const before = await count();
    const attempts = [
      pmark({ validUntil: '2027-02-30' }),
      pmark({ validUntil: '31/03/2027' }),
      pmark({ validFrom: addDays(w.today(), 10), validUntil: addDays(w.today(), 9) }),
      pmark({ kind: 'tokyo_mark' }),
      pmark({ number: '   ' }),
    ];
    for (const json of attempts) {
      const res = await t.call('POST', base(w.companies.contractor), {
        token: w.tokens.contractor_manager,
        json,
      });
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
    const reversed = await t.call('POST', base(w.companies.contractor), {
      token: w.tokens.contractor_manager,
      json: pmark({ validFrom: '2027-04-01', validUntil: '2027-03-31' }),
    });
    expect(reversed.body.errors[0]).toMatchObject({
      path: 'validFrom',
      message_ja: expect.stringMatching(japanese),
    });
    expect(await count()).toBe(before);
  });

  it('refuses a copy the company did not upload itself (422)', async () => {
    const foreign = await uploadCopy('other_contractor_manager');
    const res = await t.call('POST', base(w.companies.contractor), {
      token: w.tokens.contractor_manager,
      json: pmark({ kind: 'isms', attachmentId: foreign }),
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('attachmentId');
  });

  it('changes on the version read: a stale one is 409 and changes nothing', async () => {
    const path = `${base(w.companies.contractor)}/${cert.id}`;
    const renewed = addDays(w.today(), 900);
    const changed = expectStatus(
      await t.call('PATCH', path, {
        token: w.tokens.contractor_manager,
        json: { validUntil: renewed, version: cert.version },
      }),
      200,
    );
    expect(changed).toMatchObject({ validUntil: renewed, version: cert.version + 1 });
    const stale = await t.call('PATCH', path, {
      token: w.tokens.contractor_manager,
      json: { number: '第99999999(01)号', version: cert.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    // If-Match counts as the version too
    const staleHeader = await t.call('PATCH', path, {
      token: w.tokens.contractor_manager,
      json: { number: '第99999999(01)号' },
      headers: { 'if-match': `"${cert.version}"` },
    });
    expect(staleHeader.status).toBe(409);
    const reversed = await t.call('PATCH', path, {
      token: w.tokens.contractor_manager,
      json: { validFrom: addDays(renewed, 1), version: changed.version },
    });
    expect(reversed.status).toBe(422);
    const now = expectStatus(await t.call('GET', path, { token: w.tokens.ward_officer }), 200);
    expect(now).toMatchObject({ number: cert.number, validUntil: renewed, version: changed.version });
    cert = now;
  });

  it('lets the ward read the copy through the certification, not as a file of its own', async () => {
    const copy = await t.app.request(`${base(w.companies.contractor)}/${cert.id}/copy`, {
      headers: { authorization: `Bearer ${w.tokens.ward_officer}` },
    });
    expect(copy.status).toBe(200);
    expect(copy.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await copy.arrayBuffer())).toEqual(PDF);
    const direct = await t.call('GET', `/api/v1/attachments/${cert.attachmentId}/content`, {
      token: w.tokens.ward_officer,
    });
    expect(direct.status).toBe(404);
    const stranger = await t.call('GET', `${base(w.companies.contractor)}/${cert.id}/copy`, {
      token: w.tokens.other_ward_officer,
    });
    expect(stranger.status).toBe(404);
  });

  it('flags every contract of the company once a certification has expired, in the list and the detail', async () => {
    const isms = expectStatus(
      await t.call('POST', base(w.companies.contractor), {
        token: w.tokens.contractor_manager,
        json: pmark({
          kind: 'isms',
          number: 'IS 612345',
          validFrom: null,
          validUntil: addDays(w.today(), 3),
        }),
      }),
      201,
    );
    const flagsOf = async () => {
      const detail = expectStatus(
        await t.call('GET', `${CONTRACTS}/${w.bicycleContractId}`, { token: w.tokens.ward_officer }),
        200,
      );
      const list = expectStatus(
        await t.call('GET', `${CONTRACTS}?limit=200`, { token: w.tokens.ward_officer }),
        200,
      );
      const item = list.items.find((k: { id: string }) => k.id === w.bicycleContractId);
      expect(item.certificationFlags).toEqual(detail.certificationFlags);
      return detail.certificationFlags;
    };
    expect(await flagsOf()).toEqual([]);
    await advanceDays(5);
    expect(await flagsOf()).toEqual([{ kind: 'isms', standing: 'expired', validUntil: isms.validUntil }]);
    // the company's own view of it says the same
    const mine = expectStatus(
      await t.call('GET', base(w.companies.contractor), { token: w.tokens.contractor_staff }),
      200,
    );
    expect(mine.items.find((c: { id: string }) => c.id === isms.id).standing).toBe('expired');
    // a renewal recorded clears the flag
    const renewal = expectStatus(
      await t.call('POST', base(w.companies.contractor), {
        token: w.tokens.contractor_manager,
        json: pmark({
          kind: 'isms',
          number: 'IS 612345',
          validFrom: w.today(),
          validUntil: addDays(w.today(), 1095),
        }),
      }),
      201,
    );
    expect(await flagsOf()).toEqual([]);
    // withdrawing the renewal brings it back
    expectStatus(
      await t.call('POST', `${base(w.companies.contractor)}/${renewal.id}/withdraw`, {
        token: w.tokens.contractor_manager,
        json: { version: renewal.version },
      }),
      200,
    );
    expect((await flagsOf()).map((f: { kind: string }) => f.kind)).toEqual(['isms']);
  });

  it('withdraws on the version read, keeps the record, and refuses changing it afterwards (409)', async () => {
    const path = `${base(w.companies.contractor)}/${cert.id}`;
    expect(
      (await t.call('POST', `${path}/withdraw`, { token: w.tokens.contractor_manager, json: { version: 1 } }))
        .status,
    ).toBe(409);
    const withdrawn = expectStatus(
      await t.call('POST', `${path}/withdraw`, {
        token: w.tokens.contractor_manager,
        json: { version: cert.version },
      }),
      200,
    );
    expect(withdrawn.withdrawnAt).not.toBeNull();
    const again = await t.call('POST', `${path}/withdraw`, {
      token: w.tokens.contractor_manager,
      json: { version: withdrawn.version },
    });
    expect(again.status).toBe(409);
    expect(again.body.detail_ja ?? again.body.detail).toBeTruthy();
    const list = expectStatus(
      await t.call('GET', base(w.companies.contractor), { token: w.tokens.ward_officer }),
      200,
    );
    expect(list.items.map((c: { id: string }) => c.id)).not.toContain(cert.id);
    const all = expectStatus(
      await t.call('GET', `${base(w.companies.contractor)}?includeWithdrawn=true`, {
        token: w.tokens.ward_officer,
      }),
      200,
    );
    expect(all.items.map((c: { id: string }) => c.id)).toContain(cert.id);
    const actions = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', cert.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'certification.create',
      'certification.update',
      'certification.withdraw',
    ]);
  });
});
