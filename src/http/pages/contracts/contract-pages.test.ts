import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import {
  CONTRACTS,
  countRows,
  createContract,
  expectStatus,
  putRegister,
} from '../../../../test/helpers/contracts.js';
import { readCsv } from '../../../../test/helpers/csv.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// The contract pages through app.request: the same refusals as the API, shown on the page with
// what was typed kept; nothing written when refused.

describe('pages: contracts and their registers', () => {
  let t: TestApp;
  let w: World;
  let officer: Awaited<ReturnType<typeof pageClient>>;
  const form = (w: World, extra: Record<string, string | string[]> = {}) => ({
    title: '駐輪場管理業務委託',
    contractNumber: '8新交対契約第300号',
    departmentId: w.departments.交通対策課!,
    contractorOrgId: w.companies.contractor,
    periodFrom: '2026-04-01',
    periodTo: '2027-03-31',
    amountYen: '1,200,000',
    handlesPersonalInfo: 'true',
    processingModes: ['paper_handover', 'on_premises'],
    'wardMeasures.operational': '特記事項を付す\n\n立入調査を行う',
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    officer = await pageClient(t, USERS.ward_officer!.email);
  });
  afterAll(() => t.close());

  it('registers a contract from the form, with amounts and measures as people type them', async () => {
    const res = await officer.post('/contracts', form(w));
    expect(res.status).toBe(303);
    const id = res.location!.match(/^\/contracts\/([0-9a-f-]{36})\?notice=created$/)![1]!;
    const api = expectStatus(
      await t.call('GET', `${CONTRACTS}/${id}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(api).toMatchObject({
      title: '駐輪場管理業務委託',
      amountYen: '1200000',
      processingModes: ['paper_handover', 'on_premises'],
      wardMeasures: { operational: ['特記事項を付す', '立入調査を行う'], system: [] },
      status: 'draft',
    });
  });

  it('keeps what was typed and shows each error beside its field; nothing is written', async () => {
    const before = await countRows(t, 'contracts');
    const res = await officer.post(
      '/contracts',
      form(w, { title: '  ', amountYen: '百万円', departmentId: '' }),
    );
    expect(res.status).toBe(422);
    expect(res.html).toMatch(/id="f-title-error">入力してください/);
    expect(res.html).toMatch(/id="f-amountYen-error">金額は半角数字で入力してください/);
    expect(res.html).toMatch(/id="f-departmentId-error">選択してください/);
    expect(res.html).toContain('value="8新交対契約第300号"');
    expect(res.html).toContain('value="百万円"');
    expect(res.html).toMatch(/value="on_premises" checked/);
    const reversed = await officer.post(
      '/contracts',
      form(w, { contractNumber: '', periodFrom: '2027-04-01' }),
    );
    expect(reversed.status).toBe(422);
    expect(reversed.html).toMatch(/id="f-periodTo-error">契約期間の終了日が開始日より前です/);
    const duplicate = await officer.post('/contracts', form(w));
    expect(duplicate.status).toBe(409);
    expect(textOf(duplicate.html)).toContain('契約番号「8新交対契約第300号」は既に登録されています');
    expect(await countRows(t, 'contracts')).toBe(before);
  });

  it('refuses a form without the CSRF token, and one from a user who may not register', async () => {
    const before = await countRows(t, 'contracts');
    const forged = await officer.request('POST', '/contracts', form(w, { contractNumber: 'X-1' }));
    expect(forged.status).toBe(403);
    const chief = await pageClient(t, USERS.ward_chief!.email);
    expect((await chief.post('/contracts', form(w, { contractNumber: 'X-2' }))).status).toBe(403);
    const company = await pageClient(t, USERS.contractor_manager!.email);
    expect((await company.post('/contracts', form(w, { contractNumber: 'X-3' }))).status).toBe(403);
    expect(await countRows(t, 'contracts')).toBe(before);
  });

  it('changes a contract with the version it was read at; a stale form is a 409 with the form kept', async () => {
    const created = await createContract(t, w, { title: '変更前の件名' });
    const edit = await officer.get(`/contracts/${created.id}/edit`);
    expect(edit.html).toContain('value="変更前の件名"');
    const values = {
      ...form(w, { contractNumber: created.contractNumber, title: '変更後の件名' }),
      version: '1',
    };
    expect((await officer.post(`/contracts/${created.id}/edit`, values)).status).toBe(303);
    const stale = await officer.post(`/contracts/${created.id}/edit`, {
      ...values,
      title: '古い版からの変更',
    });
    expect(stale.status).toBe(409);
    expect(stale.html).toContain('value="古い版からの変更"');
    expect(textOf(stale.html)).toContain('他の利用者によって更新されています');
  });

  it('pages the list by cursor, 20 at a time, and refuses a forged cursor', async () => {
    for (let i = 0; i < 22; i++) await createContract(t, w, { title: `一覧確認用の委託${i}` });
    const first = await officer.get(`/contracts?q=${encodeURIComponent('一覧確認用')}`);
    expect(first.html.match(/一覧確認用の委託\d+/g)).toHaveLength(20);
    const next = first.html
      .match(/href="(\/contracts\?[^"]*cursor=[^"]+)" rel="next"/)![1]!
      .replace(/&amp;/g, '&');
    const second = await officer.get(next);
    expect(second.html.match(/一覧確認用の委託\d+/g)).toHaveLength(2);
    expect(second.html).not.toContain('rel="next"');
    const forged = await officer.get('/contracts?cursor=bm90LWEtY3Vyc29y');
    expect(forged.status).toBe(422);
  });

  it('sorts the list by a column across pages, and exports the same rows as CSV for Excel', async () => {
    const tag = '並べ替え確認';
    // 22 contracts whose titles sort differently from their registration order
    for (const i of [...Array(22).keys()].reverse())
      await createContract(t, w, {
        title: `${tag}${String(i).padStart(2, '0')}`,
        contractNumber: `=CMD${i}`,
      });
    const q = `q=${encodeURIComponent(tag)}`;
    const titles = (html: string) => html.match(new RegExp(`${tag}\\d{2}`, 'g')) ?? [];

    const asc = await officer.get(`/contracts?${q}&sort=title&dir=asc`);
    expect(asc.status).toBe(200);
    expect(titles(asc.html)).toEqual([...Array(20).keys()].map((i) => `${tag}${String(i).padStart(2, '0')}`));
    expect(asc.html).toMatch(/<th scope="col" aria-sort="ascending">/);
    const next = asc.html
      .match(/href="(\/contracts\?[^"]*cursor=[^"]+)" rel="next"/)![1]!
      .replace(/&amp;/g, '&');
    expect(titles((await officer.get(next)).html)).toEqual([`${tag}20`, `${tag}21`]);
    // a cursor of one order is not read as another's
    const cursor = new URL(next, 'http://x').searchParams.get('cursor')!;
    expect((await officer.get(`/contracts?${q}&sort=title&dir=desc&cursor=${cursor}`)).status).toBe(422);
    expect((await officer.get(`/contracts?${q}&cursor=${cursor}`)).status).toBe(422);

    const desc = await officer.get(`/contracts?${q}&sort=title&dir=desc`);
    expect(titles(desc.html)[0]).toBe(`${tag}21`);

    const csv = await officer.get(`/contracts/export.csv?${q}&sort=title&dir=desc`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('attachment;');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs
    expect(csv.html.startsWith('"件名","契約番号","受託者","所管課"')).toBe(true);
    const lines = csv.html.trimEnd().split('\r\n');
    expect(lines).toHaveLength(23);
    expect(lines[1]).toContain(`"${tag}21"`);
    // a value that would be an Excel formula is neutralised
    expect(lines[1]).toContain(`"'=CMD21"`);
    expect(lines[1]).toContain('"起案中"');
    expect(lines.at(-1)).toContain(`"${tag}00"`);
    // the contract period as dates Excel reads, no ISO date anywhere
    const rows = readCsv(csv);
    expect(rows[0]!.slice(4, 6)).toEqual(['契約期間（自）', '契約期間（至）']);
    expect(rows[1]!.slice(4, 6)).toEqual(['2026/04/01', '2027/03/31']);

    // another ward's officer exports none of these rows: the rules run in the SQL
    const other = await pageClient(t, USERS.other_ward_officer!.email);
    const theirs = await other.get(`/contracts/export.csv?${q}`);
    expect(theirs.status).toBe(200);
    expect(theirs.html).not.toContain(tag);
  });

  it('shows another ward’s contract as not found, and a reviewer no edit page', async () => {
    const other = await pageClient(t, USERS.other_ward_officer!.email);
    const res = await other.get(`/contracts/${w.bicycleContractId}`);
    expect(res.status).toBe(404);
    expect(res.html).not.toContain('総合自転車対策業務一括委託');
    const council = await pageClient(t, USERS.council_reviewer!.email);
    expect((await council.get(`/contracts/${w.bicycleContractId}`)).status).toBe(200);
    expect((await council.get(`/contracts/${w.bicycleContractId}/edit`)).status).toBe(403);
    expect(
      (
        await council.post(`/contracts/${w.bicycleContractId}/transition`, {
          command: 'begin-ending',
          version: '2',
        })
      ).status,
    ).toBe(403);
  });

  it('saves the register from rows, and puts each refusal beside the row it came from', async () => {
    const contract = await createContract(t, w);
    const rows = {
      baseRevision: '0',
      'item.0.group': '撤去車両所有者',
      'item.0.name': '氏名',
      'item.0.direction': 'provided',
      'item.1.group': '相談者',
      'item.1.name': '犯罪の経歴',
      'item.1.direction': 'collected',
      'item.1.special': 'crime',
      'item.2.group': '',
      'item.2.name': '',
      'item.3.group': '問合せ者',
      'item.3.name': '',
      'media.0.kind': 'usb',
      'media.0.name': '暗号化USB',
    };
    const revisions = await countRows(t, 'register_revisions');
    const half = await officer.post(`/contracts/${contract.id}/register/edit`, rows);
    expect(half.status).toBe(422);
    expect(half.html).toMatch(/id="f-item-3-name-error">入力してください/);
    const special = await officer.post(`/contracts/${contract.id}/register/edit`, {
      ...rows,
      'item.3.group': '',
    });
    expect(special.status).toBe(422);
    expect(special.html).toMatch(
      /id="f-item-1-approvalNote-error">「犯罪の経歴」は犯罪に該当するため、区の承認の記録が必要です/,
    );
    expect(special.html).toContain('value="犯罪の経歴"');
    const more = await officer.post(`/contracts/${contract.id}/register/edit`, { ...rows, _more: 'item' });
    expect(more.status).toBe(200);
    expect(more.html).toContain('name="item.11.group"');
    expect(await countRows(t, 'register_revisions')).toBe(revisions);
    const saved = await officer.post(`/contracts/${contract.id}/register/edit`, {
      ...rows,
      'item.3.group': '',
      'item.1.approvalNote': '区長決裁 第12号',
    });
    expect(saved.status).toBe(303);
    const register = expectStatus(
      await t.call('GET', `${CONTRACTS}/${contract.id}/register`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(register.revision).toBe(1);
    expect(register.document.subjectGroups[0].items[0]).toMatchObject({
      name: '氏名',
      catalogueCode: 'name',
    });
    expect(register.document.subjectGroups[1].items[0].specialApproval.note).toBe('区長決裁 第12号');
    const stale = await officer.post(`/contracts/${contract.id}/register/edit`, {
      ...rows,
      'item.3.group': '',
      'item.1.approvalNote': '別の承認',
    });
    expect(stale.status).toBe(409);
    expect(textOf(stale.html)).toContain('情報項目は他の利用者によって更新されています');
    expect((await putRegister(t, w.tokens.ward_officer, contract.id, 1)).status).toBe(200);
  });

  it('does not offer 再委託 to a contractor the ward does not let sub-contract, and says why', async () => {
    const company = await pageClient(t, USERS.contractor_manager!.email);
    const offered = await company.get(`/contracts/${w.bicycleContractId}`);
    expect(offered.status).toBe(200);
    expect(textOf(offered.html)).toContain('再委託を申請する');

    const wardUrl = `/api/v1/organisations/${w.wardId}`;
    const before = expectStatus(await t.call('GET', wardUrl, { token: w.tokens.ward_manager }), 200);
    const change = (settings: object, version: number) =>
      t.call('PATCH', wardUrl, { token: w.tokens.ward_manager, json: { settings, version } });
    const after = expectStatus(
      await change({ ...before.settings, maxSubcontractDepth: 0 }, before.version),
      200,
    );
    try {
      const refused = await company.get(`/contracts/${w.bicycleContractId}`);
      const text = textOf(refused.html);
      expect(text).not.toContain('再委託を申請する');
      expect(text).toContain('この区では再委託は認められていません');
      expect(refused.html).not.toContain(`/contracts/${w.bicycleContractId}/subcontract/new`);
    } finally {
      expectStatus(await change(before.settings, after.version), 200);
    }
  });
});
