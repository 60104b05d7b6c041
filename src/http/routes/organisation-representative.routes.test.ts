import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// 代表者: a company keeps its representative as its documents print it (the erasure certificate,
// the sub-contracting application and notice); a PATCH like any other detail, version-checked.

let t: TestApp;
let w: World;
const ORGS = '/api/v1/organisations';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('a company’s representative (代表者)', () => {
  it('is read with the company, changed by its manager, and refused when too long', async () => {
    const token = w.tokens.contractor_manager;
    const before = expectStatus(await t.call('GET', `${ORGS}/${w.companies.contractor}`, { token }), 200);
    expect(before.representative).toBe('代表取締役　佐藤 健一');
    const changed = expectStatus(
      await t.call('PATCH', `${ORGS}/${w.companies.contractor}`, {
        token,
        json: { representative: '代表取締役社長　田中 一郎', version: before.version },
      }),
      200,
    );
    expect(changed.representative).toBe('代表取締役社長　田中 一郎');
    const tooLong = await t.call('PATCH', `${ORGS}/${w.companies.contractor}`, {
      token,
      json: { representative: 'あ'.repeat(101), version: changed.version },
    });
    expect(tooLong.status).toBe(422);
    // another company may not change it, nor learn that it exists
    const other = await t.call('PATCH', `${ORGS}/${w.companies.contractor}`, {
      token: w.tokens.other_contractor_manager,
      json: { representative: '代表取締役　偽物', version: changed.version },
    });
    expect(other.status).toBe(404);
  });
});
