import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACTS, countRows } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorkbook, type TestCell } from '../../../test/helpers/workbook.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';
import { IMPORT_COLUMNS } from '../../domain/imports/import-columns.js';

// 既存記録の取込み from Excel workbooks (.xlsx) built in the test as Excel writes them: the same
// checks and the same problems as a CSV, each naming its cell (B7); the workbook template; and
// what a workbook can carry that a CSV cannot (formulas, macros, links, a zip bomb), refused with
// nothing written. Also the roster import reusing the contractor's registered handlers.

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const IMPORTS = '/api/v1/imports';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function upload(kind: string, bytes: Uint8Array, name = `${kind}.xlsx`, query = '') {
  const form = new FormData();
  form.append('file', new File([bytes as BlobPart], name, { type: XLSX }));
  return t.call('POST', `${IMPORTS}/${kind}${query}`, { token: w.tokens.ward_officer, body: form });
}

const headings = (kind: keyof typeof IMPORT_COLUMNS) => IMPORT_COLUMNS[kind].map((c) => c.heading);

/** A contract row in the template's column order, dates typed as dates (Excel serials). */
function contractCells(number: string, overrides: Record<string, TestCell> = {}): TestCell[] {
  const row: Record<string, TestCell> = {
    契約番号: number,
    件名: '放置自転車等撤去・保管業務委託',
    所管課: '交通対策課',
    // 法人番号 typed into a General cell: Excel keeps it as a number
    '受託者（法人番号又はID）': 1011101000001,
    契約日: { date: '2025-03-25' },
    '契約期間（開始）': { date: '2025-04-01' },
    '契約期間（終了）': '令和8年3月31日',
    契約金額: 48600000,
    履行場所: '新宿区内の自転車等保管場所',
    個人情報の取扱い: '有',
    処理の形態: '1、3',
    業務内容: null,
    状態: '実施中',
    業務開始日: { date: '2025-04-01' },
    ...overrides,
  };
  return headings('contracts').map((h) => row[h] ?? null);
}

const THIS_YEAR: Record<string, TestCell> = {
  '契約期間（開始）': { date: '2026-04-01' },
  '契約期間（終了）': { date: '2027-03-31' },
  業務開始日: { date: '2026-04-01' },
};

async function counts() {
  return {
    contracts: await countRows(t, 'contracts'),
    handlers: await countRows(t, 'handlers'),
    lists: await countRows(t, 'handler_list_submissions'),
    audit: await countRows(t, 'audit_entries'),
  };
}

describe('the workbook template (.xlsx)', () => {
  it('has the headings, a note row of ※ notes, and dates formatted as dates', async () => {
    const res = await t.app.request(`${IMPORTS}/templates/handovers.xlsx`, {
      headers: { authorization: `Bearer ${w.tokens.ward_officer}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toContain('.xlsx');
    const parts = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const workbook = strFromU8(parts['xl/workbook.xml']!);
    expect(workbook).toContain('name="媒体の受渡し・消去（過去の記録）"');
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<t xml:space="preserve">日時</t>');
    expect(sheet).toMatch(/r="C2"[^>]*><is><t xml:space="preserve">※必須。日時/);
    // 日時 is column C: its style is the date-and-time format of styles.xml
    const style = /<col min="3" max="3"[^>]*style="(\d+)"/.exec(sheet)![1]!;
    const styles = strFromU8(parts['xl/styles.xml']!);
    const xfs = [...styles.split('<cellXfs')[1]!.matchAll(/<xf numFmtId="(\d+)"/g)].map((m) => m[1]);
    expect(xfs[Number(style)]).toBe('165');
    expect(styles).toContain('numFmtId="165" formatCode="yyyy/m/d h:mm"');
  });

  it('imports once filled in, the note row left in place', async () => {
    const template = new Uint8Array(
      await (
        await t.app.request(`${IMPORTS}/templates/contracts.xlsx`, {
          headers: { authorization: `Bearer ${w.tokens.ward_officer}` },
        })
      ).arrayBuffer(),
    );
    const parts = unzipSync(template);
    // a row typed under the notes, as Excel would store it in the template's sheet
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    const cells = contractCells('T-1')
      .map((value, i) => {
        const ref = `${String.fromCharCode(65 + i)}3`;
        if (value === null) return '';
        if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
        if (typeof value === 'object' && value && 'date' in value)
          return `<c r="${ref}" s="3"><v>${(Date.parse(value.date) - Date.UTC(1899, 11, 30)) / 86_400_000}</v></c>`;
        return `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
      })
      .join('');
    parts['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(
      sheet.replace('</sheetData>', `<row r="3">${cells}</row></sheetData>`),
    );
    const { zipSync } = await import('fflate');
    const res = await upload('contracts', zipSync(parts), 'filled.xlsx', '?dryRun=true');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ rowCount: 1, recordCount: 1 });
  });
});

