import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, samplePdf, textOf } from '../../../../test/helpers/browser.js';
import { countRows, expectStatus } from '../../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// 報告の求め with files: the company asked answers on the page with the report and its files (the
// attachments' checks: type from the bytes, size); the ward and the company read the files by name
// and download them; a refused file changes nothing; another company does not see the request or
// its files; a stale page is refused (409) with the files already stored kept for the next attempt.

const REQUESTS = '/api/v1/report-requests';

describe('pages: answering a report request with files', () => {
  let t: TestApp;
  let w: World;
  let requestId: string;
  let manager: Awaited<ReturnType<typeof pageClient>>;
  const answerForm = (version: number, text: string, files: File[] = [], keep: string[] = []) => {
    const form = new FormData();
    form.set('version', String(version));
    form.set('text', text);
    for (const file of files) form.append('files', file);
    for (const id of keep) form.append('attachmentIds', id);
    return form;
  };
  const pdf = (name: string) =>
    new File([new Uint8Array(samplePdf(name))], name, { type: 'application/pdf' });
  const attachmentCount = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('attachments')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const stored = async () =>
    expectStatus(await t.call('GET', `${REQUESTS}/${requestId}`, { token: w.tokens.ward_officer }), 200);

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    requestId = expectStatus(
      await t.call('POST', REQUESTS, {
        token: w.tokens.ward_officer,
        json: { contractId: w.bicycleContractId, topic: '個人情報の保管状況', dueOn: w.today() },
      }),
      201,
    ).id;
    manager = await pageClient(t, USERS.contractor_manager!.email);
  });
  afterAll(() => t.close());

  it('offers the company asked a file field on a multipart answer form', async () => {
    const page = await manager.get(`/report-requests/${requestId}`);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(
      /<form[^>]+action="\/report-requests\/[^"]+\/answer"[^>]+enctype="multipart\/form-data"/,
    );
    expect(page.html).toContain('name="files"');
    // the ward that asked does not answer: no file field for it
    const officer = await pageClient(t, USERS.ward_officer!.email);
    expect((await officer.get(`/report-requests/${requestId}`)).html).not.toContain('name="files"');
  });

  it('refuses a file that is not what it claims, storing nothing and changing nothing', async () => {
    const before = { files: await attachmentCount(), audit: await countRows(t, 'audit_entries') };
    const fake = new File([new TextEncoder().encode('MZ not a pdf')], '管理簿.pdf', {
      type: 'application/pdf',
    });
    const res = await manager.upload(
      `/report-requests/${requestId}/answer`,
      answerForm(1, '施錠保管', [fake]),
    );
    expect(res.status).toBe(422);
    expect(res.html).toContain('id="f-files-error"');
    expect(textOf(res.html)).toContain('PDF・PNG・JPEG');
    expect(res.html).toContain('施錠保管'); // what was typed is kept
    expect(await attachmentCount()).toBe(before.files);
    expect(await countRows(t, 'audit_entries')).toBe(before.audit);
    expect((await stored()).status).toBe('requested');
  });

  it('keeps the stored files ticked when the page was stale, and takes them with the next answer', async () => {
    const stale = await manager.upload(
      `/report-requests/${requestId}/answer`,
      answerForm(99, '施錠できるキャビネットに保管しています', [pdf('鍵の管理簿.pdf')]),
    );
    expect(stale.status).toBe(409);
    const kept = [...stale.html.matchAll(/name="attachmentIds" value="([0-9a-f-]{36})" checked/g)].map(
      (m) => m[1]!,
    );
    expect(kept).toHaveLength(1);
    expect(textOf(stale.html)).toContain('鍵の管理簿.pdf');
    const done = await manager.upload(
      `/report-requests/${requestId}/answer`,
      answerForm(1, '施錠できるキャビネットに保管しています', [pdf('保管庫の写真.pdf')], kept),
    );
    expect(done.status).toBe(303);
    const record = await stored();
    expect(record.status).toBe('answered');
    expect(record.answerAttachmentIds).toHaveLength(2);
    expect(record.answerAttachmentIds[0]).toBe(kept[0]);
  });

  it('lists the files by name for the ward and the company, each a download', async () => {
    const record = await stored();
    for (const who of ['ward_officer', 'ward_chief', 'contractor_manager']) {
      const client = await pageClient(t, USERS[who]!.email);
      const page = await client.get(`/report-requests/${requestId}`);
      expect(textOf(page.html), who).toContain('鍵の管理簿.pdf');
      expect(textOf(page.html), who).toContain('保管庫の写真.pdf');
      for (const id of record.answerAttachmentIds) {
        expect(page.html, who).toContain(`href="/attachments/${id}"`);
        const file = await client.get(`/attachments/${id}`);
        expect(file.status, who).toBe(200);
        expect(file.headers.get('content-disposition'), who).toMatch(/^attachment/);
        expect(new TextDecoder().decode(file.bytes.slice(0, 5))).toBe('%PDF-');
      }
    }
    // another company: neither the request nor its files exist for it
    const other = await pageClient(t, USERS.other_contractor_manager!.email);
    expect((await other.get(`/report-requests/${requestId}`)).status).toBe(404);
    expect((await other.get(`/attachments/${record.answerAttachmentIds[0]}`)).status).toBe(404);
    expect(
      (
        await other.upload(
          `/report-requests/${requestId}/answer`,
          answerForm(record.version, 'x', [pdf('x.pdf')]),
        )
      ).status,
    ).toBe(404);
  });

  it('does not let a file of another company be attached by its id', async () => {
    // sent back, then answered again naming a file of another company: refused, nothing changed
    const record = await stored();
    const officer = await pageClient(t, USERS.ward_officer!.email);
    expect(
      (
        await officer.post(`/report-requests/${requestId}/send-back`, {
          version: String(record.version),
          sendBackComment: '保管庫の鍵の管理簿を追加してください',
        })
      ).status,
    ).toBe(303);
    const returned = await stored();
    // the form of the answer again starts from the files already attached
    const again = await manager.get(`/report-requests/${requestId}`);
    for (const id of returned.answerAttachmentIds)
      expect(again.html).toMatch(new RegExp(`name="attachmentIds" value="${id}" checked`));
    const foreign = expectStatus(
      await t.call('POST', '/api/v1/attachments', {
        token: w.tokens.other_contractor_manager,
        body: (() => {
          const form = new FormData();
          form.append('file', new Blob([new Uint8Array(samplePdf())], { type: 'application/pdf' }), 'x.pdf');
          form.append('purpose', 'other');
          return form;
        })(),
      }),
      201,
    ).id;
    const refused = await manager.upload(
      `/report-requests/${requestId}/answer`,
      answerForm(returned.version, '追加しました', [], [foreign]),
    );
    expect(refused.status).toBe(422);
    expect((await stored()).status).toBe('returned');
  });
});
