import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { expectStatus } from '../../../../test/helpers/contracts.js';
import { answerRest, command, plan } from '../../../../test/helpers/inspections.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';
import { NIL_WARD_ID } from '../../../db/tenant-ward.js';

// 受信箱 and the dashboard read one worklist: an inspection record awaiting 決裁 reaches the
// signer whose step it is — in the dashboard's panel, the inbox page, the header's count and the
// API — and leaves all of them once signed.

describe('inbox (受信箱) and dashboard: one worklist', () => {
  let t: TestApp;
  let w: World;
  let inspection: { id: string; version: number; status: string };

  const inbox = async (who: string) =>
    expectStatus(await t.call('GET', '/api/v1/notifications/inbox', { token: w.tokens[who] }), 200);
  const waitingIds = async (who: string) =>
    (await inbox(who)).waiting.map((i: { subjectId: string }) => i.subjectId) as string[];
  const panel = (html: string) => html.match(/id="panel-inspection-sign-off"[\s\S]*?<\/section>/)?.[0] ?? '';

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    const planned = expectStatus(await plan(t, w, { contractId: w.bicycleContractId }), 201);
    const started = expectStatus(await command(t, w, 'inspector', planned, 'start'), 200);
    const answered = await answerRest(t, w, started.id);
    inspection = expectStatus(await command(t, w, 'inspector', answered, 'submit'), 200);
  });
  afterAll(() => t.close());

  it('shows an inspection awaiting 決裁 to the 担当者, then the 係長, then the 課長, and to nobody after', async () => {
    const who = ['ward_officer', 'ward_chief', 'ward_manager'] as const;
    const holders = async () => {
      const found: string[] = [];
      for (const role of [...who, 'inspector', 'other_ward_manager', 'contractor_manager'])
        if ((await waitingIds(role)).includes(inspection.id)) found.push(role);
      return found;
    };
    for (const signer of who) {
      expect(await holders()).toEqual([signer]);
      const page = await pageClient(t, USERS[signer]!.email);
      const dashboard = await page.get('/');
      expect(panel(dashboard.html), signer).toContain(`/inspections/${inspection.id}`);
      expect(textOf(panel(dashboard.html))).toContain('株式会社サイクルサポート東京');
      const inboxPage = await page.get('/notifications');
      expect(inboxPage.status).toBe(200);
      expect(inboxPage.html).toContain(`href="/inspections/${inspection.id}"`);
      expect(textOf(inboxPage.html)).toContain('実地検査結果の決裁');
      // the header counts it, on every page
      expect(dashboard.html).toMatch(/class="badge inbox-count"><span aria-hidden="true">[1-9]/);
      if (signer !== 'ward_officer') {
        // the other signers' dashboards do not offer it
        const officer = await pageClient(t, USERS.ward_officer!.email);
        expect(panel((await officer.get('/')).html)).not.toContain(inspection.id);
      }
      inspection = expectStatus(await command(t, w, signer, inspection, 'approve'), 200);
    }
    expect(inspection.status).toBe('signed_off');
    expect(await holders()).toEqual([]);
  });

  it('answers the item with what, for whom, since and by when, and a link to act', async () => {
    const applied = expectStatus(
      await t.call('POST', `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`, {
        token: w.tokens.contractor_manager,
        json: (await import('../../../../test/helpers/approvals.js')).callCentreApplication(w),
      }),
      201,
    );
    const item = (await inbox('contractor_manager')).waiting.find(
      (i: { subjectId: string }) => i.subjectId === applied.id,
    );
    expect(item).toMatchObject({
      kind: 'approvals',
      subjectType: 'Approval',
      party: '株式会社サイクルサポート東京',
      status: 'draft',
      href: `/approvals/${applied.id}`,
      number: applied.number,
    });
    expect(applied.number).toMatch(/^R\d+-再委託-\d{4}$/);
    expect(typeof item.since).toBe('string');
    // the page shows the 整理番号 beside the title, as the application PDF prints it
    const page = await pageClient(t, USERS.contractor_manager!.email);
    expect(textOf((await page.get('/notifications')).html)).toContain(applied.number);
    expect(
      (await inbox('other_contractor_manager')).waiting.map((i: { subjectId: string }) => i.subjectId),
    ).not.toContain(applied.id);
  });

  it('lists reminders, done once their step no longer waits, and marks one read from the page', async () => {
    const user = w.userIds.contractor_manager!;
    const report = await t.handle.db
      .insertInto('notifications')
      .values([
        {
          tenant_ward_id: NIL_WARD_ID,
          user_id: user,
          ward_id: null,
          kind: 'approval-review-due',
          subject_type: 'Approval',
          subject_id: '00000000-0000-4000-8000-000000000001',
          deadline_key: 'test:gone',
          title: '審査期限のお知らせ（終わった手続）',
          body: '—',
          created_at: t.clock.now(),
        },
        {
          tenant_ward_id: NIL_WARD_ID,
          user_id: user,
          ward_id: null,
          kind: 'notice',
          subject_type: 'Contract',
          subject_id: w.bicycleContractId,
          deadline_key: 'test:alert',
          title: 'お知らせ（既読にするもの）',
          body: '—',
          created_at: t.clock.now(),
        },
      ])
      .returning(['id', 'deadline_key'])
      .execute();
    const before = await inbox('contractor_manager');
    const byKey = (key: string) =>
      before.reminders.find((r: { id: string }) => r.id === report.find((x) => x.deadline_key === key)!.id);
    expect(byKey('test:gone')).toMatchObject({ done: true, read: true });
    expect(byKey('test:alert')).toMatchObject({ done: false, read: false });
    const page = await pageClient(t, USERS.contractor_manager!.email);
    const alert = report.find((x) => x.deadline_key === 'test:alert')!.id;
    expect((await page.get('/notifications')).html).toContain(`/notifications/${alert}/read`);
    const marked = await page.post(`/notifications/${alert}/read`);
    expect(marked.status).toBe(303);
    const after = await inbox('contractor_manager');
    expect(after.unread).toBe(before.unread - 1);
    expect(after.reminders.find((r: { id: string }) => r.id === alert)).toMatchObject({ read: true });
    // someone else's reminder is not theirs to mark: 404 like a missing one
    const other = await pageClient(t, USERS.ward_officer!.email);
    expect((await other.post(`/notifications/${alert}/read`)).status).toBe(404);
  });
});
