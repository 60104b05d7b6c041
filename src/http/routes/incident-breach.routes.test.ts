import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';
import { generateReminders } from '../../domain/notifications/generate-reminders.js';

// 漏えい等報告 over HTTP: the contractor reports an incident; the ward answers the questions (bad
// answers refused in both languages, changing nothing; the contractor, the council and another
// ward may not); the judgment says a report is required with its due days; the reports still to
// send wait in the inbox, overdue when late; each report is recorded once, audited; the content
// comes as PDF and CSV.

let t: TestApp;
let w: World;
let incident: any;
const call = (who: string, method: string, path: string, json?: unknown) =>
  t.call(method, path, { token: w.tokens[who], json });
const base = () => `/api/v1/incidents/${incident.id}`;

const ANSWERS = {
  learnedOn: '2026-11-20',
  personsAffected: 150,
  myNumberPersonsAffected: 120,
  sensitive: false,
  ordinanceSensitive: false,
  financialDamage: false,
  unlawfulPurpose: true,
  myNumber: true,
  myNumberSystem: false,
  publiclyViewable: false,
  encrypted: false,
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  incident = expectStatus(
    await call('contractor_manager', 'POST', '/api/v1/incidents', {
      contractId: w.bicycleContractId,
      information: '撤去車両所有者の氏名・住所・個人番号',
      recordCount: 150,
      location: '保管所の事務室',
      circumstances: '従業者が名簿を持ち出し、外部に渡した疑い',
      occurredAt: '2026-11-19T09:00:00+09:00',
      discoveredAt: '2026-11-20T10:30:00+09:00',
    }),
    201,
  );
});
afterAll(() => t.close());