describe('importing a workbook', () => {
  it('imports contracts typed with dates and numbers, keeping the dates', async () => {
    const book = buildWorkbook([
      { name: '委託契約', rows: [headings('contracts'), contractCells('X-1'), contractCells('X-2')] },
    ]);
    const res = await upload('contracts', book);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ rowCount: 2, recordCount: 2 });
    const list = await t.call('GET', `${CONTRACTS}?limit=200&view=full`, { token: w.tokens.ward_officer });
    const imported = list.body.items.find((c: any) => c.contractNumber === 'X-1');
    expect(imported).toMatchObject({
      contractDate: '2025-03-25',
      periodFrom: '2025-04-01',
      periodTo: '2026-03-31',
      amountYen: '48600000',
      importId: res.body.id,
    });
  });

  it('reads the sheet named like the template, else the first one', async () => {
    const book = buildWorkbook([
      { name: 'メモ', rows: [['これは取り込みません']] },
      { name: '委託契約', rows: [headings('contracts'), contractCells('X-3')] },
    ]);
    const named = await upload('contracts', book, 'book.xlsx', '?dryRun=true');
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    const first = buildWorkbook([
      { name: 'Sheet1', rows: [headings('contracts'), contractCells('X-3')] },
      { name: 'メモ', rows: [['これは取り込みません']] },
    ]);
    expect((await upload('contracts', first, 'book.xlsx', '?dryRun=true')).status).toBe(200);
  });

  it('names the cell of every problem, as a CSV would, and writes nothing', async () => {
    const before = await counts();
    const book = buildWorkbook([
      {
        name: '委託契約',
        rows: [
          headings('contracts'),
          contractCells('X-4', { '契約期間（開始）': '4月1日' }),
          contractCells('X-5'),
          [],
          contractCells('X-6', { 所管課: '存在しない課' }),
        ],
      },
    ]);
    const res = await upload('contracts', book);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => [e.row, e.column, e.cell])).toEqual([
      [2, '契約期間（開始）', 'F2'],
      [5, '所管課', 'C5'],
    ]);
    expect(res.body.errors[0].message_ja).toBe(
      '2行目『契約期間（開始）』（セルF2）: 日付は YYYY-MM-DD または 令和8年4月1日 の形で入力してください',
    );
    expect(res.body.errors[1].message).toMatch(/^Row 5, "所管課" \(cell C5\): /);
    expect(await counts()).toEqual(before);
  });
});

