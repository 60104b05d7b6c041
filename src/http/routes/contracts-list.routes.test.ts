import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContract, CONTRACTS, createContract, createHandler } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';
import { contractWorkflow } from '../../domain/contracts/contract.workflow.js';
import { machineColumns } from '../../domain/shared/stored-snapshot.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('listing contracts', () => {
  let ids: { bicycle: string; counter: string; active: string; other: string };

  beforeAll(async () => {
    const responsible = await createHandler(t, w.tokens.contractor_manager, '一覧 太郎', '2026-03-01');
    ids = {
      bicycle: (
        await createContract(t, w, {
          title: '駐輪場管理業務委託 一覧テスト',
          contractNumber: '31契約第134号',
        })
      ).id,
      counter: (
        await createContract(t, w, {
          title: '区民相談窓口業務委託 一覧テスト',
          departmentId: w.departments.区民相談課,
        })
      ).id,
      active: (await activeContract(t, w, responsible.id, { title: '自転車返還業務委託 一覧テスト' })).id,
      other: (
        await createContract(t, w, {
          title: '窓口案内業務委託 一覧テスト',
          contractorOrgId: w.companies.otherContractor,
        })
      ).id,
    };
  });

  const TAG = `q=${encodeURIComponent('一覧テスト')}`;
  const list = async (who: string, query = TAG) => {
    const res = await t.call('GET', `${CONTRACTS}?limit=200&${query}`, { token: w.tokens[who] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items.map((c: { id: string }) => c.id);
  };

  it('filters by words, status and department, newest first', async () => {
    expect(await list('ward_officer')).toEqual([ids.other, ids.active, ids.counter, ids.bicycle]);
    expect(await list('ward_officer', `${TAG}&status=active`)).toEqual([ids.active]);
    expect(await list('ward_officer', `${TAG}&status=closed`)).toEqual([]);
    expect(await list('ward_officer', `${TAG}&departmentId=${w.departments.区民相談課}`)).toEqual([
      ids.counter,
    ]);
    expect(await list('ward_officer', `q=${encodeURIComponent('駐輪場管理')}`)).toEqual([ids.bicycle]);
    expect(await list('ward_officer', `q=${encodeURIComponent('31契約第134号')}`)).toEqual([ids.bicycle]);
    // LIKE wildcards are searched for literally
    expect(await list('ward_officer', 'q=%25')).toEqual([]);
    expect(await list('ward_officer', 'q=_')).toEqual([]);
  });

  it('answers compact items by default and whole ones with view=full, with the same allowedActions', async () => {
    const get = async (query: string) => {
      const res = await t.call('GET', `${CONTRACTS}?limit=200&${TAG}${query}`, {
        token: w.tokens.ward_officer,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items as Array<Record<string, unknown>>;
    };
    const compact = await get('');
    const full = await get('&view=full');
    expect(compact.map((c) => c.id)).toEqual(full.map((c) => c.id));
    for (const [i, item] of compact.entries()) {
      // the long texts stay on the detail route
      expect(item).not.toHaveProperty('workDescription');
      expect(item).not.toHaveProperty('wardMeasures');
      expect(full[i]).toHaveProperty('wardMeasures');
      expect(item).toMatchObject({
        title: full[i]!.title,
        status: full[i]!.status,
        version: full[i]!.version,
        allowedActions: full[i]!.allowedActions,
      });
    }
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(full).length);
    const bad = await t.call('GET', `${CONTRACTS}?view=everything`, { token: w.tokens.ward_officer });
    expect(bad.status).toBe(422);
  });

  it('shows each party only its own contracts', async () => {
    expect(await list('contractor_manager')).toEqual([ids.active, ids.counter, ids.bicycle]);
    expect(await list('other_contractor_manager')).toEqual([ids.other]);
    expect(await list('other_ward_officer')).toEqual([]);
    expect(await list('council_reviewer')).toHaveLength(4);
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.call(
        'GET',
        `${CONTRACTS}?limit=1&q=${encodeURIComponent('一覧テスト')}${cursor ? `&cursor=${cursor}` : ''}`,
        { token: w.tokens.ward_officer },
      );
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...res.body.items.map((c) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.other, ids.active, ids.counter, ids.bicycle]);
  });
});

const NO_MEASURES = JSON.stringify({ operational: [], system: [] });

describe('the cursor', () => {
  const page = (query: string) => t.call('GET', `${CONTRACTS}?${query}`, { token: w.tokens.system_admin });

  it('pages through contracts created within one millisecond without skipping any', async () => {
    // PostgreSQL keeps microseconds; rows of one transaction even share one timestamp.
    const parent = await createContract(t, w);
    const title = '同一ミリ秒の再委託';
    const row = (createdAt: string) => ({
      ward_id: w.wardId,
      department_id: parent.departmentId,
      parent_contract_id: parent.id,
      depth: 2,
      contractor_org_id: w.companies.subcontractor,
      chain_org_ids: [w.companies.contractor],
      title,
      period_from: '2026-04-01',
      period_to: '2027-03-31',
      handles_personal_info: true,
      ward_measures: NO_MEASURES,
      contractor_measures: NO_MEASURES,
      created_at: new Date(createdAt),
      ...machineColumns(contractWorkflow),
    });
    const inserted = await t.handle.db
      .insertInto('contracts')
      .values([
        row('2026-11-22T00:00:00.123Z'),
        row('2026-11-22T00:00:00.123Z'),
        row('2026-11-22T00:00:00.122Z'),
      ])
      .returning('id')
      .execute();
    await t.handle.db
      .updateTable('contracts')
      .set({ created_at: sql`created_at + interval '456 microseconds'` })
      .where('id', 'in', [inserted[0]!.id, inserted[1]!.id])
      .execute();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } =
        await page(`limit=1&parentContractId=${parent.id}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((c) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect(new Set(seen)).toEqual(new Set(inserted.map((r) => r.id)));
    expect(seen[2]).toBe(inserted[2]!.id);
  });

  it('answers a forged cursor with 422, not a database error', async () => {
    for (const values of [
      ['yesterday', 'x'],
      ['2026-02-31T00:00:00.000000Z', crypto.randomUUID()],
      ['2026-11-22T00:00:00.000000Z', 'not-a-uuid'],
      [42, crypto.randomUUID()],
    ]) {
      const forged = btoa(JSON.stringify(values)).replace(/=+$/, '');
      const res = await page(`cursor=${forged}`);
      expect(res.status, JSON.stringify(values)).toBe(422);
      expect(res.body.errors[0].path).toBe('cursor');
    }
  });
});
