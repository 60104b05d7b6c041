import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTRACTS,
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
let people: Record<'responsible' | 'leaver' | 'lastDay' | 'temp' | 'newHire' | 'unlisted', { id: string }>;
let first: { id: string };
let second: { id: string };
let betweenLists: string;

const lists = (query = '', who = 'ward_officer') =>
  t.call('GET', `${CONTRACTS}/${contract.id}/handler-lists${query}`, { token: w.tokens[who] });

/** The names in force, responsible person first. */
const namesIn = (body: { current: { entries: { handler: { fullName: string } }[] }[] }) =>
  body.current.flatMap((s) => s.entries.map((e) => e.handler.fullName));

async function submitAndAcknowledge(entries: object[]) {
  const submitted = expectStatus(
    await submitList(t, w.tokens.contractor_manager!, contract.id, entries),
    201,
  );
  const path = `${CONTRACTS}/${contract.id}/handler-lists/${submitted.id}/acknowledge`;
  return expectStatus(
    await t.call('POST', path, { token: w.tokens.ward_officer, json: { version: 1 } }),
    200,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t); // the clock stands at 2026-11-22 10:00 in Japan
  contract = await createContract(t, w);
  const token = w.tokens.contractor_manager!;
  people = {
    responsible: await createHandler(t, token, '木村 責任者', '2026-03-01'),
    leaver: await createHandler(t, token, '林 退職済', '2026-03-01'),
    lastDay: await createHandler(t, token, '森 本日まで', '2026-03-01'),
    temp: await createHandler(t, token, '池田 年内', '2026-03-01'),
    newHire: await createHandler(t, token, '石井 新規', '2026-11-20'),
    unlisted: await createHandler(t, token, '前田 未掲載', '2026-03-01'),
  };
  first = await submitAndAcknowledge([
    { handlerId: people.responsible.id, role: 'responsible', effectiveFrom: '2026-04-01' },
    { handlerId: people.leaver.id, role: 'handler', effectiveFrom: '2026-04-01', effectiveTo: '2026-11-21' },
    { handlerId: people.lastDay.id, role: 'handler', effectiveFrom: '2026-04-01', effectiveTo: '2026-11-22' },
    { handlerId: people.temp.id, role: 'handler', effectiveFrom: '2026-04-01', effectiveTo: '2026-12-31' },
  ]);
  betweenLists = new Date(t.clock.now().getTime() + 60_000).toISOString();
  t.clock.advance(2 * 60_000);
  second = await submitAndAcknowledge([
    { handlerId: people.responsible.id, role: 'responsible', effectiveFrom: '2026-04-01' },
    { handlerId: people.newHire.id, role: 'handler', effectiveFrom: '2026-11-21' },
  ]);
});
afterAll(() => t.close());

describe('the list in force (現在の名簿) and its history', () => {
  it('shows the latest acknowledged list as current, and every submission as history', async () => {
    const res = await lists();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.current.map((s: { id: string }) => s.id)).toEqual([second.id]);
    expect(namesIn(res.body)).toEqual(['木村 責任者', '石井 新規']);
    expect(res.body.history.map((h: { id: string; status: string }) => [h.id, h.status])).toEqual([
      [second.id, 'acknowledged'],
      [first.id, 'acknowledged'],
    ]);
  });

  it('shows the first list as of an instant before the second was acknowledged', async () => {
    const res = await lists(`?asOf=${encodeURIComponent(betweenLists)}`);
    expect(res.body.asOf).toBe(betweenLists);
    expect(res.body.current.map((s: { id: string }) => s.id)).toEqual([first.id]);
    // 林 left on 2026-11-21, the day before; 森's last day is this very day
    expect(namesIn(res.body)).toEqual(['木村 責任者', '森 本日まで', '池田 年内']);
  });

  it('leaves out entries that ended before the day asked for, and has no list before the first', async () => {
    const submittedAt = new Date(Date.parse(betweenLists) - 60_000);
    const beforeAny = new Date(submittedAt.getTime() - 1).toISOString();
    expect((await lists(`?asOf=${encodeURIComponent(beforeAny)}`)).body.current).toEqual([]);
    expect((await lists('?asOf=2026-11-01')).body.current).toEqual([]);
    // a day in the future: the second list, with 石井 effective since 2026-11-21
    expect(namesIn((await lists('?asOf=2027-01-01')).body)).toEqual(['木村 責任者', '石井 新規']);
    expect((await lists('?asOf=not-a-date')).status).toBe(422);
  });
});

describe('who sees the lists and the people on them', () => {
  it.each([
    ['contractor_manager', 200],
    ['contractor_staff', 200],
    ['ward_officer', 200],
    ['inspector', 200],
    ['other_contractor_manager', 404],
    ['subcontractor_manager', 404],
    ['other_ward_officer', 404],
  ])('%s reading the contract’s lists → %i', async (who, status) => {
    const res = await lists('', who);
    expect(res.status).toBe(status);
    if (status === 200) expect(namesIn(res.body)).toContain('石井 新規');
    const one = await t.call('GET', `${CONTRACTS}/${contract.id}/handler-lists/${first.id}`, {
      token: w.tokens[who],
    });
    expect(one.status).toBe(status);
  });

  it('shows a council reviewer the contract but none of the names on its lists', async () => {
    const res = await lists('', 'council_reviewer');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ current: [], history: [] });
    const one = await t.call('GET', `${CONTRACTS}/${contract.id}/handler-lists/${first.id}`, {
      token: w.tokens.council_reviewer,
    });
    expect(one.status).toBe(404);
  });

  it.each([
    ['ward_officer', 'leaver', 200],
    ['inspector', 'newHire', 200],
    ['ward_officer', 'unlisted', 404],
    ['other_ward_officer', 'responsible', 404],
    ['other_contractor_manager', 'responsible', 404],
    ['council_reviewer', 'responsible', 404],
    ['contractor_staff', 'unlisted', 200],
  ] as const)('%s reading handler %s → %i', async (who, person, status) => {
    const res = await t.call('GET', `/api/v1/handlers/${people[person].id}`, { token: w.tokens[who] });
    expect(res.status).toBe(status);
    if (status === 200) expect(res.body.id).toBe(people[person].id);
  });

  it('lists to ward staff only the people named on their ward’s lists', async () => {
    const names = async (who: string) =>
      (await t.call('GET', '/api/v1/handlers?limit=200', { token: w.tokens[who] })).body.items.map(
        (h: { fullName: string }) => h.fullName,
      );
    const ward = await names('ward_officer');
    expect(ward).toEqual(expect.arrayContaining(['木村 責任者', '林 退職済', '石井 新規']));
    expect(ward).not.toContain('前田 未掲載');
    expect(await names('other_ward_officer')).toEqual([]);
    expect(await names('other_contractor_manager')).toEqual([]);
    expect(await names('contractor_staff')).toContain('前田 未掲載');
  });
});
