import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// 改善勧告 (seed 004 6) and the monthly 定例会議 (seed 004 3, 4(5)), between the city and the
// contract's contractor. The test clock stands on 2026-11-22 (JST).

const IR = '/api/v1/improvement-recommendations';
const RM = '/api/v1/regular-meetings';
let t: TestApp;
let w: World;
const call = (who: string, method: string, path: string, json?: unknown) =>
  t.call(method, path, { token: w.tokens[who], json });
const act = (who: string, r: { id: string; version: number }, command: string, extra: object = {}) =>
  call(who, 'POST', `${IR}/${r.id}/${command}`, { version: r.version, ...extra });
const recommendation = (overrides: object = {}) => ({
  contractId: w.bicycleContractId,
  title: '問合せ対応の応答率の改善',
  contents: '10月の電話応答率が要求水準（90%）を下回った。原因を分析し、改善策を策定して報告すること。',
  dueOn: '2026-12-04',
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('improvement recommendations', () => {
  it('are made by the city’s signers only, with a due date not in the past', async () => {
    expect((await call('contractor_manager', 'POST', IR, recommendation())).status).toBe(403);
    expect((await call('other_ward_officer', 'POST', IR, recommendation())).status).toBe(404);
    const past = await call('ward_officer', 'POST', IR, recommendation({ dueOn: '2026-11-21' }));
    expect(past.status).toBe(422);
    expect(past.body.errors.map((e: any) => e.path)).toEqual(['dueOn']);
    expect((await call('ward_officer', 'POST', IR, recommendation({ contents: ' ' }))).status).toBe(422);
  });

  it('are answered in writing by the contractor, sent back, answered again and closed', async () => {
    let r = expectStatus(await call('ward_chief', 'POST', IR, recommendation()), 201);
    expect(r).toMatchObject({ status: 'recommended', allowedActions: [] });
    const seen = expectStatus(await call('contractor_manager', 'GET', `${IR}/${r.id}`), 200);
    expect(seen.allowedActions).toEqual(['answer']);
    // the staff read it; the 統括責任者 answers
    expect(expectStatus(await call('contractor_staff', 'GET', `${IR}/${r.id}`), 200).allowedActions).toEqual(
      [],
    );
    expect((await act('contractor_staff', r, 'answer', { measures: 'a', result: 'b' })).status).toBe(403);
    const half = await act('contractor_manager', r, 'answer', { measures: '応答要員を1名増員' });
    expect(half.status).toBe(422);
    expect(half.body.errors.map((e: any) => e.path)).toEqual(['result']);
    // the city may not answer for the contractor, nor close before the answer
    expect((await act('ward_officer', r, 'answer', { measures: 'a', result: 'b' })).status).toBe(403);
    expect((await act('ward_officer', r, 'close')).status).toBe(409);
    r = expectStatus(
      await act('contractor_manager', r, 'answer', {
        measures: '応答要員を1名増員',
        result: '11月前半の応答率 93%',
      }),
      200,
    );
    expect(r.status).toBe('answered');
    expect((await act('ward_officer', r, 'send-back', {})).status).toBe(422);
    r = expectStatus(await act('ward_officer', r, 'send-back', { comment: '原因の分析を記載すること' }), 200);
    expect(r).toMatchObject({ status: 'sent_back', sendBackComment: '原因の分析を記載すること' });
    const stale = await act('contractor_manager', { ...r, version: r.version - 1 }, 'answer', {
      measures: 'a',
      result: 'b',
    });
    expect(stale.status).toBe(409);
    r = expectStatus(
      await act('contractor_manager', r, 'answer', {
        measures: '夕方の着信集中が原因。応答要員を1名増員し、折返し体制を整備',
        result: '11月前半の応答率 93%',
      }),
      200,
    );
    r = expectStatus(await act('ward_manager', r, 'close', { comment: '改善を確認した' }), 200);
    expect(r).toMatchObject({ status: 'closed', closingComment: '改善を確認した' });
    expect((await act('ward_officer', r, 'send-back', { comment: 'x' })).status).toBe(409);
  });

  it.each(['other_contractor_manager', 'subcontractor_manager', 'other_ward_officer', 'council_reviewer'])(
    'are hidden from %s',
    async (who) => {
      const any = expectStatus(await call('ward_officer', 'GET', IR), 200).items[0];
      expect(expectStatus(await call(who, 'GET', IR), 200).items).toEqual([]);
      expect((await call(who, 'GET', `${IR}/${any.id}`)).status).toBe(404);
      expect((await act(who, any, 'answer', { measures: 'a', result: 'b' })).status).toBe(404);
    },
  );
});

describe('regular meetings (定例会議)', () => {
  const meeting = (overrides: object = {}) => ({
    contractId: w.bicycleContractId,
    heldOn: '2026-11-10',
    attendees: ['交通対策課 担当者', '統括責任者'],
    minutes: '10月の業務実績とサービス水準を報告。水曜夜間の体制を協議。',
    ...overrides,
  });

  it('are recorded by either side and read by both', async () => {
    const byContractor = expectStatus(await call('contractor_staff', 'POST', RM, meeting()), 201);
    const byCity = expectStatus(
      await call('ward_officer', 'POST', RM, meeting({ heldOn: '2026-10-09' })),
      201,
    );
    expect(expectStatus(await call('ward_manager', 'GET', `${RM}/${byContractor.id}`), 200)).toMatchObject({
      heldOn: '2026-11-10',
      attendees: ['交通対策課 担当者', '統括責任者'],
    });
    const listed = expectStatus(await call('contractor_manager', 'GET', RM), 200).items;
    expect(listed.map((m: any) => m.id)).toEqual([byContractor.id, byCity.id]);
  });

  it('refuse a date in the future, before the contract, or no attendees', async () => {
    expect((await call('ward_officer', 'POST', RM, meeting({ heldOn: '2026-11-23' }))).status).toBe(422);
    expect((await call('ward_officer', 'POST', RM, meeting({ heldOn: '2026-03-31' }))).status).toBe(422);
    expect((await call('ward_officer', 'POST', RM, meeting({ attendees: [' '] }))).status).toBe(422);
    expect((await call('ward_officer', 'POST', RM, meeting({ attendees: [] }))).status).toBe(422);
  });

  it.each(['other_contractor_manager', 'subcontractor_manager', 'other_ward_officer', 'council_reviewer'])(
    'are hidden from %s, who cannot record one on the contract',
    async (who) => {
      const any = expectStatus(await call('ward_officer', 'GET', RM), 200).items[0];
      expect(expectStatus(await call(who, 'GET', RM), 200).items).toEqual([]);
      expect((await call(who, 'GET', `${RM}/${any.id}`)).status).toBe(404);
      expect([403, 404]).toContain((await call(who, 'POST', RM, meeting())).status);
    },
  );
});
