import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACTS, countRows, expectStatus, submitList } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, type World } from '../../../test/helpers/world.js';

// Seed 004's 業務従事者名簿: one 統括責任者 per contract, a 業務責任者 (and 副業務責任者) per task, the
// 業務従事者; pledges binding after the contract and after leaving, their wording recorded, their
// copy with the city before anyone starts — at the start and for every later hire — and, on a My
// Number contract, the staff allowed to handle 特定個人情報 named.

let t: TestApp;
let w: World;
const city: Record<string, string> = {};
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
const japanese = /[ぁ-んァ-ヶ一-龠]/;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  city.officer = await signIn(t, 'officer@city.nankoku.example.jp');
  city.council = await signIn(t, 'council@city.nankoku.example.jp');
  city.manager = await signIn(t, 'manager@nankoku-madoguchi.example.jp');
  city.staff = await signIn(t, 'staff@nankoku-madoguchi.example.jp');
});
afterAll(() => t.close());

const contractId = () => w.nankoku.myNumberContractId;
const today = () => w.today();

/** A new hire of 株式会社南国窓口サービス with a pledge; `complete` adds its copy, both bindings and its wording. */
async function hire(fullName: string, complete = true) {
  const person = expectStatus(
    await t.call('POST', '/api/v1/handlers', {
      token: city.manager,
      json: { fullName, jobTitle: '業務従事者' },
    }),
    201,
  );
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), '誓約書.pdf');
  form.append('purpose', 'pledge');
  form.append('wardId', w.nankoku.wardId);
  const copy = expectStatus(
    await t.call('POST', '/api/v1/attachments', { token: city.manager, body: form }),
    201,
  );
  const pledge = complete
    ? {
        signedOn: '2026-11-01',
        attachmentId: copy.id,
        wordingVersion: '令和8年3月版',
        bindsAfterContract: true,
        bindsAfterLeaving: true,
      }
    : { signedOn: '2026-11-01', bindsAfterContract: true };
  return expectStatus(
    await t.call('POST', `/api/v1/handlers/${person.id}/pledges`, { token: city.manager, json: pledge }),
    201,
  );
}

/** The roster in force, as entries to submit again. */
async function rosterInForce() {
  const lists = expectStatus(
    await t.call('GET', `${CONTRACTS}/${contractId()}/handler-lists`, { token: city.officer }),
    200,
  );
  return lists.current[0].entries.map(
    (e: {
      handlerId: string;
      role: string;
      effectiveFrom: string;
      task: string | null;
      handlesMyNumber: boolean;
    }) => ({
      handlerId: e.handlerId,
      role: e.role,
      effectiveFrom: e.effectiveFrom,
      task: e.task,
      handlesMyNumber: e.handlesMyNumber,
    }),
  );
}

