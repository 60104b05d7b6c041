import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreApplication, signOff, step } from '../../../../test/helpers/approvals.js';
import { pageClient, samplePdf, textOf } from '../../../../test/helpers/browser.js';
import { expectStatus } from '../../../../test/helpers/contracts.js';
import { CSV_DATE, readCsv } from '../../../../test/helpers/csv.js';
import { startSubcontract } from '../../../../test/helpers/handover.js';
import { pdfText } from '../../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../../test/helpers/world.js';
import { issueReports } from '../../../domain/reports/issue-reports.js';
import { periodOf } from '../../../domain/reports/periods.js';

// The compliance-report pages (別紙5) through app.request: the contractor answers the prefilled
// form, saves, is refused what is missing with its answers kept, submits with copies; the ward
// receives, returns, signs off in order; other companies and the council reviewer see nothing.

type Client = Awaited<ReturnType<typeof pageClient>>;
let t: TestApp;
let w: World;
let contractor: Client;
let officer: Client;
let reportId = '';
const version = (html: string) => html.match(/name="version" value="(\d+)"/)![1]!;
const countReportRows = async () =>
  Number(
    (
      await t.handle.db
        .selectFrom('compliance_reports')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', '=', 'signed_off')
        .executeTakeFirstOrThrow()
    ).n,
  );

function upload(fields: Record<string, string | string[]>, files: Record<string, File>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
  for (const [k, f] of Object.entries(files)) form.append(k, f);
  return form;
}
const pdfFile = (name: string) =>
  new File([new Uint8Array(samplePdf(name))], name, { type: 'application/pdf' });

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-05-01T01:00:00Z');
  w = await buildWorld(t);
  // the call centre is sub-contracted (approved), and an incident is recorded in the period
  let a = expectStatus(
    await t.call('POST', `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`, {
      token: w.tokens.contractor_manager,
      json: callCentreApplication(w),
    }),
    201,
  );
  a = expectStatus(await step(t, w, 'contractor_manager', a, 'submit'), 200);
  await signOff(t, w, a);
  // started like any contract: its handler list acknowledged, then activated
  await startSubcontract(t, w, a.contractId);
  t.clock.set('2026-06-21T01:00:00Z');
  expectStatus(
    await t.call('POST', '/api/v1/incidents', {
      token: await signIn(t, USERS.contractor_manager!.email),
      json: {
        contractId: w.bicycleContractId,
        information: '撤去車両所有者の氏名・住所',
        recordCount: 3,
        location: '保管所',
        circumstances: '返還通知を誤送付した',
        discoveredAt: '2026-06-20T03:00:00Z',
      },
    }),
    201,
  );
  t.clock.set('2026-10-05T01:00:00Z');
  await issueReports(t.handle.db, periodOf('2026H1'), t.clock.now());
  for (const who of ['contractor_manager', 'ward_officer'])
    w.tokens[who] = await signIn(t, USERS[who]!.email);
  contractor = await pageClient(t, USERS.contractor_manager!.email);
  officer = await pageClient(t, USERS.ward_officer!.email);
});
afterAll(() => t.close());

