import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient } from '../../../test/helpers/browser.js';
import { CONTRACTS, countRows } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorkbook, type TestCell } from '../../../test/helpers/workbook.js';
import { buildWorld, USERS, type World } from '../../../test/helpers/world.js';
import { IMPORT_COLUMNS } from '../../domain/imports/import-columns.js';

// 取込み（過去の記録）: past sub-contracting approvals and past handovers and erasures come in as a
// contract's history with their original dates — a password notice ten minutes after the media is
// history, not a breach of the live hour rule — are shown on the contract's page, and are refused
// by row and cell when incomplete, dated after today, on another ward's contract, or repeated.

let t: TestApp;
let w: World;
let contractId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  const contracts = [
    IMPORT_COLUMNS.contracts.map((c) => c.heading),
    [
      'P-1',
      '放置自転車等撤去・保管業務委託',
      '交通対策課',
      '1011101000001',
      '',
      '2025-04-01',
      '2026-03-31',
      '',
      '',
      '有',
      '1、3',
      '',
      '完了',
      '',
    ],
  ];
  const res = await upload('contracts', csv(contracts), 'contracts.csv');
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const list = await t.call('GET', `${CONTRACTS}?limit=200`, { token: w.tokens.ward_officer });
  contractId = list.body.items.find((c: any) => c.contractNumber === 'P-1').id;
});
afterAll(() => t.close());

const IMPORTS = '/api/v1/imports';