describe('what a workbook may carry and is refused', () => {
  it('refuses formulas cell by cell, naming a reference to another sheet', async () => {
    const before = await counts();
    const book = buildWorkbook([
      {
        name: '委託契約',
        rows: [
          headings('contracts'),
          contractCells('F-1', { 件名: { formula: 'Sheet2!A1', cached: '撤去業務' } }),
          contractCells('F-2', { 契約金額: { formula: 'SUM(1,2)', cached: '3' } }),
          contractCells('F-3', { 業務内容: '=HYPERLINK("http://evil.example")' }),
        ],
      },
      { name: 'Sheet2', rows: [['撤去業務']] },
    ]);
    const res = await upload('contracts', book);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => [e.row, e.cell])).toEqual([
      [2, 'B2'],
      [3, 'H3'],
      [4, 'L4'],
    ]);
    expect(res.body.errors[0].message_ja).toContain('他のシート');
    expect(res.body.errors[1].message_ja).toContain('数式は取り込めません');
    expect(await counts()).toEqual(before);
  });

  it('refuses macros, links to other workbooks, a zip bomb, an old .xls and a Shift_JIS CSV', async () => {
    const before = await counts();
    const rows = [headings('contracts'), contractCells('M-1')];
    const cases: Array<[Uint8Array, string, RegExp]> = [
      [buildWorkbook([{ name: '委託契約', rows }], { macros: true }), 'book.xlsx', /マクロ/],
      [buildWorkbook([{ name: '委託契約', rows }]), 'book.xlsm', /マクロ/],
      [buildWorkbook([{ name: '委託契約', rows }], { externalLink: true }), 'book.xlsx', /他のブック/],
      [buildWorkbook([{ name: '委託契約', rows }], { bombBytes: 20 * 1024 * 1024 }), 'book.xlsx', /MiB/],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'book.xls', /\.xls/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), 'broken.xlsx', /読み取れません/],
      [new Uint8Array([0x8c, 0x5f, 0x96, 0xf1, 0x94, 0xd4, 0x8d, 0x86, 0x0d, 0x0a]), 'sjis.csv', /UTF-8/],
    ];
    for (const [bytes, name, message] of cases) {
      expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
      const res = await upload('contracts', bytes, name);
      expect(res.status, name).toBe(422);
      expect(res.body.errors[0].path, name).toBe('file');
      expect(res.body.detail_ja, name).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('a roster reuses the contractor’s registered handlers', () => {
  it('matches by company, name and フリガナ across full-width, half-width and spaces, and reports it', async () => {
    const book = buildWorkbook([
      {
        name: '委託契約',
        rows: [headings('contracts'), ...['H-1', 'H-2'].map((n) => contractCells(n, THIS_YEAR))],
      },
    ]);
    expect((await upload('contracts', book)).status).toBe(201);
    const roster = (number: string, role: string, name: string, kana: string | null): TestCell[] => {
      const row: Record<string, TestCell> = {
        契約番号: number,
        役割: role,
        氏名: name,
        フリガナ: kana,
        従事開始日: { date: '2026-04-01' },
        誓約書の日付: { date: '2026-03-25' },
      };
      return headings('handlers').map((h) => row[h] ?? null);
    };
    const rows = [
      headings('handlers'),
      // the demo contractor registered 西新宿 健 (ニシシンジュク ケン) and 早稲田 拓也 (ワセダ タクヤ)
      roster('H-1', '取扱責任者', '西新宿\u3000健', 'にししんじゅく　けん'),
      roster('H-1', '取扱者', '早稲田拓也', 'ﾜｾﾀﾞ ﾀｸﾔ'),
      roster('H-1', '取扱者', '新人 太郎', 'シンジン タロウ'),
      roster('H-2', '取扱責任者', '西新宿 健', null),
      roster('H-2', '取扱者', '新人　太郎', 'シンジン タロウ'),
    ];
    const known = await t.handle.db
      .selectFrom('handlers')
      .select(['id', 'full_name'])
      .where('organisation_id', '=', w.companies.contractor)
      .execute();
    const idOf = (name: string) => known.find((h) => h.full_name === name)!.id;
    const before = await counts();
    const dry = await upload(
      'handlers',
      buildWorkbook([{ name: '取扱者名簿', rows }]),
      'r.xlsx',
      '?dryRun=true',
    );
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.people).toEqual([
      {
        row: 2,
        contractNumber: 'H-1',
        fullName: '西新宿\u3000健',
        match: 'existing',
        handlerId: idOf('西新宿 健'),
      },
      {
        row: 3,
        contractNumber: 'H-1',
        fullName: '早稲田拓也',
        match: 'existing',
        handlerId: idOf('早稲田 拓也'),
      },
      { row: 4, contractNumber: 'H-1', fullName: '新人 太郎', match: 'new', handlerId: null },
      {
        row: 5,
        contractNumber: 'H-2',
        fullName: '西新宿 健',
        match: 'existing',
        handlerId: idOf('西新宿 健'),
      },
      { row: 6, contractNumber: 'H-2', fullName: '新人　太郎', match: 'new', handlerId: null },
    ]);
    expect(await counts()).toEqual(before);

    const res = await upload('handlers', buildWorkbook([{ name: '取扱者名簿', rows }]));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // one new person for both contracts; the registered people are not duplicated
    expect(await countRows(t, 'handlers')).toBe(before.handlers + 1);
    const entries = await t.handle.db
      .selectFrom('handler_list_entries')
      .innerJoin('handlers', 'handlers.id', 'handler_list_entries.handler_id')
      .select(['handlers.id', 'handlers.full_name'])
      .where('handlers.organisation_id', '=', w.companies.contractor)
      .where('handlers.full_name', '=', '新人 太郎')
      .execute();
    expect(new Set(entries.map((e) => e.id)).size).toBe(1);
    expect(entries).toHaveLength(2);
    // the pledge already on record for that day is not recorded twice
    const pledges = await t.handle.db
      .selectFrom('handler_pledges')
      .select('signed_on')
      .where('handler_id', '=', idOf('西新宿 健'))
      .execute();
    expect(pledges.filter((p) => p.signed_on === '2026-03-25')).toHaveLength(1);
  });

  it('asks for the フリガナ when two registered people share the name', async () => {
    const contractor = w.companies.contractor;
    await t.handle.db
      .insertInto('handlers')
      .values([
        { organisation_id: contractor, full_name: '同名 一郎', full_name_kana: 'ドウメイ イチロウ' },
        { organisation_id: contractor, full_name: '同名　一郎', full_name_kana: 'ドウナ イチロウ' },
      ])
      .execute();
    const book = buildWorkbook([{ name: '委託契約', rows: [headings('contracts'), contractCells('H-3')] }]);
    expect((await upload('contracts', book)).status).toBe(201);
    const row = (kana: string | null): TestCell[] =>
      headings('handlers').map(
        (h) =>
          ({
            契約番号: 'H-3',
            役割: '取扱責任者',
            氏名: '同名 一郎',
            フリガナ: kana,
            従事開始日: '2025-04-01',
          })[h] ?? null,
      );
    const ambiguous = await upload(
      'handlers',
      buildWorkbook([{ name: '取扱者名簿', rows: [headings('handlers'), row(null)] }]),
    );
    expect(ambiguous.status).toBe(422);
    expect(ambiguous.body.errors[0]).toMatchObject({ row: 2, column: 'フリガナ', cell: 'D2' });
    const told = await upload(
      'handlers',
      buildWorkbook([{ name: '取扱者名簿', rows: [headings('handlers'), row('ドウナ イチロウ')] }]),
      'r.xlsx',
      '?dryRun=true',
    );
    expect(told.status, JSON.stringify(told.body)).toBe(200);
    expect(told.body.people[0].match).toBe('existing');
  });
});
