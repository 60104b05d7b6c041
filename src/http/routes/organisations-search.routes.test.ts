import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAbilityFor } from '../../../policies/app-ability.js';
import { pageClient, textOf } from '../../../test/helpers/browser.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { approvedSubcontract } from '../../../test/helpers/inspections.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../test/helpers/world.js';
import { actorQuery, toActor } from '../../domain/auth/load-actor.js';
import { organisationNames } from '../../domain/worklists/names.js';

// Choosing a company by name or 法人番号 among those the user may see, and names instead of ids for
// the companies a user sees by its role in a chain.

describe('companies by name or 法人番号', () => {
  let t: TestApp;
  let w: World;
  let subContractId: string;
  const search = async (who: string, q: string) =>
    (
      expectStatus(
        await t.call('GET', `/api/v1/organisations?kind=company&q=${encodeURIComponent(q)}`, {
          token: w.tokens[who],
        }),
        200,
      ).items as Array<{ id: string; name: string }>
    ).map((o) => o.name);
  const namesFor = async (who: string, ids: string[]) => {
    const actor = toActor(
      await actorQuery(t.handle.db).where('users.email', '=', USERS[who]!.email).executeTakeFirstOrThrow(),
    );
    const ctx = {
      db: t.handle.db,
      actor,
      ability: defineAbilityFor(actor),
      requestId: 't',
      now: t.clock.now,
    };
    return organisationNames(ctx, ids);
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    ({ contractId: subContractId } = await approvedSubcontract(t, w));
  });
  afterAll(() => t.close());

  it('finds a company the contractor works with by part of its name or the start of its 法人番号', async () => {
    expect(await search('contractor_manager', 'コールセンター')).toEqual([
      '株式会社コールセンター・ジャパン',
    ]);
    expect(await search('contractor_manager', '１０１１１０１０００００３')).toEqual([
      '株式会社コールセンター・ジャパン',
    ]);
    expect(await search('contractor_manager', '1011101')).toContain('株式会社コールセンター・ジャパン');
    // LIKE's characters are searched for as themselves
    expect(await search('contractor_manager', '%')).toEqual([]);
    expect(await search('contractor_manager', '_')).toEqual([]);
  });

  it('never finds a company the user may not see', async () => {
    expect(await search('other_contractor_manager', 'コールセンター')).toEqual([]);
    expect(await search('other_contractor_manager', '1011101000003')).toEqual([]);
    expect(await search('other_ward_officer', 'コールセンター')).toEqual([]);
    expect(await search('ward_officer', 'コールセンター')).toEqual(['株式会社コールセンター・ジャパン']);
  });

  it('offers the search on the application page and picks the one company found', async () => {
    const page = await pageClient(t, USERS.contractor_manager!.email);
    const found = await page.get(
      `/contracts/${w.bicycleContractId}/subcontract/new?q=${encodeURIComponent('コールセンター')}`,
    );
    expect(found.status).toBe(200);
    expect(textOf(found.html)).toContain('「コールセンター」に一致する会社: 1件');
    expect(found.html).toMatch(
      new RegExp(`<option value="${w.companies.subcontractor}" selected="">株式会社コールセンター・ジャパン`),
    );
    const none = await page.get(
      `/contracts/${w.bicycleContractId}/subcontract/new?q=${encodeURIComponent('該当なし商事')}`,
    );
    expect(textOf(none.html)).toContain('「該当なし商事」に一致する取引先はありません');
  });

  it('names the companies of a chain to each other once the sub-contract is approved', async () => {
    const ids = [w.companies.contractor, w.companies.subcontractor];
    expect([...(await namesFor('contractor_manager', ids)).values()].sort()).toEqual(
      ['株式会社コールセンター・ジャパン', '株式会社サイクルサポート東京'].sort(),
    );
    expect([...(await namesFor('subcontractor_manager', ids)).values()].sort()).toEqual(
      ['株式会社コールセンター・ジャパン', '株式会社サイクルサポート東京'].sort(),
    );
    const detail = await (await pageClient(t, USERS.subcontractor_manager!.email)).get(
      `/contracts/${subContractId}`,
    );
    expect(detail.status).toBe(200);
    expect(textOf(detail.html)).not.toContain('表示できません');
  });
});
