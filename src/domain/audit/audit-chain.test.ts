import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';
import { appendAuditEntry } from './append-audit-entry.js';
import { verifyAuditChains } from './verify-audit-chain.js';

let t: TestApp;
let world: World;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t);
});
afterAll(() => t.close());

/** Runs `work` with the append-only trigger off, as an attacker with table-owner rights would. */
async function asTamperer(work: () => Promise<unknown>) {
  await sql`alter table audit_entries disable trigger user`.execute(t.handle.db);
  try {
    await work();
  } finally {
    await sql`alter table audit_entries enable trigger user`.execute(t.handle.db);
  }
}

describe('audit trail', () => {
  it('records every change of the world with who, what, before and after, chained per ward', async () => {
    const report = await verifyAuditChains(t.handle.db);
    expect(report.breaks).toEqual([]);
    expect(report.entries).toBeGreaterThan(20);
    const chains = await t.handle.db.selectFrom('audit_heads').select('chain_key').execute();
    expect(chains.map((c) => c.chain_key).sort()).toEqual(
      ['global', world.otherWardId, world.wardId, world.nankoku.wardId].sort(),
    );

    const dept = await t.handle.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'department.create')
      .where('ward_id', '=', world.wardId)
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    expect(dept.after).toMatchObject({ name: '交通対策課', wardId: world.wardId });
    expect(dept.actor_user_id).toBeTruthy();
    expect(dept.request_id).toBe('demo-seed');
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit rows', async () => {
    const db = t.handle.db;
    await expect(sql`update audit_entries set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_entries`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_entries`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    const db = t.handle.db;
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        db.transaction().execute((tx) =>
          appendAuditEntry(tx, {
            wardId: world.wardId,
            actorUserId: null,
            actorOrgId: null,
            action: 'test.concurrent',
            subjectType: 'Test',
            subjectId: String(i),
            after: { i, note: '同時書き込み' },
            requestId: null,
            at: new Date(),
          }),
        ),
      ),
    );
    expect((await verifyAuditChains(db)).breaks).toEqual([]);
  });

  it('detects an altered entry, a removed entry and a cut-off tail', async () => {
    const db = t.handle.db;
    const entries = await db
      .selectFrom('audit_entries')
      .select(['seq'])
      .where('chain_key', '=', world.wardId)
      .orderBy('seq')
      .execute();
    const middle = entries[5]!.seq;
    const removed = entries[8]!.seq;

    await asTamperer(() =>
      sql`update audit_entries set after = '{"name":"改ざん"}'::jsonb where chain_key = ${world.wardId} and seq = ${middle}`.execute(
        db,
      ),
    );
    let report = await verifyAuditChains(db);
    expect(report.breaks).toEqual([{ chainKey: world.wardId, seq: middle, reason: 'hash-mismatch' }]);

    await asTamperer(() =>
      sql`delete from audit_entries where chain_key = ${world.wardId} and seq = ${removed}`.execute(db),
    );
    report = await verifyAuditChains(db);
    const next = String(Number(removed) + 1);
    expect(report.breaks).toEqual(
      expect.arrayContaining([
        { chainKey: world.wardId, seq: next, reason: 'gap' },
        { chainKey: world.wardId, seq: next, reason: 'broken-link' },
      ]),
    );

    await asTamperer(() =>
      sql`delete from audit_entries where chain_key = ${world.otherWardId} and seq = (select max(seq) from audit_entries where chain_key = ${world.otherWardId})`.execute(
        db,
      ),
    );
    report = await verifyAuditChains(db);
    expect(report.breaks.some((b) => b.chainKey === world.otherWardId && b.reason === 'head-mismatch')).toBe(
      true,
    );
  });
});

describe('GET /api/v1/audit-entries', () => {
  it("shows ward staff their own ward's entries only, newest first, paginated", async () => {
    const first = await t.call('GET', '/api/v1/audit-entries?limit=5', { token: world.tokens.ward_officer });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(5);
    expect(first.body.items.every((e: { wardId: string }) => e.wardId === world.wardId)).toBe(true);
    const second = await t.call('GET', `/api/v1/audit-entries?limit=5&cursor=${first.body.nextCursor}`, {
      token: world.tokens.ward_officer,
    });
    expect(second.body.items[0].at <= first.body.items[4].at).toBe(true);
    expect(second.body.items[0].seq).not.toBe(first.body.items[4].seq);

    const other = await t.call('GET', '/api/v1/audit-entries?limit=200', {
      token: world.tokens.other_ward_officer,
    });
    expect(other.body.items.every((e: { wardId: string }) => e.wardId === world.otherWardId)).toBe(true);
  });

  it('shows nothing to companies and council reviewers', async () => {
    for (const who of ['contractor_manager', 'council_reviewer', 'inspector']) {
      const res = await t.call('GET', '/api/v1/audit-entries', { token: world.tokens[who] });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
    }
  });

  it('refuses a cursor it did not issue', async () => {
    const res = await t.call('GET', '/api/v1/audit-entries?cursor=%%%', { token: world.tokens.ward_officer });
    expect(res.status).toBe(422);
  });
});