function csv(lines: Array<Array<string | null>>): Uint8Array {
  const text = lines.map((l) => l.map((c) => `"${(c ?? '').replace(/"/g, '""')}"`).join(',')).join('\r\n');
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

function upload(kind: string, bytes: Uint8Array, name: string, query = '', token = w.tokens.ward_officer) {
  const form = new FormData();
  form.append('file', new File([bytes as BlobPart], name));
  return t.call('POST', `${IMPORTS}/${kind}${query}`, { token, body: form });
}

const headings = (kind: 'approvals' | 'handovers') => IMPORT_COLUMNS[kind].map((c) => c.heading);
const rowOf = (kind: 'approvals' | 'handovers', cells: Record<string, TestCell>) =>
  headings(kind).map((h) => cells[h] ?? null);

const handover = (cells: Record<string, TestCell>) =>
  rowOf('handovers', {
    契約番号: 'P-1',
    渡した者: '交通対策課 新宿 花子',
    受け取った者: '西新宿 健',
    本人確認の方法: '社員証',
    ...cells,
  });

async function counts() {
  return {
    history: await countRows(t, 'imported_history'),
    imports: await countRows(t, 'imports'),
    audit: await countRows(t, 'audit_entries'),
  };
}

describe('past handovers and erasures (媒体の受渡し・消去)', () => {
  it('keeps the original times: a password notice ten minutes after the media is history', async () => {
    const rows = [
      headings('handovers'),
      handover({
        区分: '媒体の受渡し',
        日時: { date: '2025-06-02', time: '10:00' },
        内容: '暗号化USBメモリ1本',
      }),
      handover({
        区分: 'パスワード通知書の受渡し',
        日時: '令和7年6月2日 10時10分',
        内容: 'パスワード通知書',
      }),
      handover({
        区分: '返却',
        日時: '2026/3/31 16:00',
        内容: '暗号化USBメモリ1本',
        渡した者: '西新宿 健',
        受け取った者: '新宿 花子',
      }),
      rowOf('handovers', {
        契約番号: 'P-1',
        区分: '消去',
        日時: '2026-03-31 17:30',
        内容: '委託先PCの作業データ',
        消去の方法: 'データ消去ソフトによる上書き消去',
        消去した者: '西新宿 健',
      }),
    ];
    const before = await counts();
    const book = buildWorkbook([{ name: '媒体の受渡し・消去（過去の記録）', rows }]);
    const dry = await upload('handovers', book, 'h.xlsx', '?dryRun=true');
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ rowCount: 4, recordCount: 4 });
    expect(await counts()).toEqual(before);

    const res = await upload('handovers', book, 'h.xlsx');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const history = await t.call('GET', `${IMPORTS}/history/${contractId}`, { token: w.tokens.ward_officer });
    expect(history.status).toBe(200);
    expect(history.body.items.map((i: any) => [i.kind, i.occurredAt])).toEqual([
      ['media_handover', '2025-06-02T01:00:00.000Z'],
      ['password_handover', '2025-06-02T01:10:00.000Z'],
      ['return', '2026-03-31T07:00:00.000Z'],
      ['erasure', '2026-03-31T08:30:00.000Z'],
    ]);
    expect(history.body.items[0]).toMatchObject({
      importId: res.body.id,
      sourceRow: 2,
      details: { 区分: '媒体の受渡し', 内容: '暗号化USBメモリ1本', 受け取った者: '西新宿 健' },
    });
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('action', '=', 'history.import')
      .execute();
    expect(audit).toHaveLength(4);

    // the contractor reads its contract's history too; another ward's officer may not know it exists
    expect(
      (await t.call('GET', `${IMPORTS}/history/${contractId}`, { token: w.tokens.contractor_manager }))
        .status,
    ).toBe(200);
    expect(
      (await t.call('GET', `${IMPORTS}/history/${contractId}`, { token: w.tokens.other_ward_officer }))
        .status,
    ).toBe(404);

    // the same file again doubles nothing
    const again = await upload('handovers', book, 'h.xlsx');
    expect(again.status).toBe(422);
    expect(again.body.errors.map((e: any) => e.row)).toEqual([2, 3, 4, 5]);
  });

  it('refuses, by row and cell, what history cannot be, and writes nothing', async () => {
    const before = await counts();
    const tomorrow = new Date(Date.parse(`${w.today()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const rows = [
      headings('handovers'),
      handover({ 区分: '郵送', 日時: '2025-06-02 10:00', 内容: 'USB' }),
      handover({ 区分: '媒体の受渡し', 日時: `${tomorrow} 09:00`, 内容: 'USB' }),
      handover({ 区分: '媒体の受渡し', 日時: '2025-06-02 25:00', 内容: 'USB', 受け取った者: null }),
      rowOf('handovers', { 契約番号: 'P-1', 区分: '消去', 日時: '2026-03-31 17:30', 内容: 'データ' }),
      handover({ 契約番号: '練馬第9号', 区分: '返却', 日時: '2025-06-02 10:00', 内容: 'USB' }),
    ];
    const res = await upload('handovers', buildWorkbook([{ name: 'Sheet1', rows }]), 'h.xlsx');
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => [e.row, e.cell])).toEqual([
      [2, 'B2'],
      [3, 'C3'],
      [4, 'C4'],
      [4, 'F4'],
      [5, 'H5'],
      [5, 'I5'],
      [6, 'A6'],
    ]);
    expect(res.body.errors[1].message_ja).toContain('今日以前');
    expect(await counts()).toEqual(before);
  });
});

describe('past sub-contracting approvals (再委託の承認)', () => {
  it('imports an approval by its day, from a CSV too, and refuses an impossible one', async () => {
    const good = rowOf('approvals', {
      契約番号: 'P-1',
      再委託先の名称: '株式会社コールセンター東京',
      再委託先の法人番号: '１０１１１０１０００００３',
      再委託する理由: 'コールセンター業務の専門性',
      再委託して処理する内容: '問合せ対応',
      再委託において取り扱う情報: '問合せ者の氏名・電話番号',
      申請日: '令和7年4月10日',
      承認日: '2025-04-20',
      文書番号: '新交対第123号',
    }) as Array<string | null>;
    const res = await upload('approvals', csv([headings('approvals'), good]), 'a.csv');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const history = await t.call('GET', `${IMPORTS}/history/${contractId}`, { token: w.tokens.ward_officer });
    const approval = history.body.items.find((i: any) => i.kind === 'subcontract_approval');
    expect(approval).toMatchObject({
      occurredAt: '2025-04-19T15:00:00.000Z',
      dateOnly: true,
      details: { 再委託先の法人番号: '1011101000003', 申請日: '2025-04-10', 文書番号: '新交対第123号' },
    });

    const before = await counts();
    const bad = rowOf('approvals', {
      ...Object.fromEntries(headings('approvals').map((h, i) => [h, good[i]!])),
      再委託先の法人番号: '12345',
      申請日: '2025-05-01',
      承認日: '2025-04-20',
    }) as Array<string | null>;
    const refused = await upload('approvals', csv([headings('approvals'), bad]), 'a.csv');
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: any) => e.cell)).toEqual(['C2', 'G2']);
    expect(await counts()).toEqual(before);
  });

  it('is not imported by a company', async () => {
    const res = await upload(
      'approvals',
      csv([headings('approvals')]),
      'a.csv',
      '',
      w.tokens.contractor_manager,
    );
    expect(res.status).toBe(403);
  });
});

describe('the contract’s page', () => {
  it('shows the imported past records, in time order and in Japan time, marked as imported', async () => {
    const officer = await pageClient(t, USERS.ward_officer!.email);
    const { status, html } = await officer.get(`/contracts/${contractId}`);
    expect(status).toBe(200);
    expect(html).toContain('取込み（過去の記録）');
    expect(html).toContain('2025-06-02 10:10');
    expect(html.indexOf('再委託の承認')).toBeLessThan(html.indexOf('パスワード通知書の受渡し'));
  });
});
