import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTRACTS,
  countRows,
  createContract,
  createHandler,
  expectStatus,
  submitList,
} from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

let t: TestApp;
let w: World;
let contract: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  contract = await createContract(t, w);
});
afterAll(() => t.close());

const japanese = /[ぁ-んァ-ヶ一-龠]/;
const manager = () => w.tokens.contractor_manager!;

describe('submitting a list (名簿の提出) and the ward’s decision', () => {
  let responsible: { id: string };
  let handler: { id: string };
  let submission: { id: string; version: number };

  beforeAll(async () => {
    responsible = await createHandler(t, manager(), '田中 美咲', '2026-03-01');
    handler = await createHandler(t, manager(), '伊藤 健', '2026-03-31');
  });

  const entries = (over: object[] = []) => [
    { handlerId: responsible.id, role: 'responsible', effectiveFrom: '2026-04-01' },
    { handlerId: handler.id, role: 'handler', effectiveFrom: '2026-04-01', effectiveTo: '2027-03-31' },
    ...over,
  ];

  it('refuses a list that is not valid, naming the person, and stores nothing', async () => {
    const unpledged = await createHandler(t, manager(), '渡辺 未提出');
    const late = await createHandler(t, manager(), '中村 遅延', '2026-04-02');
    const theirs = await createHandler(t, w.tokens.other_contractor_manager!, '小林 他社', '2026-03-01');
    const cases: Array<[string, object[], string, string, number]> = [
      [
        'contractor_manager',
        entries([{ handlerId: unpledged.id, role: 'handler', effectiveFrom: '2026-04-01' }]),
        'entries.2.handlerId',
        '渡辺 未提出',
        422,
      ],
      [
        'contractor_manager',
        entries([{ handlerId: late.id, role: 'handler', effectiveFrom: '2026-04-01' }]),
        'entries.2.handlerId',
        '中村 遅延',
        422,
      ],
      ['contractor_manager', entries().slice(1), 'entries', '取扱責任者', 422],
      [
        'contractor_manager',
        entries([{ handlerId: theirs.id, role: 'handler', effectiveFrom: '2026-04-01' }]),
        'entries.2.handlerId',
        '自社',
        422,
      ],
      [
        'contractor_manager',
        entries([{ handlerId: handler.id, role: 'handler', effectiveFrom: '2026-05-01' }]),
        'entries.2.handlerId',
        '伊藤 健',
        422,
      ],
      ['contractor_manager', [], 'json.entries', '', 422],
      ['other_contractor_manager', entries(), '', '', 404],
      ['contractor_staff', entries(), '', '', 403],
      ['subcontractor_manager', entries(), '', '', 404],
      ['ward_officer', entries(), '', '', 403],
    ];
    const before = await countRows(t, 'handler_list_submissions');
    for (const [who, list, path, name, status] of cases) {
      const res = await submitList(t, w.tokens[who]!, contract.id, list);
      expect(res.status, `${who} ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.detail_ja).toMatch(japanese);
      if (path) {
        const error = res.body.errors.find((e: { path: string }) => e.path === path);
        expect(error, JSON.stringify(res.body.errors)).toBeDefined();
        expect(error.message_ja).toContain(name);
      }
    }
    expect(await countRows(t, 'handler_list_submissions')).toBe(before);
  });

  it('accepts a valid list, responsible person first', async () => {
    const res = await submitList(t, manager(), contract.id, entries());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      contractId: contract.id,
      organisationId: w.companies.contractor,
      status: 'submitted',
      submittedBy: w.userIds.contractor_manager,
      decidedBy: null,
      version: 1,
    });
    expect(
      res.body.entries.map((e: { role: string; handler: { fullName: string } }) => [
        e.role,
        e.handler.fullName,
      ]),
    ).toEqual([
      ['responsible', '田中 美咲'],
      ['handler', '伊藤 健'],
    ]);
    submission = res.body;
  });

  it('is acknowledged by the ward officer once; a second decision is refused (409)', async () => {
    const path = `${CONTRACTS}/${contract.id}/handler-lists/${submission.id}`;
    for (const [who, status] of [
      ['contractor_manager', 403],
      ['ward_chief', 403],
      ['other_ward_officer', 404],
    ] as const) {
      const res = await t.call('POST', `${path}/acknowledge`, { token: w.tokens[who], json: { version: 1 } });
      expect(res.status, who).toBe(status);
    }
    const stale = await t.call('POST', `${path}/acknowledge`, {
      token: w.tokens.ward_officer,
      json: { version: 5 },
    });
    expect(stale.status).toBe(409);
    expect((await t.call('GET', path, { token: w.tokens.ward_officer })).body.status).toBe('submitted');

    const ack = await t.call('POST', `${path}/acknowledge`, {
      token: w.tokens.ward_officer,
      json: { version: 1 },
    });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', decidedBy: w.userIds.ward_officer, version: 2 });
    expect(ack.body.decidedAt).toBe(t.clock.now().toISOString());

    for (const decision of ['acknowledge', 'return']) {
      const again = await t.call('POST', `${path}/${decision}`, {
        token: w.tokens.ward_officer,
        json: { version: 2 },
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ state: 'acknowledged' });
      expect(again.body.detail_ja).toMatch(japanese);
    }
    expect((await t.call('GET', path, { token: manager() })).body).toEqual(ack.body);
  });

  it('returns another submission with a comment', async () => {
    t.clock.advance(1000);
    const second = expectStatus(await submitList(t, manager(), contract.id, entries().slice(0, 1)), 201);
    const path = `${CONTRACTS}/${contract.id}/handler-lists/${second.id}`;
    const res = await t.call('POST', `${path}/return`, {
      token: w.tokens.ward_officer,
      json: { version: 1, comment: '伊藤さんが名簿から漏れています' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'returned',
      comment: '伊藤さんが名簿から漏れています',
      version: 2,
    });

    const lists = (await t.call('GET', `${CONTRACTS}/${contract.id}/handler-lists`, { token: manager() }))
      .body;
    expect(lists.current.map((s: { id: string }) => s.id)).toEqual([submission.id]);
    expect(lists.history.map((h: { id: string; status: string }) => [h.id, h.status])).toEqual([
      [second.id, 'returned'],
      [submission.id, 'acknowledged'],
    ]);
  });
});
