import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const BASE = '/api/v1/attachments';
const MiB = 1024 * 1024;
const bytesOf = (s: string) => new TextEncoder().encode(s);
const PDF = bytesOf('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
// A 1×1 PNG.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A PDF of exactly `size` bytes. */
function pdfOfSize(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set(PDF.subarray(0, 5));
  return bytes;
}

interface Upload {
  bytes?: Uint8Array;
  type?: string;
  name?: string;
  purpose?: string;
  wardId?: string;
}

function upload(who: string, { bytes = PDF, type = 'application/pdf', name = '誓約書.pdf', ...f }: Upload) {
  const form = new FormData();
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
  form.append('purpose', f.purpose ?? 'pledge');
  if (f.wardId) form.append('wardId', f.wardId);
  return t.call('POST', BASE, { token: w.tokens[who], body: form });
}

async function download(who: string, id: string) {
  const res = await t.app.request(`${BASE}/${id}/content`, {
    headers: { authorization: `Bearer ${w.tokens[who]}` },
  });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function counts() {
  const { db } = t.handle;
  const [attachments, blobs, audits] = await Promise.all([
    db
      .selectFrom('attachments')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('attachment_blobs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'attachment.upload')
      .executeTakeFirstOrThrow(),
  ]);
  return [attachments.n, blobs.n, audits.n].map(Number);
}

describe('upload and download', () => {
  it('stores a PDF with its SHA-256 and one audit entry, and gives back the same bytes', async () => {
    const res = await upload('contractor_manager', { wardId: w.wardId });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      filename: '誓約書.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      purpose: 'pledge',
      wardId: w.wardId,
      organisationId: w.companies.contractor,
      uploadedBy: w.userIds.contractor_manager,
      uploadedAt: t.clock.now().toISOString(),
    });
    expect(res.headers.get('location')).toBe(`${BASE}/${res.body.id}`);

    const got = await download('contractor_manager', res.body.id);
    expect(got.status).toBe(200);
    expect(got.bytes).toEqual(PDF);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="___.pdf"; filename*=UTF-8''${encodeURIComponent('誓約書.pdf')}`,
    );
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('etag')).toBe(`"${sha256(PDF)}"`);

    const audits = await t.handle.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('subject_id', '=', res.body.id)
      .execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'attachment.upload',
      subject_type: 'Attachment',
      ward_id: w.wardId,
    });
    expect(audits[0]!.after).toMatchObject({ sha256: sha256(PDF), filename: '誓約書.pdf' });
    expect(JSON.stringify(audits[0]!.after)).not.toMatch(/PDF-1\.4/);
  });

  it('stores a PNG photo and a file of exactly 10 MiB; cleans folder names and decomposed kana', async () => {
    const png = await upload('ward_officer', {
      bytes: PNG,
      type: 'image/png',
      name: '現地写真.png',
      purpose: 'photo',
    });
    expect(png.status, JSON.stringify(png.body)).toBe(201);
    expect(png.body).toMatchObject({ contentType: 'image/png', sha256: sha256(PNG), wardId: null });
    expect((await download('ward_chief', png.body.id)).bytes).toEqual(PNG);

    const big = pdfOfSize(10 * MiB);
    const res = await upload('contractor_staff', { bytes: big, name: 'C:\\fakepath\\カ\u3099イド.pdf' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ sizeBytes: 10 * MiB, sha256: sha256(big), filename: 'ガイド.pdf' });
  });
});

describe('who may read', () => {
  let tagged: string;
  let untagged: string;
  let otherWards: string;

  beforeAll(async () => {
    tagged = (await upload('contractor_manager', { wardId: w.wardId, purpose: 'internal_rules' })).body.id;
    untagged = (await upload('contractor_manager', { purpose: 'pmark_certificate' })).body.id;
    otherWards = (await upload('other_ward_company_manager', { wardId: w.otherWardId })).body.id;
  });

  it.each([
    ['contractor_staff', 'tagged', 200],
    ['contractor_staff', 'untagged', 200],
    ['other_contractor_manager', 'tagged', 404],
    ['subcontractor_manager', 'untagged', 404],
    ['ward_officer', 'tagged', 200],
    ['inspector', 'tagged', 200],
    ['ward_officer', 'untagged', 404],
    ['ward_officer', 'otherWards', 404],
    ['other_ward_officer', 'otherWards', 200],
    ['other_ward_officer', 'tagged', 404],
    ['council_reviewer', 'tagged', 404],
    ['system_admin', 'otherWards', 200],
  ])('%s reading the %s file → %i', async (who, which, status) => {
    const id = { tagged, untagged, otherWards }[which]!;
    expect((await t.call('GET', `${BASE}/${id}`, { token: w.tokens[who] })).status).toBe(status);
    expect((await download(who, id)).status).toBe(status);
  });

  it('answers an invisible file exactly like a missing one', async () => {
    const hidden = await t.call('GET', `${BASE}/${untagged}`, { token: w.tokens.ward_officer });
    const missing = await t.call('GET', `${BASE}/${crypto.randomUUID()}`, { token: w.tokens.ward_officer });
    const strip = ({ instance: _i, request_id: _r, ...rest }: Record<string, unknown>) => rest;
    expect(strip(hidden.body)).toEqual(strip(missing.body));
    expect(hidden.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('lists only readable files, filtered in SQL, page by page', async () => {
    const ids = async (who: string, query = '') =>
      (await t.call('GET', `${BASE}?limit=200${query}`, { token: w.tokens[who] })).body.items.map(
        (a: { id: string }) => a.id,
      );
    expect(await ids('ward_officer')).toEqual(expect.arrayContaining([tagged]));
    expect(await ids('ward_officer')).not.toContain(untagged);
    expect(await ids('ward_officer')).not.toContain(otherWards);
    expect(await ids('contractor_staff')).toEqual(expect.arrayContaining([tagged, untagged]));
    expect(await ids('contractor_staff', '&purpose=pmark_certificate')).toEqual([untagged]);
    expect(await ids('council_reviewer')).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.call('GET', `${BASE}?limit=1${cursor ? `&cursor=${cursor}` : ''}`, {
        token: w.tokens.system_admin,
      });
      seen.push(...res.body.items.map((a: { id: string }) => a.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...(await ids('system_admin'))].sort());
    expect(new Set(seen).size).toBe(seen.length);
    for (const values of [
      ['yesterday', 'x'],
      ['2026-02-31T00:00:00.000Z', crypto.randomUUID()],
    ]) {
      const forged = btoa(JSON.stringify(values)).replace(/=+$/, '');
      const res = await t.call('GET', `${BASE}?cursor=${forged}`, { token: w.tokens.system_admin });
      expect(res.status).toBe(422);
    }
  });

  it('refuses a download whose stored bytes no longer match their SHA-256', async () => {
    await t.handle.db
      .updateTable('attachment_blobs')
      .set({ data: bytesOf('%PDF-tampered') } as never)
      .where('attachment_id', '=', untagged)
      .execute();
    const res = await t.call('GET', `${BASE}/${untagged}/content`, { token: w.tokens.contractor_manager });
    expect(res.status).toBe(500);
  });
});

describe('refusals store nothing', () => {
  const textAsPdf = { bytes: bytesOf('これはテキストです'), name: '誓約書.pdf' };
  it.each<[string, string, Upload, number]>([
    ['a text file renamed .pdf', 'contractor_manager', textAsPdf, 422],
    ['a declared type that disagrees with the bytes', 'contractor_manager', { type: 'image/png' }, 422],
    ['an extension that disagrees with the bytes', 'contractor_manager', { name: 'scan.png' }, 422],
    ['a file one byte over 10 MiB', 'contractor_manager', { bytes: pdfOfSize(10 * MiB + 1) }, 422],
    ['a body far over 10 MiB', 'contractor_manager', { bytes: pdfOfSize(12 * MiB) }, 413],
    ['an empty file', 'contractor_manager', { bytes: new Uint8Array(0) }, 422],
    ['an unknown purpose', 'contractor_manager', { purpose: 'selfie' }, 422],
    ['a ward the company does not work with', 'contractor_manager', { wardId: 'OTHER' }, 422],
    ['a council reviewer', 'council_reviewer', {}, 403],
  ])('%s', async (_name, who, input, status) => {
    const before = await counts();
    const wardId = input.wardId === 'OTHER' ? w.otherWardId : input.wardId;
    const res = await upload(who, { ...input, wardId });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    if (status === 422) expect(res.body.errors[0].message_ja).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a form without a file, a file sent as text, JSON, and no sign-in', async () => {
    const before = await counts();
    const noFile = new FormData();
    noFile.append('purpose', 'pledge');
    const asText = new FormData();
    asText.append('file', '%PDF-1.4');
    asText.append('purpose', 'pledge');
    for (const body of [noFile, asText]) {
      const res = await t.call('POST', BASE, { token: w.tokens.contractor_manager, body });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('form.file');
    }
    const json = await t.call('POST', BASE, {
      token: w.tokens.contractor_manager,
      json: { purpose: 'pledge' },
    });
    expect(json.status).toBe(415);
    expect((await t.call('POST', BASE, { body: noFile })).status).toBe(401);
    expect(await counts()).toEqual(before);
  });
});

it('describes the routes in the OpenAPI document', async () => {
  const doc = (await t.call('GET', '/api/openapi.json')).body;
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([BASE, `${BASE}/{id}`, `${BASE}/{id}/content`]),
  );
  const form = doc.paths[BASE].post.requestBody.content['multipart/form-data'].schema;
  expect(form.properties.file).toMatchObject({ type: 'string', format: 'binary' });
});
