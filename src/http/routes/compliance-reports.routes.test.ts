import { writeFile } from 'node:fs/promises';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreApplication, signOff, step } from '../../../test/helpers/approvals.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { startSubcontract } from '../../../test/helpers/handover.js';
import { expectListViews } from '../../../test/helpers/list-views.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';
import { createSmtpMailer } from '../../adapters/smtp-mailer.js';
import { runDailyJobs } from '../../jobs/daily-jobs.js';

// Six-monthly compliance reports (別紙5): issued by the scheduler as the clock crosses 1 October,
// exactly once per (contract, organisation, period), answered, checked against the records,
// received and signed off; reminders in the app and by mail, once per deadline and recipient.

let t: TestApp;
let w: World;
let subContractId: string;
const tokens: Record<string, string> = {};
const silent = { info: () => {}, error: () => {} };
const jobs = (extra: object = {}) =>
  runDailyJobs({ db: t.handle.db, now: t.clock.now, logger: silent, ...extra });
const count = async () =>
  Number(
    (
      await t.handle.db
        .selectFrom('compliance_reports')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function signInAll() {
  for (const [key, { email }] of Object.entries(USERS)) tokens[key] = await signIn(t, email);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-05-01T01:00:00Z');
  w = await buildWorld(t);
  // the call centre is sub-contracted from June (seed 003)
  let a = expectStatus(
    await t.call('POST', `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`, {
      token: w.tokens.contractor_manager,
      json: callCentreApplication(w),
    }),
    201,
  );
  a = expectStatus(await step(t, w, 'contractor_manager', a, 'submit'), 200);
  a = await signOff(t, w, a);
  subContractId = a.contractId;
  // started like any contract: its handler list acknowledged, then activated
  await startSubcontract(t, w, subContractId);
  // an incident in August, reported by the contractor
  expectStatus(
    await t.call('POST', '/api/v1/incidents', {
      token: w.tokens.contractor_manager,
      json: {
        contractId: w.bicycleContractId,
        information: '撤去車両所有者の氏名・住所',
        recordCount: 3,
        location: 'コールセンター',
        circumstances: '返還通知を誤送付した',
        discoveredAt: '2026-04-20T03:00:00Z',
      },
    }),
    201,
  );
});
afterAll(() => t.close());

describe('issuing by schedule', () => {
  it('issues nothing for the running half-year, then exactly one request per contract and organisation after 1 October', async () => {
    t.clock.set('2026-09-30T14:59:00Z'); // 23:59 on 30 September in Tokyo
    expect((await jobs()).period).toBe('2025H2');
    expect(await count()).toBe(0);
    t.clock.set('2026-09-30T15:10:00Z'); // 00:10 on 1 October in Tokyo
    const first = await jobs();
    expect(first).toMatchObject({ period: '2026H1', issued: 2 });
    const rows = await t.handle.db
      .selectFrom('compliance_reports')
      .select(['organisation_id', 'contract_id', 'due_on'])
      .execute();
    expect(rows.map((r) => r.organisation_id).sort()).toEqual(
      [w.companies.contractor, w.companies.subcontractor].sort(),
    );
    expect(rows.every((r) => r.due_on === '2026-10-31')).toBe(true);
  });

  it('issues nothing new when run again, by two schedulers at once, or after downtime', async () => {
    expect((await jobs()).issued).toBe(0);
    const raced = await Promise.all([jobs(), jobs(), jobs()]);
    expect(raced.map((r) => r.issued)).toEqual([0, 0, 0]);
    t.clock.set('2026-11-20T00:00:00Z');
    expect((await jobs()).issued).toBe(0);
    expect(await count()).toBe(2);
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select('after')
      .where('action', '=', 'compliance_report.issue')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('answering and reviewing a report', () => {
  let report: any;

  it('is prefilled from the records, and refuses a submission missing what an answer calls for', async () => {
    await signInAll();
    const list = expectStatus(
      await t.call('GET', '/api/v1/compliance-reports?period=2026H1', { token: tokens.contractor_manager }),
      200,
    );
    expect(list.items).toHaveLength(2); // its own, and its sub-contractor's below it
    report = list.items.find((r: { organisationId: string }) => r.organisationId === w.companies.contractor);
    const full = expectStatus(
      await t.call('GET', `/api/v1/compliance-reports/${report.id}`, { token: tokens.contractor_manager }),
      200,
    );
    expect(full.overdue).toBe(true);
    expect(full.prefill).toMatchObject({
      q1: { answer: 'yes' },
      q3: { answer: 'yes', useHandlerList: true },
      q6: { answer: 'yes' },
      q7: { answer: 'yes' },
    });
    expect(
      (
        await t.call('GET', `/api/v1/compliance-reports/${report.id}`, {
          token: tokens.other_contractor_manager,
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.call('GET', `/api/v1/compliance-reports/${report.id}`, { token: tokens.council_reviewer }))
        .status,
    ).toBe(404);

    const incomplete = await t.call('POST', `/api/v1/compliance-reports/${report.id}/submit`, {
      token: tokens.contractor_manager,
      json: { version: full.version, answers: { q1: { answer: 'no' }, q2: { answer: 'yes' } } },
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['answers.q2.copies', 'answers.q3.answer', 'answers.q9.answer']),
    );
    expect(
      (await t.call('GET', `/api/v1/compliance-reports/${report.id}`, { token: tokens.contractor_manager }))
        .body.status,
    ).toBe('issued');
    report = full;
  });

  it('flags the answers that contradict the records', async () => {
    const answers = {
      q1: { answer: 'no' },
      q2: { answer: 'yes', attachmentIds: [await pmarkCopy()] },
      q3: { answer: 'yes', useHandlerList: true },
      q4: { answer: 'yes', text: '2026年5月 個人情報保護研修' },
      q5: { answer: 'yes', attachmentIds: [await pmarkCopy()] },
      q6: { answer: 'no' },
      q9: { answer: 'yes' },
    };
    const submitted = expectStatus(
      await t.call('POST', `/api/v1/compliance-reports/${report.id}/submit`, {
        token: tokens.contractor_manager,
        json: { version: report.version, answers },
      }),
      200,
    );
    expect(submitted.status).toBe('submitted');
    expect(submitted.discrepancies.map((d: { code: string }) => d.code).sort()).toEqual([
      'incident-recorded',
      'no-training-recorded',
      'subcontract-exists',
    ]);
    const flagged = expectStatus(
      await t.call('GET', '/api/v1/compliance-reports?withDiscrepancies=true', {
        token: tokens.ward_officer,
      }),
      200,
    );
    expect(flagged.items.map((r: { id: string }) => r.id)).toEqual([report.id]);
    expect(flagged.items[0]).toMatchObject({ discrepancyCount: 3 });
    expect(flagged.items[0]).not.toHaveProperty('answers');
    report = submitted;
  });

  it('lists compact reports by default and whole ones with view=full, to the same people', async () => {
    const views = await expectListViews(t, {
      path: '/api/v1/compliance-reports',
      tokens: [
        'ward_officer',
        'contractor_manager',
        'subcontractor_manager',
        'other_contractor_manager',
        'other_ward_officer',
      ].map((who) => tokens[who]!),
      same: [
        'organisationId',
        'contractId',
        'period',
        'periodFrom',
        'periodTo',
        'dueOn',
        'status',
        'overdue',
        'chain',
        'step',
        'receivedOn',
        'submittedAt',
        'issuedAt',
        'version',
      ],
      dropped: ['answers', 'prefill', 'discrepancies', 'returnComment'],
      detail: (id) => `/api/v1/compliance-reports/${id}`,
      computedOnDetail: ['prefill'],
    });
    for (const { compact, full } of views)
      for (const [n, item] of compact.entries())
        expect(item.discrepancyCount).toBe((full[n]!.discrepancies as unknown[]).length);
    const [officer, contractor, , other] = views;
    expect(officer!.compact.map((r) => r.id)).toContain(report.id);
    expect(contractor!.compact.map((r) => r.id)).toContain(report.id);
    expect(other!.full.map((r) => r.id)).not.toContain(report.id);
  });

  it('is received and signed off in order, and its PDF shows the 区記入欄', async () => {
    report = expectStatus(
      await t.call('POST', `/api/v1/compliance-reports/${report.id}/receive`, {
        token: tokens.ward_officer,
        json: { version: report.version },
      }),
      200,
    );
    expect(report.receivedOn).toBe('2026-11-20');
    expect(
      (
        await t.call('POST', `/api/v1/compliance-reports/${report.id}/sign`, {
          token: tokens.ward_manager,
          json: { version: report.version },
        })
      ).status,
    ).toBe(409);
    for (const who of ['ward_officer', 'ward_chief', 'ward_manager']) {
      report = expectStatus(
        await t.call('POST', `/api/v1/compliance-reports/${report.id}/sign`, {
          token: tokens[who],
          json: { version: report.version },
        }),
        200,
      );
    }
    expect(report.status).toBe('signed_off');
    expect(
      (
        await t.call('POST', `/api/v1/compliance-reports/${report.id}/save`, {
          token: tokens.contractor_manager,
          json: { version: report.version },
        })
      ).status,
    ).toBe(409);

    const res = await t.app.request(`/api/v1/compliance-reports/${report.id}/pdf`, {
      headers: { authorization: `Bearer ${tokens.ward_chief}` },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (process.env.KEEP_PDFS) await writeFile(`${process.env.KEEP_PDFS}/compliance-report.pdf`, bytes);
    const text = (await pdfText(bytes)).text.replace(/\s/g, '');
    for (const expected of [
      '個人情報特記事項の遵守に関する報告書',
      '新宿区長あて',
      '(6)再委託を行っている',
      '区記入欄',
      '受付日',
      '令和8年11月20日',
      // each box its label, then the signer (the title is the box's, not repeated) and the date
      '課長大久保次郎令和8年11月20日',
      '係長新宿一郎令和8年11月20日',
    ]) {
      expect(text).toContain(expected);
    }
  });
});

describe('reminders', () => {
  it('reminds once per deadline and recipient, in the app and by mail', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        stream.on('data', () => {});
        stream.on('end', () => {
          received.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    const mailer = createSmtpMailer(`smtp://127.0.0.1:${port}`);
    try {
      // the earlier runs added the reminders (the sub-contractor's report is open and overdue);
      // this one mails them, and running again neither adds nor mails anything
      const notifications = async () =>
        Number(
          (
            await t.handle.db
              .selectFrom('notifications')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await notifications();
      expect(before).toBeGreaterThan(0);
      const run = await jobs({ mailer });
      const unmailed = await t.handle.db
        .selectFrom('notifications')
        .select(['kind', 'user_id', 'deadline_key'])
        .where('mailed_at', 'is', null)
        .execute();
      expect(unmailed).toEqual([]);
      // with mail configured, each person with steps waiting also gets the inbox's daily digest
      expect(run.digests).toBeGreaterThan(0);
      expect(run.mailed).toBe(before + run.digests);
      expect(await jobs({ mailer })).toMatchObject({ reminders: 0, digests: 0, mailed: 0 });
      expect(await notifications()).toBe(before + run.digests);
      const digest = await t.handle.db
        .selectFrom('notifications')
        .innerJoin('users', 'users.id', 'notifications.user_id')
        .select(['notifications.title', 'notifications.body'])
        .where('notifications.kind', '=', 'inbox-digest')
        .where('users.email', '=', 'manager@callcenter.example.jp')
        .executeTakeFirstOrThrow();
      expect(digest.title).toMatch(/^【受信箱】対応待ち \d+件（令和/);
      expect(digest.body).toContain('遵守状況報告書の回答');
      expect(digest.body).toContain('/compliance-reports/');
      expect(received).toContain('manager@callcenter.example.jp');
      expect(received).toContain('officer@city.shinjuku.example.jp');
      expect(received).not.toContain('manager@mirai-info.example.jp');
      // one mail per notification, none twice
      expect(received).toHaveLength(before + run.digests);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const mine = expectStatus(
      await t.call('GET', '/api/v1/notifications?unread=true', { token: tokens.subcontractor_manager }),
      200,
    );
    const reminder = mine.items.find((n: { kind: string }) => n.kind === 'compliance-report-due');
    expect(reminder.title).toContain('期限超過');
    expect(
      (
        await t.call('POST', `/api/v1/notifications/${reminder.id}/read`, {
          token: tokens.contractor_manager,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call('POST', `/api/v1/notifications/${reminder.id}/read`, {
          token: tokens.subcontractor_manager,
        })
      ).status,
    ).toBe(204);
    expect(subContractId).toBeTruthy();
  });
});

async function pmarkCopy(): Promise<string> {
  const form = new FormData();
  form.set(
    'file',
    new File([new TextEncoder().encode('%PDF-1.4\n% P-mark\n%%EOF\n')], 'pmark.pdf', {
      type: 'application/pdf',
    }),
  );
  form.set('purpose', 'pmark_certificate');
  form.set('wardId', w.wardId);
  const res = await t.app.request('/api/v1/attachments', {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${tokens.contractor_manager}` },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