describe('answering the questions', () => {
  it('starts unjudged: the ward may answer, nobody may record a report yet, there is no content', async () => {
    const got = expectStatus(await call('ward_officer', 'GET', base()), 200);
    expect(got.breach).toMatchObject({ answers: null, required: false, finalDueOn: null });
    expect(got.allowedActions).toContain('assess-breach');
    expect(got.allowedActions).not.toContain('record-breach-report');
    expect((await call('ward_officer', 'GET', `${base()}/breach-report`)).status).toBe(409);
    const early = await call('ward_officer', 'POST', `${base()}/record-breach-report`, {
      reportKind: 'preliminary',
      sentOn: '2026-11-21',
      version: got.version,
    });
    expect(early.status).toBe(409);
    expect(early.body.detail_ja).toContain('先に漏えい等報告の判定の質問に回答してください');
  });

  it('refuses the contractor (403), the council and another ward (404)', async () => {
    const body = { breach: ANSWERS, version: incident.version };
    expect((await call('contractor_manager', 'POST', `${base()}/assess-breach`, body)).status).toBe(403);
    expect((await call('council_reviewer', 'POST', `${base()}/assess-breach`, body)).status).toBe(404);
    expect((await call('other_ward_officer', 'POST', `${base()}/assess-breach`, body)).status).toBe(404);
    expect((await call('other_ward_officer', 'GET', `${base()}/breach-report/pdf`)).status).toBe(404);
  });

  it.each([
    ['a 覚知日 in the future', { learnedOn: '2026-12-01' }, 'breach.learnedOn', '未来の日付は指定できません'],
    ['a 覚知日 before it happened', { learnedOn: '2026-11-18' }, 'breach.learnedOn', '発生日より前'],
    [
      'My Number without its count',
      { myNumberPersonsAffected: null },
      'breach.myNumberPersonsAffected',
      '本人の数',
    ],
    [
      'more My Number people than people',
      { myNumberPersonsAffected: 151 },
      'breach.myNumberPersonsAffected',
      '超える',
    ],
  ])('refuses %s with 422 in both languages, changing nothing', async (_, change, path, ja) => {
    const res = await call('ward_officer', 'POST', `${base()}/assess-breach`, {
      breach: { ...ANSWERS, ...change },
      version: incident.version,
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(JSON.stringify(res.body.errors)).toContain(ja);
    expect(res.body.detail).toBeTruthy();
    const after = expectStatus(await call('ward_officer', 'GET', base()), 200);
    expect(after.version).toBe(incident.version);
    expect(after.breach.answers).toBeNull();
  });

  it('refuses malformed answers (a negative count, an unknown question, a missing one) with 422', async () => {
    for (const breach of [
      { ...ANSWERS, personsAffected: -1 },
      { ...ANSWERS, extra: true },
      { ...ANSWERS, sensitive: undefined },
      { ...ANSWERS, learnedOn: '2026-02-30' },
    ]) {
      const res = await call('ward_officer', 'POST', `${base()}/assess-breach`, { breach, version: 1 });
      expect(res.status, JSON.stringify(breach)).toBe(422);
    }
  });

  it('judges: required for the municipality, the contractor relieved, 速報 and 確報 due (60 days: unlawful purpose)', async () => {
    const judged = expectStatus(
      await call('ward_officer', 'POST', `${base()}/assess-breach`, {
        breach: ANSWERS,
        version: incident.version,
      }),
      200,
    );
    expect(judged.version).toBe(incident.version + 1);
    expect(judged.status).toBe('reported');
    expect(judged.breach).toMatchObject({
      required: true,
      rulesVersion: '2024-04',
      preliminaryDueOn: '2026-11-22',
      finalDueOn: '2027-01-18',
      preliminarySentOn: null,
    });
    expect(judged.allowedActions).toContain('record-breach-report');
    incident = judged;
    // a stale version changes nothing
    const stale = await call('ward_officer', 'POST', `${base()}/assess-breach`, {
      breach: ANSWERS,
      version: 1,
    });
    expect(stale.status).toBe(409);

    const report = expectStatus(await call('contractor_manager', 'GET', `${base()}/breach-report`), 200);
    expect(report.judgment.municipality.matched.map((m: { key: string }) => m.key)).toEqual([
      'public-body.unlawful-purpose',
      'public-body.more-than-100',
      'my-number.unlawful-purpose',
      'my-number.more-than-100',
    ]);
    expect(report.judgment.contractor).toMatchObject({ required: true, mustReport: false });
    expect(report.judgment.contractor.relievedBy[0].article).toContain('第26条第1項ただし書');
    expect(report.fields.find((f: { key: string }) => f.key === 'persons').value).toContain('150人');
  });
});

describe('what is still to send', () => {
  it('waits in the officer’s inbox, 速報 overdue once its day has passed; not in the contractor’s', async () => {
    t.clock.set('2026-11-23T01:00:00Z');
    // a day later: signed in again (access tokens last 15 minutes)
    for (const who of ['ward_officer', 'contractor_manager', 'other_ward_officer'])
      w.tokens[who] = await signIn(t, USERS[who]!.email);
    const inbox = expectStatus(await call('ward_officer', 'GET', '/api/v1/notifications/inbox'), 200);
    const mine = inbox.waiting.filter((i: { kind: string }) => i.kind === 'breach-reports');
    expect(mine.map((i: { label: { ja: string } }) => i.label.ja)).toEqual(['速報', '確報', '本人通知']);
    expect(mine[0]).toMatchObject({
      dueOn: '2026-11-22',
      overdue: true,
      href: `/incidents/${incident.id}#breach-report`,
    });
    expect(mine[1]).toMatchObject({ dueOn: '2027-01-18', overdue: false });
    const theirs = expectStatus(await call('contractor_manager', 'GET', '/api/v1/notifications/inbox'), 200);
    expect(theirs.waiting.some((i: { kind: string }) => i.kind === 'breach-reports')).toBe(false);
    const other = expectStatus(await call('other_ward_officer', 'GET', '/api/v1/notifications/inbox'), 200);
    expect(other.waiting.some((i: { kind: string }) => i.kind === 'breach-reports')).toBe(false);
  });

  it('reminds the ward’s signers by the daily jobs: 速報 overdue, 確報 not yet within 7 days; once only', async () => {
    const first = await generateReminders(t.handle.db, t.clock.now());
    expect(await generateReminders(t.handle.db, t.clock.now())).toBe(0);
    expect(first).toBeGreaterThan(0);
    const mine = expectStatus(await call('ward_officer', 'GET', '/api/v1/notifications/inbox'), 200);
    const breach = mine.reminders.filter((r: { kind: string }) => r.kind === 'breach-report-due');
    expect(breach.map((r: { title: string }) => r.title)).toEqual(['【期限超過】漏えい等報告（速報）']);
    expect(breach[0]).toMatchObject({ subjectId: incident.id, waiting: true, done: false });
    const theirs = expectStatus(await call('contractor_manager', 'GET', '/api/v1/notifications/inbox'), 200);
    expect(theirs.reminders.some((r: { kind: string }) => r.kind === 'breach-report-due')).toBe(false);
  });

  it('records the 速報 once (a second time 409, a future day or one before 覚知日 422), audited', async () => {
    const record = (json: Record<string, unknown>) =>
      call('ward_officer', 'POST', `${base()}/record-breach-report`, { version: incident.version, ...json });
    expect((await record({ reportKind: 'preliminary', sentOn: '2026-11-30' })).status).toBe(422);
    expect((await record({ reportKind: 'preliminary', sentOn: '2026-11-19' })).status).toBe(422);
    expect((await record({ reportKind: 'other', sentOn: '2026-11-21' })).status).toBe(422);
    incident = expectStatus(await record({ reportKind: 'preliminary', sentOn: '2026-11-21' }), 200);
    expect(incident.breach.preliminarySentOn).toBe('2026-11-21');
    const again = await record({ reportKind: 'preliminary', sentOn: '2026-11-22' });
    expect(again.status).toBe(409);
    expect(again.body.detail_ja).toBe('速報は送付済みとして記録されています');
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action'])
      .where('subject_id', '=', incident.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'incident.report',
      'incident.assess-breach',
      'incident.breach-report.preliminary',
    ]);
    const inbox = expectStatus(await call('ward_officer', 'GET', '/api/v1/notifications/inbox'), 200);
    const left = inbox.waiting.filter((i: { kind: string }) => i.kind === 'breach-reports');
    expect(left.map((i: { label: { ja: string } }) => i.label.ja)).toEqual(['確報', '本人通知']);
  });

  it('gives the content as PDF (令和 dates, articles) and CSV (UTF-8 with BOM)', async () => {
    const res = await t.app.request(`${base()}/breach-report/pdf`, {
      headers: { authorization: `Bearer ${w.tokens.ward_officer}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (process.env.KEEP_PDF) await writeFile(process.env.KEEP_PDF, bytes);
    const { text } = await pdfText(bytes);
    for (const s of [
      '漏えい等報告書',
      '令和8年11月20日',
      '第43条第3号',
      '令和9年1月18日',
      '令和8年11月21日',
      '新宿区',
      '(4) 原因',
      '第29条の4',
    ]) {
      expect(text.replace(/\s/g, ''), s).toContain(s.replace(/\s/g, ''));
    }
    // the footer on every page (react-pdf drops one placed by `bottom` under the page's line height)
    expect(text).toMatch(/1\s*\/\s*2/);
    const csv = await t.app.request(`${base()}/breach-report/csv`, {
      headers: { authorization: `Bearer ${w.tokens.ward_officer}` },
    });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const raw = new Uint8Array(await csv.arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder().decode(raw);
    expect(body).toContain(
      '"(3) 漏えい等が発生し、又は発生したおそれがある保有個人情報に係る本人の数","150人（うち特定個人情報 120人）"',
    );
    expect(body).toContain('"確報の期限","令和9年1月18日（2027-01-18）"');
    expect(body).toContain('\r\n');
  });

  it('keeps the answers once the 確報 is sent', async () => {
    incident = expectStatus(
      await call('ward_officer', 'POST', `${base()}/record-breach-report`, {
        reportKind: 'final',
        sentOn: '2026-11-23',
        version: incident.version,
      }),
      200,
    );
    const res = await call('ward_officer', 'POST', `${base()}/assess-breach`, {
      breach: { ...ANSWERS, unlawfulPurpose: false },
      version: incident.version,
    });
    expect(res.status).toBe(409);
    expect(res.body.detail_ja).toContain('確報を送付済み');
  });
});
