import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as migration from '../../migrations/2026-12-09T1600-tenant-keys.js';
import { NIL_WARD_ID } from '../../src/db/tenant-ward.js';
import { appendAuditEntry } from '../../src/domain/audit/append-audit-entry.js';
import { verifyAuditChains } from '../../src/domain/audit/verify-audit-chain.js';
import { notify } from '../../src/domain/notifications/notify.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';

// The tenant-keys migration keeps what exists: the audit chains verify with the same entries,
// notifications keep their rows and their one-per-deadline rule, and the ward of every row is
// copied into tenant_ward_id (the nil uuid where there is none).

let t: TestApp;
let w: World;
let officerId: string;
let companyUserId: string;

const reminder = (wardId: string | null, userIds: string[], deadlineKey: string) => ({
  userIds,
  wardId,
  kind: 'test',
  subjectType: 'User',
  subjectId: userIds[0]!,
  deadlineKey,
  title: 'お知らせ',
  body: '本文',
});

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  officerId = w.userIds.ward_officer!;
  companyUserId = w.userIds.contractor_manager!;
  const now = t.clock.now();
  await notify(t.handle.db, reminder(w.wardId, [officerId], 'deadline:a'), now);
  await notify(t.handle.db, reminder(null, [companyUserId], 'inbox-digest:2026-11-22'), now);
});
afterAll(() => t.close());

describe('tenant keys migration', () => {
  it('keeps the audit chains and notifications that existed before it', async () => {
    const db = t.handle.db;
    const chainsBefore = await verifyAuditChains(db);
    const notificationsBefore = await db.selectFrom('notifications').select(['id', 'deadline_key']).execute();
    await migration.down(db);
    await migration.up(db);

    const chainsAfter = await verifyAuditChains(db);
    expect(chainsAfter.breaks).toEqual([]);
    expect(chainsAfter.entries).toBe(chainsBefore.entries);
    expect(chainsAfter.chains).toBe(chainsBefore.chains);
    const heads = await db.selectFrom('audit_heads').select(['tenant_ward_id', 'chain_key']).execute();
    expect(heads.map((h) => [h.chain_key, h.tenant_ward_id]).sort()).toEqual(
      heads.map((h) => [h.chain_key, h.chain_key === 'global' ? NIL_WARD_ID : h.chain_key]).sort(),
    );
    const misplaced = await db
      .selectFrom('audit_entries')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(sql<boolean>`tenant_ward_id <> coalesce(ward_id, ${NIL_WARD_ID}::uuid)`)
      .executeTakeFirstOrThrow();
    expect(misplaced.n).toBe(0);
    expect(heads.some((h) => h.chain_key === 'global')).toBe(true);

    const notificationsAfter = await db
      .selectFrom('notifications')
      .select(['id', 'deadline_key', 'ward_id', 'tenant_ward_id'])
      .execute();
    expect(notificationsAfter.map((n) => n.id).sort()).toEqual(notificationsBefore.map((n) => n.id).sort());
    expect(notificationsAfter.find((n) => n.deadline_key === 'deadline:a')?.tenant_ward_id).toBe(w.wardId);
    expect(notificationsAfter.find((n) => n.deadline_key.startsWith('inbox-digest'))?.tenant_ward_id).toBe(
      NIL_WARD_ID,
    );
  });

  it('still notifies once per recipient and deadline, with or without a ward', async () => {
    const now = t.clock.now();
    expect(await notify(t.handle.db, reminder(w.wardId, [officerId], 'deadline:a'), now)).toBe(0);
    expect(await notify(t.handle.db, reminder(null, [companyUserId], 'inbox-digest:2026-11-22'), now)).toBe(
      0,
    );
    expect(await notify(t.handle.db, reminder(w.wardId, [officerId, companyUserId], 'deadline:b'), now)).toBe(
      2,
    );
  });

  it('appends to the ward chain and the global chain after it, and the chains verify', async () => {
    const before = await verifyAuditChains(t.handle.db);
    for (const wardId of [w.wardId, null]) {
      await t.handle.db.transaction().execute((tx) =>
        appendAuditEntry(tx, {
          wardId,
          actorUserId: null,
          actorOrgId: null,
          action: 'test.after-migration',
          subjectType: 'Test',
          subjectId: String(wardId),
          after: { note: '移行後' },
          requestId: null,
          at: t.clock.now(),
        }),
      );
    }
    const after = await verifyAuditChains(t.handle.db);
    expect(after.breaks).toEqual([]);
    expect(after.entries).toBe(before.entries + 2);
  });

  it('refuses a row whose tenant_ward_id is not its ward', async () => {
    await expect(
      sql`insert into notifications (tenant_ward_id, user_id, ward_id, kind, subject_type, subject_id,
            deadline_key, title, body, created_at)
          values (${w.otherWardId}, ${officerId}, ${w.wardId}, 'test', 'User', 'x', 'deadline:c', 't', 'b', now())`.execute(
        t.handle.db,
      ),
    ).rejects.toThrow(/notifications_tenant_ward_check/);
    await expect(
      sql`insert into audit_heads (tenant_ward_id, chain_key, last_seq, last_hash)
          values (${NIL_WARD_ID}, ${w.wardId}, 0, 'x')`.execute(t.handle.db),
    ).rejects.toThrow(/audit_heads_tenant_ward_check/);
  });
});
