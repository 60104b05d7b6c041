import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// A ward's own policy (the depth of sub-contracting it allows, its sign-off chain, whether its
// staff need a second factor) belongs to the ward's manager (課長), audited; the ward's name and
// details stay with the system administrator.

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const ward = () => `/api/v1/organisations/${w.wardId}`;
const current = async () => (await t.call('GET', ward(), { token: w.tokens.ward_manager })).body;

describe("a ward's settings", () => {
  it("are changed by the ward's manager, with an audit entry in the ward's trail", async () => {
    const before = await current();
    const settings = {
      maxSubcontractDepth: 2,
      signOffChain: ['ward_officer', 'ward_manager'],
      requireSecondFactor: true,
      // 特記事項 of new contracts: seed 001 別紙7 instead of the demo's seed 003 乙
      provisionsTemplate: 'toshima-annex7',
    };
    const res = await t.call('PATCH', ward(), {
      token: w.tokens.ward_manager,
      json: { settings, version: before.version },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.settings).toEqual(settings);
    expect(res.body.version).toBe(before.version + 1);

    const trail = await t.call('GET', '/api/v1/audit-entries?limit=200', { token: w.tokens.ward_manager });
    const entry = trail.body.items.find((e: { action: string }) => e.action === 'ward.settings_update');
    expect(entry).toMatchObject({ subjectId: w.wardId, actorUserId: w.userIds.ward_manager });
    expect(entry.after.settings).toEqual(settings);
  });

  it('take effect: the next sub-contracting application gets the new sign-off chain', async () => {
    const approvals = await import('../../../test/helpers/approvals.js');
    const applied = await t.call(
      'POST',
      `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`,
      {
        token: w.tokens.contractor_manager,
        json: approvals.callCentreApplication(w),
      },
    );
    expect(applied.status).toBe(201);
    expect(applied.body.chain).toEqual(['ward_officer', 'ward_manager']);
  });

  it("may not be changed by other ward staff, another ward's manager, or with the ward's details", async () => {
    const { version } = await current();
    const settings = { maxSubcontractDepth: 0 };
    for (const who of ['ward_officer', 'ward_chief', 'inspector']) {
      const res = await t.call('PATCH', ward(), { token: w.tokens[who], json: { settings, version } });
      expect(res.status, who).toBe(403);
    }
    const council = await t.call('PATCH', ward(), {
      token: w.tokens.council_reviewer,
      json: { settings, version },
    });
    expect(council.status).toBe(403);
    const foreign = await t.call('PATCH', ward(), {
      token: w.tokens.other_ward_manager,
      json: { settings, version },
    });
    expect(foreign.status).toBe(404);
    const renamed = await t.call('PATCH', ward(), {
      token: w.tokens.ward_manager,
      json: { name: '新宿区役所', settings, version },
    });
    expect(renamed.status).toBe(403);
    expect((await current()).version).toBe(version);
  });

  it('keep the settings a change does not name', async () => {
    const { version } = await current();
    const res = await t.call('PATCH', ward(), {
      token: w.tokens.ward_manager,
      json: { settings: { maxSubcontractDepth: 1 }, version },
    });
    expect(res.status).toBe(200);
    expect(res.body.settings).toEqual({
      maxSubcontractDepth: 1,
      signOffChain: ['ward_officer', 'ward_manager'],
      requireSecondFactor: true,
      provisionsTemplate: 'toshima-annex7',
    });
    const unknown = await t.call('PATCH', ward(), {
      token: w.tokens.ward_manager,
      json: { settings: { provisionsTemplate: 'no-such-template' }, version: res.body.version },
    });
    expect(unknown.status).toBe(422);
  });

  it('are refused on a stale version', async () => {
    const { version } = await current();
    const res = await t.call('PATCH', ward(), {
      token: w.tokens.ward_manager,
      json: { settings: { maxSubcontractDepth: 1 }, version: version - 1 },
    });
    expect(res.status).toBe(409);
  });
});