describe('the contractor answers its report', () => {
  it('finds the report to answer on its dashboard and in the list, with its sub-contractor’s', async () => {
    const dash = await contractor.get('/');
    expect(textOf(dash.html)).toContain('回答が必要な遵守状況報告書');
    reportId = dash.html.match(
      /id="panel-reports-to-answer"[\s\S]*?href="\/compliance-reports\/([0-9a-f-]{36})"/,
    )![1]!;
    const list = await contractor.get('/compliance-reports?period=2026H1');
    expect(list.status).toBe(200);
    expect(textOf(list.html)).toContain('株式会社サイクルサポート東京');
    // the sub-contractor's own report, under the sub-contract
    expect(textOf(list.html)).toContain('自転車対策コールセンター運営業務');
    expect(textOf(list.html)).toContain('令和8年度 上期（4月〜9月）');
  });

  it('opens 別紙5 prefilled from the records, with what the records say', async () => {
    const page = await contractor.get(`/compliance-reports/${reportId}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('(6) 再委託を行っている');
    expect(text).toContain('期間中の事故報告: 1件');
    expect(text).toContain('承認済みの再委託: 1件');
    expect(page.html).toMatch(/name="q1\.answer" value="yes" checked/);
    expect(page.html).toMatch(/name="q6\.answer" value="yes" checked/);
    expect(page.html).toMatch(/name="q3\.useHandlerList" checked/);
  });

  it('saves a draft and shows the discrepancies the answers would raise', async () => {
    const page = await contractor.get(`/compliance-reports/${reportId}`);
    const saved = await contractor.upload(
      `/compliance-reports/${reportId}/answer`,
      upload(
        {
          version: version(page.html),
          command: 'save',
          'q1.answer': 'no',
          'q4.answer': 'yes',
          'q4.text': '2026年5月 個人情報保護研修',
          'q6.answer': 'no',
        },
        {},
      ),
    );
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/compliance-reports/${reportId}?notice=saved`);
    const draft = await contractor.get(`/compliance-reports/${reportId}`);
    expect(draft.html).toMatch(/name="q1\.answer" value="no" checked/);
    const text = textOf(draft.html);
    expect(text).toContain('回答中（一時保存）');
    expect(text).toContain('期間中に事故報告が1件記録されています');
    expect(text).toContain('承認済みの再委託があります');
  });

  it('refuses a submission missing what the answers call for, keeping what was typed beside each error', async () => {
    const page = await contractor.get(`/compliance-reports/${reportId}`);
    const res = await contractor.upload(
      `/compliance-reports/${reportId}/answer`,
      upload(
        {
          version: version(page.html),
          command: 'submit',
          'q1.answer': 'yes',
          'q1.text': '返還通知を1件誤送付した',
          'q2.answer': 'yes',
          'q4.answer': 'yes',
          'q4.text': '2026年5月 個人情報保護研修',
        },
        {},
      ),
    );
    expect(res.status).toBe(422);
    expect(res.html).toMatch(/id="f-q2-copies-error">提出が必要です/);
    expect(res.html).toMatch(/id="f-q3-answer-error">はい・いいえのいずれかを選択してください/);
    expect(res.html).toContain('返還通知を1件誤送付した');
    expect(res.html).toMatch(/name="q2\.answer" value="yes" checked/);
    expect(res.html).toContain('href="#f-q9-answer"');
    const api = expectStatus(
      await t.call('GET', `/api/v1/compliance-reports/${reportId}`, { token: w.tokens.contractor_manager }),
      200,
    );
    expect(api.status).toBe('draft');
  });

  it('refuses a copy that is not what it claims, and keeps the answers', async () => {
    const page = await contractor.get(`/compliance-reports/${reportId}`);
    const fake = new File([new TextEncoder().encode('MZ not a pdf')], 'rules.pdf', {
      type: 'application/pdf',
    });
    const res = await contractor.upload(
      `/compliance-reports/${reportId}/answer`,
      upload({ version: version(page.html), command: 'save', 'q2.answer': 'yes' }, { 'q2.copies': fake }),
    );
    expect(res.status).toBe(422);
    expect(res.html).toMatch(/id="f-q2-copies-error">/);
    expect(res.html).toMatch(/name="q2\.answer" value="yes" checked/);
  });

  it('submits with copies; the ward will see the contradictions with the records', async () => {
    const page = await contractor.get(`/compliance-reports/${reportId}`);
    const res = await contractor.upload(
      `/compliance-reports/${reportId}/answer`,
      upload(
        {
          version: version(page.html),
          command: 'submit',
          'q1.answer': 'no',
          'q2.answer': 'yes',
          'q3.answer': 'yes',
          'q3.useHandlerList': 'on',
          'q4.answer': 'yes',
          'q4.text': '2026年5月 個人情報保護研修',
          'q5.answer': 'yes',
          'q6.answer': 'yes',
          'q7.answer': 'yes',
          'q8.answer': 'yes',
          'q8.text': '2026年7月 再委託先を訪問して確認',
          'q9.answer': 'yes',
        },
        { 'q2.copies': pdfFile('規程.pdf'), 'q5.copies': pdfFile('事故対応手順.pdf') },
      ),
    );
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/compliance-reports/${reportId}?notice=submitted`);
    const api = expectStatus(
      await t.call('GET', `/api/v1/compliance-reports/${reportId}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(api.status).toBe('submitted');
    expect(api.answers.q2.attachmentIds).toHaveLength(1);
    expect(api.discrepancies.map((d: { code: string }) => d.code)).toContain('incident-recorded');
    const after = await contractor.get(`/compliance-reports/${reportId}`);
    expect(after.html).not.toContain(`action="/compliance-reports/${reportId}/answer"`);
    expect(textOf(after.html)).toContain('規程.pdf');
  });

  it('serves the report as a PDF in the layout of 別紙5', async () => {
    const res = await t.app.request(`/compliance-reports/${reportId}/pdf`, {
      headers: { cookie: [...contractor.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = (await pdfText(new Uint8Array(await res.arrayBuffer()))).text.replace(/\s/g, '');
    expect(text).toContain('個人情報特記事項の遵守に関する報告書');
  });
});

describe('what others may not see or do', () => {
  it('answers 404 to another company and to the council reviewer, and writes nothing', async () => {
    const other = await pageClient(t, USERS.other_contractor_manager!.email);
    expect((await other.get(`/compliance-reports/${reportId}`)).status).toBe(404);
    expect((await other.get(`/compliance-reports/${reportId}/pdf`)).status).toBe(404);
    const council = await pageClient(t, USERS.council_reviewer!.email);
    expect((await council.get(`/compliance-reports/${reportId}`)).status).toBe(404);
    for (const client of [other, council]) {
      const res = await client.upload(
        `/compliance-reports/${reportId}/answer`,
        upload({ version: '1', command: 'save', 'q1.answer': 'yes' }, {}),
      );
      expect(res.status).toBe(404);
      expect((await client.post(`/compliance-reports/${reportId}/receive`, { version: '1' })).status).toBe(
        404,
      );
    }
    const councilList = await council.get('/compliance-reports');
    expect(councilList.html).not.toContain(reportId);
    const menu = councilList.html.match(/<nav class="site-nav"[\s\S]*?<\/nav>/)![0];
    expect(menu).not.toContain('href="/compliance-reports"');
    expect(menu).toContain('href="/summaries"');
  });

  it('refuses the contractor’s attempt to take the ward’s steps', async () => {
    const page = await contractor.get(`/compliance-reports/${reportId}`);
    expect(page.html).not.toContain('受け付ける（受付）');
    const res = await contractor.post(`/compliance-reports/${reportId}/receive`, { version: '3' });
    expect(res.status).toBe(403);
  });
});

describe('the ward receives and signs off', () => {
  it('lists reports received by status and shows the discrepancies on the report', async () => {
    const dash = await officer.get('/');
    expect(dash.html).toMatch(
      new RegExp(`id="panel-reports-received"[\\s\\S]*?/compliance-reports/${reportId}`),
    );
    const list = await officer.get('/compliance-reports?status=submitted&only=discrepancies');
    expect(list.html).toContain(`/compliance-reports/${reportId}`);
    const none = await officer.get('/compliance-reports?status=signed_off');
    expect(none.html).not.toContain(`/compliance-reports/${reportId}`);
    const page = await officer.get(`/compliance-reports/${reportId}`);
    const text = textOf(page.html);
    expect(text).toContain('記録との相違');
    expect(text).toContain('期間中に事故報告が1件記録されています');
    expect(text).toContain('受け付ける（受付）');
    expect(text).toContain('差し戻す');
    expect(text).not.toContain('決裁する');
  });

  it('returns it with a comment; the contractor sees why and answers again', async () => {
    const page = await officer.get(`/compliance-reports/${reportId}`);
    const res = await officer.post(`/compliance-reports/${reportId}/return`, {
      version: version(page.html),
      comment: '事故の有無を記録に合わせて回答してください',
    });
    expect(res.status).toBe(303);
    const back = await contractor.get(`/compliance-reports/${reportId}`);
    expect(textOf(back.html)).toContain('事故の有無を記録に合わせて回答してください');
    expect(back.html).toMatch(/name="q1\.answer" value="no" checked/);
    expect(back.html).toMatch(/name="q2\.keep" value="[0-9a-f-]{36}" checked/);
    const saved = expectStatus(
      await t.call('GET', `/api/v1/compliance-reports/${reportId}`, { token: w.tokens.contractor_manager }),
      200,
    );
    const form: Record<string, string | string[]> = {
      version: version(back.html),
      command: 'submit',
      'q1.answer': 'yes',
      'q1.text': '6月に返還通知を誤送付（3件）',
      'q2.answer': 'yes',
      'q2.keep': saved.answers.q2.attachmentIds,
      'q3.answer': 'yes',
      'q3.useHandlerList': 'on',
      'q4.answer': 'yes',
      'q4.text': saved.answers.q4.text,
      'q5.answer': 'yes',
      'q5.keep': saved.answers.q5.attachmentIds,
      'q6.answer': 'yes',
      'q7.answer': 'yes',
      'q8.answer': 'yes',
      'q8.text': saved.answers.q8.text,
      'q9.answer': 'yes',
    };
    const res2 = await contractor.upload(`/compliance-reports/${reportId}/answer`, upload(form, {}));
    expect(res2.status).toBe(303);
  });

  it('is received, then signed in order; a signer out of turn is refused on the page', async () => {
    let page = await officer.get(`/compliance-reports/${reportId}`);
    expect(textOf(page.html)).not.toContain('期間中に事故報告が1件記録されています');
    expect(
      (await officer.post(`/compliance-reports/${reportId}/receive`, { version: version(page.html) })).status,
    ).toBe(303);
    const received = version((await officer.get(`/compliance-reports/${reportId}`)).html);
    const manager = await pageClient(t, USERS.ward_manager!.email);
    page = await manager.get(`/compliance-reports/${reportId}`);
    expect(textOf(page.html)).not.toContain('決裁する');
    const early = await manager.post(`/compliance-reports/${reportId}/sign`, { version: received });
    expect(early.status).toBe(409);
    expect(textOf(early.html)).toContain('担当者の決裁待ちです');
    const chief = await pageClient(t, USERS.ward_chief!.email);
    for (const signer of [officer, chief, manager]) {
      page = await signer.get(`/compliance-reports/${reportId}`);
      expect(textOf(page.html)).toContain('決裁する');
      expect(
        (await signer.post(`/compliance-reports/${reportId}/sign`, { version: version(page.html) })).status,
      ).toBe(303);
    }
    page = await officer.get(`/compliance-reports/${reportId}`);
    expect(textOf(page.html)).toContain('決裁完了');
    expect(page.html.match(/class="signed"/g)).toHaveLength(3);
    expect(await countReportRows()).toBe(1);
  });

  it('shows a stale page’s step as a conflict and changes nothing', async () => {
    const res = await officer.post(`/compliance-reports/${reportId}/sign`, { version: '1' });
    expect(res.status).toBe(409);
    expect(await countReportRows()).toBe(1);
  });
});

describe('the list of reports: sorted in SQL, filtered, and as CSV', () => {
  it('sorts and filters the reports the viewer may read, and exports them with dates Excel reads', async () => {
    const list = await contractor.get('/compliance-reports?sort=dueOn&dir=desc');
    expect(list.status).toBe(200);
    expect(list.html).toContain('aria-sort="descending"');
    expect(list.html).toContain('<table class="cards">');
    expect(list.html).toContain('data-label="提出期限"');
    expect(list.html).toContain('href="/compliance-reports/export.csv?sort=dueOn&amp;dir=desc"');

    const rows = readCsv(await contractor.get('/compliance-reports/export.csv?sort=status&dir=asc'));
    expect(rows[0]).toEqual(['契約', '報告者', '対象期間', '提出期限', '期限超過', '状態', '記録との相違']);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows.slice(1)) {
      expect(r[2]).toBe('令和8年度 上期（4月〜9月）');
      expect(r[3]).toMatch(CSV_DATE);
    }
    const titles = rows.slice(1).map((r) => r[0]);
    expect(titles).toContain('自転車対策コールセンター運営業務');

    const words = encodeURIComponent('コールセンター');
    const found = readCsv(await contractor.get(`/compliance-reports/export.csv?q=${words}`));
    expect(found.slice(1).map((r) => r[0])).toEqual(['自転車対策コールセンター運営業務']);
    const listed = (await contractor.get(`/compliance-reports?q=${words}`)).html;
    const body = /<tbody>[\s\S]*<\/tbody>/.exec(listed)![0];
    expect(body).toContain('自転車対策コールセンター運営業務');
    expect(body).not.toContain('株式会社サイクルサポート東京');
    // the period and flags filters travel to the CSV as they do to the page
    expect(readCsv(await contractor.get('/compliance-reports/export.csv?period=2025H2'))).toHaveLength(1);

    for (const who of ['other_contractor_manager', 'council_reviewer']) {
      const theirs = await pageClient(t, USERS[who]!.email);
      expect(readCsv(await theirs.get('/compliance-reports/export.csv'))).toHaveLength(1);
    }
    expect((await contractor.get('/compliance-reports?sort=dueOn&dir=asc&cursor=forged')).status).toBe(422);
  });
});
