import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { command, detail, itemsOf, plan, putItem } from '../../../test/helpers/inspections.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';
import { addDays } from '../../domain/shared/japan-date.js';

// Issue 22: a company's standing (リスク区分) is computed from the municipality's records and
// explained factor by factor; it changes when a finding goes overdue; only the municipality's own
// staff read it, and only of companies it knows.

let t: TestApp;
let w: World;
const STANDING = '/api/v1/companies/standing';
const standingOf = (id: string) => `/api/v1/companies/${id}/standing`;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const factor = (s: { factors: Array<{ fact: string; points: number; value: unknown }> }, fact: string) =>
  s.factors.find((f) => f.fact === fact)!;

describe('a company’s standing from the records', () => {
  it('lists the companies the ward knows with a tier, score and rule version, worst first', async () => {
    const list = expectStatus(await t.call('GET', STANDING, { token: w.tokens.ward_officer }), 200);
    expect(list.rulesVersion).toBe('2026-12-08');
    const ids = list.items.map((s: { companyId: string }) => s.companyId);
    expect(ids).toEqual(expect.arrayContaining([w.companies.contractor, w.companies.subcontractor]));
    expect(ids).not.toContain(w.otherWardCompanyId);
    for (const s of list.items) {
      expect(['A', 'B', 'C']).toContain(s.tier);
      expect(s.score).toBe(s.factors.reduce((n: number, f: { points: number }) => n + f.points, 0));
    }
    const scores = list.items.map((s: { score: number }) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('counts the sub-contracting below the contractor and the sensitivity of its data', async () => {
    const s = expectStatus(
      await t.call('GET', standingOf(w.companies.contractor), { token: w.tokens.inspector }),
      200,
    );
    expect(s.facts.subcontractors).toBeGreaterThanOrEqual(0);
    expect(typeof s.facts.sensitiveData).toBe('boolean');
  });

  it('counts an expired certification as a gap, and a renewed one no longer', async () => {
    const gaps = async () =>
      factor(
        expectStatus(
          await t.call('GET', standingOf(w.companies.otherContractor), { token: w.tokens.ward_officer }),
          200,
        ),
        'certificationGaps',
      );
    const before = await gaps();
    const certs = `/api/v1/organisations/${w.companies.otherContractor}/certifications`;
    const expired = expectStatus(
      await t.call('POST', certs, {
        token: w.tokens.other_contractor_manager,
        json: {
          kind: 'isms',
          number: 'IS 700001',
          issuer: '認証機関',
          validFrom: addDays(w.today(), -1200),
          validUntil: addDays(w.today(), -1),
        },
      }),
      201,
    );
    expect(await gaps()).toMatchObject({ value: (before.value as number) + 1, points: 2 });
    expectStatus(
      await t.call('PATCH', `${certs}/${expired.id}`, {
        token: w.tokens.other_contractor_manager,
        json: { validUntil: addDays(w.today(), 700), version: expired.version },
      }),
      200,
    );
    expect(await gaps()).toMatchObject({ value: before.value });
  });

  it('sorts by name and filters by name in SQL', async () => {
    const asc = expectStatus(
      await t.call('GET', `${STANDING}?sort=name&dir=asc`, { token: w.tokens.ward_officer }),
      200,
    );
    const names = asc.items.map((s: { name: string }) => s.name);
    const desc = expectStatus(
      await t.call('GET', `${STANDING}?sort=name&dir=desc`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(desc.items.map((s: { name: string }) => s.name)).toEqual([...names].reverse());
    const one = asc.items[0];
    const filtered = expectStatus(
      await t.call('GET', `${STANDING}?q=${encodeURIComponent(one.name)}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(filtered.items.map((s: { companyId: string }) => s.companyId)).toContain(one.companyId);
    expect(filtered.items.length).toBeLessThanOrEqual(asc.items.length);
    // LIKE wildcards are text, not patterns
    const none = expectStatus(
      await t.call('GET', `${STANDING}?q=${encodeURIComponent('%')}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(none.items).toEqual([]);
  });

  it('answers 404 to other wards, to companies and for unknown ids; the list is empty for them', async () => {
    for (const who of [
      'other_ward_officer',
      'council_reviewer',
      'contractor_manager',
      'subcontractor_manager',
    ]) {
      const res = await t.call('GET', standingOf(w.companies.contractor), { token: w.tokens[who] });
      expect(res.status, who).toBe(404);
      const list = expectStatus(await t.call('GET', STANDING, { token: w.tokens[who] }), 200);
      const ids = list.items.map((s: { companyId: string }) => s.companyId);
      // another ward sees its own companies only; a company sees no standing at all
      if (who === 'other_ward_officer') expect(ids).toEqual([w.otherWardCompanyId]);
      else expect(ids, who).toEqual([]);
    }
    const unknown = await t.call('GET', standingOf('0b8f9f3e-7c1a-4d2e-9a55-3f0e6b2f8c11'), {
      token: w.tokens.ward_officer,
    });
    expect(unknown.status).toBe(404);
    expect((await t.call('GET', standingOf('not-a-uuid'), { token: w.tokens.ward_officer })).status).toBe(
      422,
    );
    expect((await t.call('GET', `${STANDING}?sort=drop`, { token: w.tokens.ward_officer })).status).toBe(422);
    expect((await t.call('GET', STANDING)).status).toBe(401);
  });
  it('goes up a tier when a finding passes its due day, and says why', async () => {
    const before = expectStatus(
      await t.call('GET', standingOf(w.companies.contractor), { token: w.tokens.ward_chief }),
      200,
    );
    expect(factor(before, 'overdueFindings')).toMatchObject({ value: 0, points: 0 });

    const planned = expectStatus(await plan(t, w, { contractId: w.bicycleContractId }), 201);
    expectStatus(await command(t, w, 'inspector', { id: planned.id, version: 1 }, 'start'), 200);
    const item = itemsOf(await detail(t, w, planned.id)).find((i) => i.key === 'm1-1-1')!;
    expectStatus(
      await putItem(t, w.tokens.inspector, planned.id, item, {
        result: 'ng',
        observation: '保管庫が施錠されていなかった',
        remoteMethod: 'video',
        improvementDueOn: '2026-12-20',
      }),
      200,
    );
    const open = expectStatus(
      await t.call('GET', standingOf(w.companies.contractor), { token: w.tokens.ward_chief }),
      200,
    );
    expect(factor(open, 'openFindings')).toMatchObject({ value: 1, points: 1 });
    expect(factor(open, 'overdueFindings')).toMatchObject({ value: 0, points: 0 });

    t.clock.advance(40 * 86_400_000); // past 2026-12-20 in Japan; the tokens expire with it
    for (const who of ['ward_chief', 'ward_officer']) w.tokens[who] = await signIn(t, USERS[who]!.email);
    const overdue = expectStatus(
      await t.call('GET', standingOf(w.companies.contractor), { token: w.tokens.ward_chief }),
      200,
    );
    expect(factor(overdue, 'overdueFindings')).toMatchObject({ value: 1, points: 3 });
    expect(overdue.score).toBe(open.score + 3);
    expect(overdue.factors[0].fact).toBe('overdueFindings'); // the biggest reason first
    expect(overdue.factors[0].why.ja).toContain('期限');
    expect(overdue.tier >= open.tier).toBe(true);

    // the list sorts by the same arithmetic (the SQL score is the rules' score)
    const list = expectStatus(
      await t.call('GET', `${STANDING}?sort=tier&dir=desc`, { token: w.tokens.ward_officer }),
      200,
    );
    const inList = list.items.find((s: { companyId: string }) => s.companyId === w.companies.contractor);
    expect(inList.score).toBe(overdue.score);
  });
});
