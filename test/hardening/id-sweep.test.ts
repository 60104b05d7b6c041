import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreApplication, signOff, step } from '../helpers/approvals.js';
import { expectStatus } from '../helpers/contracts.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';

// Cross-ward and cross-organisation id sweeps: every record id of 新宿区's world, asked for on
// every GET route that takes one id, by another ward's officer and another ward's company.
// The answer is always 404 (never 403, which would tell that the record exists).

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  let a = expectStatus(
    await t.call('POST', `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`, {
      token: w.tokens.contractor_manager,
      json: callCentreApplication(w),
    }),
    201,
  );
  a = expectStatus(await step(t, w, 'contractor_manager', a, 'submit'), 200);
  await signOff(t, w, a);
  await t.call('POST', '/api/v1/incidents', {
    token: w.tokens.contractor_manager,
    json: {
      contractId: w.bicycleContractId,
      information: '氏名',
      location: '事務所',
      circumstances: '誤送付',
      discoveredAt: '2026-11-01T00:00:00Z',
    },
  });
});
afterAll(() => t.close());

async function shinjukuIds(): Promise<string[]> {
  const db = t.handle.db;
  const ids = new Set<string>();
  const add = (rows: Array<{ id: string }>) => {
    for (const r of rows) ids.add(r.id);
  };
  add(await db.selectFrom('contracts').select('id').where('ward_id', '=', w.wardId).execute());
  add(await db.selectFrom('approvals').select('id').where('ward_id', '=', w.wardId).execute());
  add(await db.selectFrom('council_report_items').select('id').where('ward_id', '=', w.wardId).execute());
  add(await db.selectFrom('incidents').select('id').where('ward_id', '=', w.wardId).execute());
  add(
    await db
      .selectFrom('handler_list_entries')
      .select('handler_id as id')
      .where('ward_id', '=', w.wardId)
      .execute(),
  );
  add(await db.selectFrom('users').select('id').where('ward_id', '=', w.wardId).execute());
  add(Object.values(w.companies).map((id) => ({ id })));
  ids.add(w.wardId);
  return [...ids];
}

describe('id sweeps across wards and organisations', () => {
  it('answers 404 for every record of another ward, on every route that takes an id', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      .filter(
        ([path, ops]) => 'get' in ops && (path.match(/\{/g) ?? []).length === 1 && path.endsWith('{id}'),
      )
      .map(([path]) => path);
    expect(routes.length).toBeGreaterThan(8);
    const ids = await shinjukuIds();
    expect(ids.length).toBeGreaterThan(15);
    const leaks: string[] = [];
    for (const who of ['other_ward_officer', 'other_ward_manager', 'other_ward_company_manager']) {
      for (const route of routes) {
        for (const id of ids) {
          const res = await t.call('GET', route.replace('{id}', id), { token: w.tokens[who] });
          if (res.status !== 404) leaks.push(`${who} GET ${route.replace('{id}', id)} → ${res.status}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  }, 120_000);
});
