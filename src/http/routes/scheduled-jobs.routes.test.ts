import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';
import type { Mailer } from '../../domain/notifications/mailer.js';

// An administrator's "run now" of the scheduled daily jobs through the running server (issue 16:
// the command line tool opened the server's PGlite directory as a second engine instead).

const RUN = '/api/v1/scheduled-jobs/run';
const outbox: Array<{ to: string; subject: string }> = [];
const mailer: Mailer = {
  send: async (message) => {
    outbox.push({ to: message.to, subject: message.subject });
  },
};
let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp({ deps: { mailer } });
  t.clock.set('2026-10-25T01:00:00Z'); // 2026H1 has ended; its reports are due within a week (31 October)
  w = await buildWorld(t);
});
afterAll(async () => {
  await t.close();
});

const countReports = async (period: string) =>
  Number(
    (
      await t.handle.db
        .selectFrom('compliance_reports')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('period', '=', period)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/v1/scheduled-jobs/run', () => {
  it('is refused to everyone but a system administrator, running nothing', async () => {
    for (const who of ['ward_manager', 'ward_officer', 'contractor_manager', 'other_ward_manager']) {
      const res = await t.call('POST', RUN, { token: w.tokens[who], json: {} });
      expect(res.status, who).toBe(403);
      expect(res.body.detail_ja).toContain('システム管理者');
    }
    expect((await t.call('POST', RUN, { json: {} })).status).toBe(401);
    expect(await countReports('2026H1')).toBe(0);
  });

  it("runs the scheduler's jobs, answers what it did, and records who ran it", async () => {
    // the demo's own steps notify people too (a device declared in 南国市): count only this run's
    const before = new Set(
      (await t.handle.db.selectFrom('notifications').select('id').execute()).map((n) => n.id),
    );
    const res = await t.call('POST', RUN, { token: w.tokens.system_admin });
    expect(res.status).toBe(200);
    expect(res.body.period).toBe('2026H1');
    expect(res.body.issued).toBeGreaterThan(0);
    expect(res.body.issued).toBe(await countReports('2026H1'));
    // the requests due within a week are reminded of, and mailed
    expect(res.body.reminders).toBeGreaterThan(0);
    const all = await t.handle.db.selectFrom('notifications').select(['id', 'mailed_at']).execute();
    // with a mailer, each person's daily digest of the inbox is a notification too
    expect(all.filter((n) => !before.has(n.id)).length).toBe(res.body.reminders + res.body.digests);
    // every notification waiting for its mail is sent, the demo's earlier ones too
    expect(res.body.mailed).toBe(outbox.length);
    expect(outbox.length).toBe(all.filter((n) => n.mailed_at).length);
    expect(res.body.ranAt).toBe(t.clock.now().toISOString());

    const requestId = res.headers.get('x-request-id');
    const run = await t.handle.db
      .selectFrom('audit_entries')
      .selectAll()
      .where('action', '=', 'scheduled_jobs.run')
      .executeTakeFirstOrThrow();
    expect(run).toMatchObject({
      chain_key: 'global',
      actor_user_id: w.userIds.system_admin,
      request_id: requestId,
    });
    expect(run.after).toMatchObject({ period: '2026H1', issued: res.body.issued, mailed: res.body.mailed });
    // each ward's issuing entry names the administrator, not the scheduler
    const issuing = await t.handle.db
      .selectFrom('audit_entries')
      .select(['ward_id', 'actor_user_id', 'request_id'])
      .where('action', '=', 'compliance_report.issue')
      .execute();
    expect(issuing.length).toBeGreaterThan(0);
    for (const entry of issuing) {
      expect(entry).toMatchObject({ actor_user_id: w.userIds.system_admin, request_id: requestId });
    }
  });

  it('issues and sends nothing twice when run again', async () => {
    const before = outbox.length;
    const res = await t.call('POST', RUN, { token: w.tokens.system_admin, json: {} });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ period: '2026H1', issued: 0, reminders: 0, mailed: 0 });
    expect(outbox.length).toBe(before);
  });

  it('issues an earlier half-year on request, and refuses one that has not ended', async () => {
    const earlier = await t.call('POST', RUN, { token: w.tokens.system_admin, json: { period: '2025H2' } });
    expect(earlier.status).toBe(200);
    expect(earlier.body.period).toBe('2025H2');
    expect(earlier.body.issued).toBe(await countReports('2025H2'));

    const current = await t.call('POST', RUN, { token: w.tokens.system_admin, json: { period: '2026H2' } });
    expect(current.status).toBe(422);
    expect(current.body.detail_ja).toContain('まだ終わっていません');
    expect(await countReports('2026H2')).toBe(0);

    const garbage = await t.call('POST', RUN, { token: w.tokens.system_admin, json: { period: 'last' } });
    expect(garbage.status).toBe(422);
    expect(garbage.body.errors[0].path).toBe('period');
  });
});
