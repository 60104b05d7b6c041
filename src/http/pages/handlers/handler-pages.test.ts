import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, samplePdf, textOf } from '../../../../test/helpers/browser.js';
import {
  countRows,
  createContract,
  createHandler,
  expectStatus,
} from '../../../../test/helpers/contracts.js';
import { CSV_DATE, readCsv } from '../../../../test/helpers/csv.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// Handlers (取扱者) with their pledges (誓約書) uploaded through the attachments use case, and the
// handler list (名簿) submitted from the contract's page.

describe('pages: handlers, pledges and handler lists', () => {
  let t: TestApp;
  let w: World;
  let manager: Awaited<ReturnType<typeof pageClient>>;
  const pledgeForm = (signedOn: string, file?: { bytes: Buffer; name: string; type: string }) => {
    const form = new FormData();
    form.set('signedOn', signedOn);
    form.set('wardId', w.wardId);
    if (file) form.set('file', new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
    return form;
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    manager = await pageClient(t, USERS.contractor_manager!.email);
  });
  afterAll(() => t.close());

  it('registers a person, keeping the form when the name is blank', async () => {
    const blank = await manager.post('/handlers', { fullName: ' ', fullNameKana: 'タナカ' });
    expect(blank.status).toBe(422);
    expect(blank.html).toMatch(/id="f-fullName-error">入力してください/);
    expect(blank.html).toContain('value="タナカ"');
    const res = await manager.post('/handlers', { fullName: '田中 花', fullNameKana: 'タナカ ハナ' });
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^\/handlers\/[0-9a-f-]{36}\?notice=created$/);
  });

  it('stores the pledge PDF through the attachments checks and records the pledge with it', async () => {
    const handler = await createHandler(t, w.tokens.contractor_manager, '高田 学');
    const before = { files: await countRows(t, 'audit_entries') };
    const notPdf = await manager.upload(
      `/handlers/${handler.id}/pledges`,
      pledgeForm('2026-03-01', {
        bytes: Buffer.from('just text'),
        name: '誓約書.pdf',
        type: 'application/pdf',
      }),
    );
    expect(notPdf.status).toBe(422);
    expect(notPdf.html).toMatch(/ファイルの内容がPDF・PNG・JPEGのいずれでもありません/);
    const badDate = await manager.upload(
      `/handlers/${handler.id}/pledges`,
      pledgeForm('2026-02-30', { bytes: samplePdf(), name: '誓約書.pdf', type: 'application/pdf' }),
    );
    expect(badDate.status).toBe(422);
    expect(badDate.html).toContain('id="f-signedOn-error"');
    expect(await countRows(t, 'audit_entries')).toBe(before.files);
    const ok = await manager.upload(
      `/handlers/${handler.id}/pledges`,
      pledgeForm('2026-03-01', { bytes: samplePdf(), name: '誓約書_高田.pdf', type: 'application/pdf' }),
    );
    expect(ok.status).toBe(303);
    const stored = expectStatus(
      await t.call('GET', `/api/v1/handlers/${handler.id}`, { token: w.tokens.contractor_manager }),
      200,
    );
    expect(stored.pledges).toHaveLength(1);
    const copy = await manager.get(`/attachments/${stored.pledges[0].attachmentId}`);
    expect(copy.status).toBe(200);
    expect(copy.headers.get('content-type')).toBe('application/pdf');
    // the ward the copy was tagged with reads it; another company does not even see it exists
    const officer = await pageClient(t, USERS.ward_officer!.email);
    expect((await officer.get(`/attachments/${stored.pledges[0].attachmentId}`)).status).toBe(200);
    const other = await pageClient(t, USERS.other_contractor_manager!.email);
    expect((await other.get(`/attachments/${stored.pledges[0].attachmentId}`)).status).toBe(404);
    expect((await other.get(`/handlers/${handler.id}`)).status).toBe(404);
    expect((await other.upload(`/handlers/${handler.id}/pledges`, pledgeForm('2026-03-02'))).status).toBe(
      404,
    );
  });

  it('submits the handler list from the checked rows, and names the person without a pledge', async () => {
    const contract = await createContract(t, w);
    const withPledge = await createHandler(t, w.tokens.contractor_manager, '大久保 一', '2026-03-01');
    const without = await createHandler(t, w.tokens.contractor_manager, '早稲田 二');
    const page = await manager.get(`/contracts/${contract.id}/handler-list/new`);
    expect(page.html).toContain(`name="h.${withPledge.id}.include"`);
    const none = await manager.post(`/contracts/${contract.id}/handler-list/new`, {});
    expect(none.status).toBe(422);
    expect(textOf(none.html)).toContain('名簿に載せる人を1人以上選んでください');
    const rows = {
      [`h.${withPledge.id}.include`]: 'on',
      [`h.${withPledge.id}.role`]: 'responsible',
      [`h.${withPledge.id}.from`]: '2026-04-01',
      [`h.${without.id}.include`]: 'on',
      [`h.${without.id}.role`]: 'handler',
      [`h.${without.id}.from`]: '2026-04-01',
    };
    const before = await countRows(t, 'handler_list_submissions');
    const refused = await manager.post(`/contracts/${contract.id}/handler-list/new`, rows);
    expect(refused.status).toBe(422);
    expect(refused.html).toMatch(new RegExp(`id="f-h-${without.id}-include-error">早稲田 二の誓約書`));
    expect(refused.html).toMatch(new RegExp(`name="h.${without.id}.include" checked`));
    expect(await countRows(t, 'handler_list_submissions')).toBe(before);
    const { [`h.${without.id}.include`]: _dropped, ...only } = rows;
    const ok = await manager.post(`/contracts/${contract.id}/handler-list/new`, only);
    expect(ok.status).toBe(303);
    // the ward sees it waiting on its dashboard and acknowledges it from the contract page
    const officer = await pageClient(t, USERS.ward_officer!.email);
    expect(textOf((await officer.get('/')).html)).toContain(contract.title);
    const detail = (await officer.get(`/contracts/${contract.id}`)).html;
    const action = detail.match(/formaction="(\/contracts\/[^"]+\/acknowledge)"/)![1]!;
    expect((await officer.post(action, { version: '1', comment: '確認しました' })).status).toBe(303);
    const again = await officer.post(action, { version: '2' });
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('この名簿は既に処理済みです');
  });

  it('lets only the contractor of the contract submit its list', async () => {
    const staff = await pageClient(t, USERS.contractor_staff!.email);
    expect((await staff.get(`/contracts/${w.bicycleContractId}/handler-list/new`)).status).toBe(403);
    const other = await pageClient(t, USERS.other_contractor_manager!.email);
    expect((await other.post(`/contracts/${w.bicycleContractId}/handler-list/new`, {})).status).toBe(404);
  });

  it('sorts and filters the company’s handlers in SQL and exports them; another company sees none', async () => {
    const page = await manager.get('/handlers?sort=fullNameKana&dir=desc');
    expect(page.status).toBe(200);
    expect(page.html).toContain('aria-sort="descending"');
    expect(page.html).toContain('<table class="cards">');
    expect(page.html).toContain('data-label="氏名"');
    const rows = readCsv(await manager.get('/handlers/export.csv?sort=fullName&dir=asc'));
    expect(rows[0]).toEqual(['氏名', 'ふりがな（カタカナ）', '役職', '最新の誓約日']);
    const names = rows.slice(1).map((r) => r[0]);
    expect(names).toContain('田中 花');
    for (const r of rows.slice(1)) expect(r[3] === '誓約書なし' || CSV_DATE.test(r[3]!), r[3]).toBe(true);
    const found = readCsv(await manager.get(`/handlers/export.csv?q=${encodeURIComponent('タナカ')}`));
    expect(found.slice(1).map((r) => r[0])).toEqual(['田中 花']);
    const other = await pageClient(t, USERS.other_contractor_manager!.email);
    const theirs = readCsv(await other.get('/handlers/export.csv'));
    expect(theirs.slice(1).map((r) => r[0])).not.toContain('田中 花');
    expect((await manager.get('/handlers?sort=fullName&dir=asc&cursor=forged')).status).toBe(422);
  });
});
