import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../src/db/create-database.js';
import { IMPORT_COLUMNS } from '../../src/domain/imports/import-columns.js';
import { CONTRACTS, expectStatus, transition } from '../helpers/contracts.js';
import { certifyFinalErasure, ERASURES, listedHandlers } from '../helpers/handover.js';
import { pdfText } from '../helpers/pdf-text.js';
import type { TestApp } from '../helpers/test-app.js';
import { buildWorkbook, type TestCell } from '../helpers/workbook.js';
import { workerTestApp, workerWorld } from './worker-test-app.js';

// A workflow step with its audit entry, attachments in PostgreSQL, a certificate PDF drawn by
// react-pdf inside workerd and an Excel workbook read there, all through the Worker.

const run = inject('workerRun');
const w = workerWorld();
let t: TestApp;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  t = workerTestApp(run.url, await createDatabase({ databaseUrl: run.databaseUrl, poolSize: 2 }));
});
afterAll(() => t.close());

const audits = (subjectId: string) =>
  t.handle.db
    .selectFrom('audit_entries')
    .select(['action', 'request_id', 'before', 'after'])
    .where('subject_id', '=', subjectId)
    .orderBy('seq')
    .execute();

describe('a workflow step on the Worker', () => {
  it('begins the contract’s end in one transaction with its audit entry; a stale version changes nothing', async () => {
    const path = `${CONTRACTS}/${w.bicycleContractId}`;
    const contract = expectStatus(await t.call('GET', path, { token: w.tokens.ward_officer }), 200);
    const before = await audits(w.bicycleContractId);

    const stale = await transition(
      t,
      w.tokens.ward_officer,
      { ...contract, version: contract.version - 1 },
      'begin-ending',
    );
    expect(stale.status).toBe(409);
    expect(await audits(w.bicycleContractId)).toHaveLength(before.length);

    const res = await transition(t, w.tokens.ward_officer, contract, 'begin-ending');
    const ended = expectStatus(res, 200);
    expect(ended).toMatchObject({ status: 'ending', version: contract.version + 1 });
    const after = await audits(w.bicycleContractId);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      action: 'contract.begin-ending',
      request_id: res.headers.get('x-request-id'),
      before: expect.objectContaining({ status: 'active' }),
      after: expect.objectContaining({ status: 'ending' }),
    });
  });

  it('issues an erasure certificate and draws its PDF in workerd', async () => {
    const token = w.tokens.contractor_manager!;
    const people = await listedHandlers(t, token, w.bicycleContractId);
    const certificate = await certifyFinalErasure(t, token, w.bicycleContractId, Object.values(people)[0]!);
    const record = expectStatus(await t.call('GET', ERASURES, { token }), 200).items[0];
    const res = await t.app.request(`${ERASURES}/${record.id}/certificate/pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(new Uint8Array(await res.arrayBuffer()))).text.replace(/\s/g, '');
    expect(text).toContain('消去証明書');
    expect(text).toContain(`第${certificate.certificateNumber}号`);
    expect(text).toContain('株式会社サイクルサポート東京');
  });
});

describe('attachments on the Worker (stored in PostgreSQL)', () => {
  const upload = (bytes: Uint8Array, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), name);
    form.append('purpose', 'pledge');
    form.append('wardId', w.wardId);
    return t.call('POST', '/api/v1/attachments', { token: w.tokens.contractor_manager, body: form });
  };
  const download = async (id: string, who: string) => {
    const res = await t.app.request(`/api/v1/attachments/${id}/content`, {
      headers: { authorization: `Bearer ${w.tokens[who]}` },
    });
    return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  it('stores a file of the full 10 MiB with its SHA-256 and gives back the same bytes', async () => {
    const bytes = new Uint8Array(10 * 1024 * 1024);
    bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
    for (let i = 9; i < bytes.length; i += 4093) bytes[i] = i % 251;
    const res = expectStatus(await upload(bytes, '誓約書（ワーカー）.pdf'), 201);
    expect(res).toMatchObject({ sizeBytes: bytes.length, sha256: sha256(bytes), wardId: w.wardId });
    const got = await download(res.id, 'contractor_manager');
    expect(got.status).toBe(200);
    expect(sha256(got.bytes)).toBe(sha256(bytes));
    // another ward's officer is told it does not exist
    expect((await download(res.id, 'other_ward_officer')).status).toBe(404);
    expect(await audits(res.id)).toEqual([expect.objectContaining({ action: 'attachment.upload' })]);
  });

  it('refuses a file that is not what it claims, with a problem in both languages', async () => {
    const res = await upload(new TextEncoder().encode('<html>not a pdf</html>'), 'fake.pdf');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ title_ja: expect.any(String), detail: expect.any(String) });
  });
});

describe('an Excel import on the Worker', () => {
  it('serves the workbook template and checks an uploaded workbook, naming the cell of a problem', async () => {
    const template = await t.app.request('/api/v1/imports/templates/contracts.xlsx', {
      headers: { authorization: `Bearer ${w.tokens.ward_officer}` },
    });
    expect(template.status).toBe(200);
    const sheet = strFromU8(
      unzipSync(new Uint8Array(await template.arrayBuffer()))['xl/worksheets/sheet1.xml']!,
    );
    expect(sheet).toContain('契約期間（開始）');

    const headings = IMPORT_COLUMNS.contracts.map((c) => c.heading);
    const row = (from: TestCell) => [
      'WK-1',
      '区民相談業務委託',
      '区民相談課',
      1011101000001,
      null,
      from,
      { date: '2026-03-31' },
      null,
      null,
      '有',
      '2',
      null,
      '完了',
      null,
    ];
    const send = async (rows: TestCell[][]) => {
      const form = new FormData();
      form.append('file', new Blob([buildWorkbook([{ name: '委託契約', rows }]) as BlobPart]), 'book.xlsx');
      return t.call('POST', '/api/v1/imports/contracts?dryRun=true', {
        token: w.tokens.ward_officer,
        body: form,
      });
    };
    const good = await send([headings, row({ date: '2025-04-01' })]);
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body).toMatchObject({ dryRun: true, rowCount: 1, recordCount: 1 });
    const bad = await send([headings, row({ formula: 'Sheet2!A1', cached: '2025-04-01' })]);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ row: 2, cell: 'F2' });
  });
});
