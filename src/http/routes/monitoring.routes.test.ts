import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// 業務委託モニタリング報告書 (seed 000): S/A/B/C per item, comments, and the financial checksheet
// rated by the seed's table — through the API, with its PDF.

const MONITORING = '/api/v1/inspections/monitoring';
let t: TestApp;
let w: World;

const SEED_FIGURES = {
  unit: 'million_yen',
  statementsOf: '2019年3月期',
  currentAssets: 38_214,
  currentLiabilities: 16_346,
  fixedAssets: 17_541,
  equity: 37_812,
  totalCapital: 55_755,
};

const seedReport = () => ({
  contractId: w.bicycleContractId,
  hearingOn: '2026-10-24',
  ratings: {
    c1: 'S',
    c2: 'S',
    c3: 'S',
    c4: 'C',
    c5: 'S',
    s1: 'A',
    s2: 'A',
    s3: 'S',
    s4: 'S',
    s5: 'A',
    s6: 'A',
    s7: 'A',
    s8: 'S',
    s9: 'S',
    s10: 'S',
    s11: 'A',
    s12: 'A',
    s13: 'S',
    s14: 'S',
    k2: 'C',
  },
  comments: {
    compliance:
      '「障害者差別解消法 指定管理者及び区業務受託事業者対応マニュアルに基づく対応」については、区から委託事業者へマニュアルが提供されていなかったことが判明した。',
    service: '委託業務開始当初は、トラブル等について提示された改善策が速やかに図られていないケースがあった。',
    continuity: '計画等による区と委託事業者間の業務継続の情報共有が不足していた。',
  },
  overall: '○現段階では、概ね順調に業務の遂行がなされている。',
  improvements:
    '○毎月開催している区と委託事業者の定例会において、仕様書どおり業務が遂行されているか、引き続き確認する。',
  financials: SEED_FIGURES,
});

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('the financial checksheet (財務状況チェックシート)', () => {
  it.each([
    ['the seed figures: all 安定', {}, ['安定', '安定', '安定'], 'S'],
    [
      'one 注意 (流動比率 85.0)',
      { currentAssets: 85, currentLiabilities: 100 },
      ['注意', '安定', '安定'],
      'A',
    ],
    [
      'two 注意',
      { currentAssets: 85, currentLiabilities: 100, fixedAssets: 40_000 },
      ['注意', '注意', '安定'],
      'B',
    ],
    [
      'three 注意',
      { currentAssets: 85, currentLiabilities: 100, fixedAssets: 40_000, totalCapital: 100_000 },
      ['注意', '注意', '注意'],
      'B',
    ],
    [
      'one 危険 (自己資本比率 9.9)',
      { equity: 99, fixedAssets: 50, totalCapital: 1000 },
      ['安定', '安定', '危険'],
      'C',
    ],
  ])('%s', async (_name, overrides, stabilities, grade) => {
    const rating = expectStatus(
      await t.call('POST', `${MONITORING}/financial-rating`, {
        token: w.tokens.ward_officer,
        json: { ...SEED_FIGURES, ...overrides },
      }),
      200,
    );
    expect([
      rating.currentRatio.stability,
      rating.fixedRatio.stability,
      rating.equityRatio.stability,
    ]).toEqual(stabilities);
    expect(rating.grade).toBe(grade);
  });

  it('refuses a total capital of zero and fractional figures (422)', async () => {
    const res = await t.call('POST', `${MONITORING}/financial-rating`, {
      token: w.tokens.ward_officer,
      json: { ...SEED_FIGURES, totalCapital: 0, currentAssets: 1.5 },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'json.currentAssets',
      'json.totalCapital',
    ]);
  });
});

