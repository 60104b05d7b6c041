import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';

// A company is linked to exactly the wards it is registered for: the administrator who registers
// a company for one ward does not, by belonging somewhere, make it known to another. Ward staff
// register companies for their own ward only.

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('links between wards and companies', () => {
  it('the demo system administrator belongs to no ward', async () => {
    const me = await t.call('GET', '/api/v1/auth/session', { token: w.tokens.system_admin });
    expect(me.status).toBe(200);
    expect(me.body.wardId).toBeNull();
    expect(me.body.organisationKind).toBe('operator');
  });

  it('a company the administrator registers for another ward is linked to that ward only', async () => {
    const created = await t.call('POST', '/api/v1/organisations', {
      token: w.tokens.system_admin,
      json: { kind: 'company', name: '株式会社練馬データ', wardIds: [w.otherWardId] },
    });
    expect(created.status).toBe(201);
    const links = await t.handle.db
      .selectFrom('ward_companies')
      .select('ward_id')
      .where('company_id', '=', created.body.id)
      .execute();
    expect(links.map((l) => l.ward_id)).toEqual([w.otherWardId]);
    // 新宿区 does not see it; 練馬区 does
    const shinjuku = await t.call('GET', `/api/v1/organisations/${created.body.id}`, {
      token: w.tokens.ward_officer,
    });
    expect(shinjuku.status).toBe(404);
    const nerima = await t.call('GET', `/api/v1/organisations/${created.body.id}`, {
      token: w.tokens.other_ward_officer,
    });
    expect(nerima.status).toBe(200);
  });

  it('a ward officer registers companies for their own ward, never for another', async () => {
    const own = await t.call('POST', '/api/v1/organisations', {
      token: w.tokens.ward_officer,
      json: { kind: 'company', name: '株式会社しんじゅく印刷' },
    });
    expect(own.status).toBe(201);
    const links = await t.handle.db
      .selectFrom('ward_companies')
      .select('ward_id')
      .where('company_id', '=', own.body.id)
      .execute();
    expect(links.map((l) => l.ward_id)).toEqual([w.wardId]);

    for (const wardIds of [[w.otherWardId], [w.wardId, w.otherWardId]]) {
      const foreign = await t.call('POST', '/api/v1/organisations', {
        token: w.tokens.ward_officer,
        json: { kind: 'company', name: '株式会社よその区', wardIds },
      });
      expect(foreign.status, JSON.stringify(wardIds)).toBe(403);
    }
  });
});
