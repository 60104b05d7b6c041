import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { APPROVALS } from '../../../test/helpers/approvals.js';
import { createContract, expectStatus } from '../../../test/helpers/contracts.js';
import { expectListViews } from '../../../test/helpers/list-views.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// Paging through approvals: created_at is the database's clock, in microseconds, and applications
// made in one moment (or one transaction) share the millisecond. A cursor must lose none of them.

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

it('pages through approvals made within one millisecond without skipping or repeating any', async () => {
  for (let i = 0; i < 4; i++) {
    const contract = await createContract(t, w, { title: `同時申請 ${i}`, contractNumber: `SAME-MS-${i}` });
    expectStatus(
      await t.call('POST', `/api/v1/contracts/${contract.id}/delegation-approval`, {
        token: w.tokens.ward_officer,
        json: { councilMode: 'report' },
      }),
      201,
    );
  }
  // every approval of the ward in the same millisecond, a few microseconds apart
  await sql`update approvals a set created_at = '2026-11-22T01:00:00.000Z'::timestamptz + (n.i * interval '1 microsecond')
    from (select id, row_number() over (order by id) as i from approvals) n where n.id = a.id`.execute(
    t.handle.db,
  );
  const all = await t.handle.db
    .selectFrom('approvals')
    .select('id')
    .where('ward_id', '=', w.wardId)
    .execute();
  expect(all.length).toBeGreaterThanOrEqual(5);

  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = expectStatus(
      await t.call('GET', `${APPROVALS}?limit=2${query}`, { token: w.tokens.ward_officer }),
      200,
    );
    seen.push(...page.items.map((a: { id: string }) => a.id));
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toHaveLength(all.length);
  expect(new Set(seen)).toEqual(new Set(all.map((a) => a.id)));

  // a forged cursor is a clear 422, not a database error
  const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
  const bad = await t.call('GET', `${APPROVALS}?cursor=${forged}`, { token: w.tokens.ward_officer });
  expect(bad.status).toBe(422);
});

it('lists compact approvals by default and whole ones with view=full, to the same people', async () => {
  const views = await expectListViews(t, {
    path: APPROVALS,
    tokens: [
      'ward_officer',
      'ward_manager',
      'contractor_manager',
      'other_ward_manager',
      'council_reviewer',
    ].map((who) => w.tokens[who]!),
    same: [
      'number',
      'kind',
      'contractId',
      'applicantOrgId',
      'status',
      'chain',
      'step',
      'councilMode',
      'supersedesId',
      'createdAt',
      'version',
    ],
    dropped: ['application', 'councilAnswer'],
    detail: (id) => `${APPROVALS}/${id}`,
  });
  const [officer, , , otherWard] = views;
  expect(officer!.compact.length).toBeGreaterThan(0);
  // what the lists show of the application: its title and period, and a sub-contracting's sub-contractor
  for (const [n, item] of officer!.compact.entries()) {
    const application = officer!.full[n]!.application as Record<string, unknown>;
    expect(item).toMatchObject({
      title: application.title,
      periodFrom: application.periodFrom,
      periodTo: application.periodTo,
      subcontractorOrgId: application.subcontractorOrgId ?? null,
    });
  }
  expect(otherWard!.full).toEqual([]);
});