describe('a monitoring report', () => {
  let report: { id: string; version: number };

  it('records the seed report: the financial item is rated S by the sheet, not by hand', async () => {
    report = expectStatus(
      await t.call('POST', MONITORING, { token: w.tokens.ward_officer, json: seedReport() }),
      201,
    );
    expect(report).toMatchObject({
      fiscalYear: 2026,
      financialGrade: 'S',
      ratings: { k1: 'S', c4: 'C', k2: 'C' },
      financials: { rating: { currentRatio: { display: '233.8' }, equityRatio: { display: '67.8' } } },
    });
  });

  it.each([
    ['a hand rating of the financial item', { ratings: { k1: 'A' } }, 'ratings.k1'],
    ['A on a 2段階 item', { ratings: { k2: 'A' } }, 'ratings.k2'],
    ['an unknown item', { ratings: { q1: 'S' } }, 'ratings.q1'],
    ['a grade that does not exist', { ratings: { c1: 'D' } }, 'json.ratings.c1'],
  ])('refuses %s (422) and writes nothing', async (_name, overrides, path) => {
    const before = await t.handle.db.selectFrom('monitoring_reports').select('id').execute();
    const res = await t.call('POST', MONITORING, {
      token: w.tokens.ward_officer,
      json: { ...seedReport(), ...overrides },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await t.handle.db.selectFrom('monitoring_reports').select('id').execute()).toHaveLength(
      before.length,
    );
  });

  it('updates against the version read; a stale one is 409', async () => {
    const worse = { ...SEED_FIGURES, currentAssets: 10_000 };
    const updated = expectStatus(
      await t.call('PUT', `${MONITORING}/${report.id}`, {
        token: w.tokens.inspector,
        json: { ...seedReport(), financials: worse, version: report.version },
      }),
      200,
    );
    expect(updated).toMatchObject({ financialGrade: 'C', ratings: { k1: 'C' }, version: 2 });
    const stale = await t.call('PUT', `${MONITORING}/${report.id}`, {
      token: w.tokens.inspector,
      json: { ...seedReport(), version: 1 },
    });
    expect(stale.status).toBe(409);
    report = expectStatus(
      await t.call('PUT', `${MONITORING}/${report.id}`, {
        token: w.tokens.inspector,
        json: { ...seedReport(), version: 2 },
      }),
      200,
    );
  });

  it('is the ward’s: signers read it, companies and council reviewers do not, other wards get 404', async () => {
    expectStatus(await t.call('GET', `${MONITORING}/${report.id}`, { token: w.tokens.ward_manager }), 200);
    for (const who of ['contractor_manager', 'council_reviewer', 'other_ward_officer'])
      expect((await t.call('GET', `${MONITORING}/${report.id}`, { token: w.tokens[who] })).status).toBe(404);
    expect((await t.call('GET', MONITORING, { token: w.tokens.contractor_manager })).body.items).toEqual([]);
    expect(
      (await t.call('POST', MONITORING, { token: w.tokens.ward_manager, json: seedReport() })).status,
    ).toBe(403);
    expect(
      (await t.call('POST', MONITORING, { token: w.tokens.contractor_manager, json: seedReport() })).status,
    ).toBe(403);
    const list = expectStatus(
      await t.call('GET', `${MONITORING}?fiscalYear=2026`, { token: w.tokens.ward_chief }),
      200,
    );
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([report.id]);
  });

  it('prints the report and the financial checksheet in the seed layout', async () => {
    const res = await t.app.request(`${MONITORING}/${report.id}/pdf`, {
      headers: { authorization: `Bearer ${w.tokens.ward_officer}` },
    });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (process.env.KEEP_PDFS) await writeFile(`${process.env.KEEP_PDFS}/monitoring-report.pdf`, bytes);
    const { pages, text } = await pdfText(bytes);
    // the financial checksheet has its own, last page
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text.split('\n').at(-1)).toContain('財務状況(安全性)チェックシート');
    const flat = text.replace(/\s+/g, '');
    for (const expected of [
      '業務委託モニタリング報告書',
      '総合自転車対策業務一括委託',
      'ヒアリング実施日',
      '令和8年10月24日',
      '継続可能性',
      '財務状況(安全性)チェックシート',
      '233.8',
      '46.4',
      '67.8',
      'S（判定）',
    ])
      expect(flat).toContain(expected.replace(/\s+/g, ''));
  });
});