describe('the 業務従事者名簿 of 南国市’s My Number counter (seed 004)', () => {
  it('holds the demo roster: one 統括責任者, leads per task, workers, pledges with their wording', async () => {
    const lists = expectStatus(
      await t.call('GET', `${CONTRACTS}/${contractId()}/handler-lists`, { token: city.officer }),
      200,
    );
    expect(lists.current).toHaveLength(1);
    const entries = lists.current[0].entries;
    expect(entries.filter((e: { role: string }) => e.role === 'general_manager')).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      role: 'general_manager',
      task: null,
      handler: { fullName: '十市 亮' },
    });
    const leads = entries
      .filter((e: { role: string }) => e.role === 'task_lead')
      .map((e: { task: string }) => e.task);
    expect(leads).toEqual(
      expect.arrayContaining([
        '個人番号カード関係業務',
        '個人番号カード申請支援',
        'マイナポータル利用登録支援',
      ]),
    );
    expect(entries.map((e: { role: string }) => e.role)).toEqual(
      expect.arrayContaining(['deputy_task_lead', 'worker']),
    );
    for (const e of entries)
      expect(e.handler.pledges.at(-1)).toMatchObject({
        attachmentId: expect.any(String),
        wordingVersion: expect.stringContaining('令和8年3月版'),
        bindsAfterContract: true,
        bindsAfterLeaving: true,
      });
    // the staff allowed to handle 特定個人情報 are named; not everyone is
    expect(entries.some((e: { handlesMyNumber: boolean }) => e.handlesMyNumber)).toBe(true);
    expect(entries.some((e: { handlesMyNumber: boolean }) => !e.handlesMyNumber)).toBe(true);
  });

  it('refuses a second 統括責任者, a lead without a task, a task without a lead, in both languages, writing nothing', async () => {
    const roster = await rosterInForce();
    const worker = roster.findIndex((e: { role: string }) => e.role === 'worker');
    const deputy = roster.findIndex((e: { role: string }) => e.role === 'deputy_task_lead');
    const lead = roster.findIndex((e: { role: string }) => e.role === 'task_lead');
    const cases: Array<[string, (r: typeof roster) => void, string, RegExp]> = [
      [
        'two 統括責任者',
        (r) => (r[worker].role = 'general_manager'),
        `entries.${worker}.role`,
        /統括責任者は契約ごとに1名/,
      ],
      ['a lead without a task', (r) => (r[lead].task = null), `entries.${lead}.task`, /担当する業務を入力/],
      [
        'a deputy’s task without a lead',
        (r) => (r[deputy].task = '存在しない業務'),
        `entries.${deputy}.task`,
        /業務責任者が配置されていません/,
      ],
      ['no 統括責任者', (r) => (r[0].role = 'worker'), 'entries', /統括責任者を1名指定/],
      [
        'nobody to handle 特定個人情報',
        (r) => {
          for (const e of r) e.handlesMyNumber = false;
        },
        'entries',
        /特定個人情報を取り扱う者を指定/,
      ],
    ];
    const before = await countRows(t, 'handler_list_submissions');
    for (const [name, change, path, ja] of cases) {
      const entries = structuredClone(roster);
      change(entries);
      const res = await submitList(t, city.manager, contractId(), entries);
      expect(res.status, name).toBe(422);
      const error = res.body.errors.find(
        (e: { path: string; message_ja: string }) => e.path === path && ja.test(e.message_ja),
      );
      expect(error, `${name}: ${JSON.stringify(res.body.errors)}`).toBeDefined();
      expect(error.message_ja, name).toMatch(ja);
      expect(error.message, name).toMatch(/[a-z]/);
      expect(res.body.detail_ja).toMatch(japanese);
    }
    expect(await countRows(t, 'handler_list_submissions')).toBe(before);
  });

  it('takes a later hire only with a complete pledge and from today on: the copy reaches the city first', async () => {
    const roster = await rosterInForce();
    const incomplete = await hire('介良 未完');
    const noCopy = await hire('大津 写無', false);
    const lateStart = await submitList(t, city.manager, contractId(), [
      ...roster,
      {
        handlerId: incomplete.id,
        role: 'worker',
        task: '個人番号カード関係業務',
        effectiveFrom: '2026-11-01',
      },
    ]);
    expect(lateStart.status).toBe(422);
    expect(lateStart.body.errors[0]).toMatchObject({ path: `entries.${roster.length}.effectiveFrom` });
    expect(lateStart.body.errors[0].message_ja).toContain('誓約書の写しは業務開始までに市へ提出');
    expect(lateStart.body.errors[0].message_ja).not.toContain('区');

    const gaps = await submitList(t, city.manager, contractId(), [
      ...roster,
      { handlerId: noCopy.id, role: 'worker', task: '個人番号カード関係業務', effectiveFrom: today() },
    ]);
    expect(gaps.status).toBe(422);
    expect(gaps.body.errors[0].message_ja).toMatch(/誓約書に不足があります（写し、退職後の効力、様式の版）/);
    expect(gaps.body.errors[0].message_ja).toContain('特記事項 第1項');

    const hired = expectStatus(
      await submitList(t, city.manager, contractId(), [
        ...roster,
        {
          handlerId: incomplete.id,
          role: 'worker',
          task: '個人番号カード関係業務',
          effectiveFrom: today(),
          handlesMyNumber: true,
        },
      ]),
      201,
    );
    expect(hired.entries.find((e: { handlerId: string }) => e.handlerId === incomplete.id)).toMatchObject({
      role: 'worker',
      task: '個人番号カード関係業務',
      handlesMyNumber: true,
    });
    const acknowledged = expectStatus(
      await t.call('POST', `${CONTRACTS}/${contractId()}/handler-lists/${hired.id}/acknowledge`, {
        token: city.officer,
        json: { version: hired.version },
      }),
      200,
    );
    expect(acknowledged.status).toBe('acknowledged');
  });

  it('refuses the My Number flag on a contract without 特定個人情報, and strangers', async () => {
    const person = expectStatus(
      await t.call('POST', '/api/v1/handlers', {
        token: w.tokens.contractor_manager,
        json: { fullName: '番号 無関係' },
      }),
      201,
    );
    expectStatus(
      await t.call('POST', `/api/v1/handlers/${person.id}/pledges`, {
        token: w.tokens.contractor_manager,
        json: { signedOn: '2026-03-01' },
      }),
      201,
    );
    const res = await submitList(t, w.tokens.contractor_manager, w.bicycleContractId, [
      { handlerId: person.id, role: 'responsible', effectiveFrom: '2026-04-01', handlesMyNumber: true },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({
        path: 'entries.0.handlesMyNumber',
        message_ja: expect.stringContaining('個人番号'),
      }),
    );
    const roster = await rosterInForce();
    expect((await submitList(t, city.staff, contractId(), roster)).status).toBe(403);
    expect((await submitList(t, w.tokens.contractor_manager, contractId(), roster)).status).toBe(404);
    expect((await submitList(t, w.tokens.ward_officer, contractId(), roster)).status).toBe(404);
    const unknownRole = await submitList(t, city.manager, contractId(), [{ ...roster[0], role: 'boss' }]);
    expect(unknownRole.status).toBe(422);
  });
});
