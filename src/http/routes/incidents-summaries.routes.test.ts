import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreApplication, signOff, step } from '../../../test/helpers/approvals.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { startSubcontract } from '../../../test/helpers/handover.js';
import { expectListViews } from '../../../test/helpers/list-views.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';
import { runDailyJobs } from '../../jobs/daily-jobs.js';

// An incident at the sub-contractor reaches the ward at once; the council reviewers' summary
// counts exactly what the records hold.

let t: TestApp;
let w: World;
let subContractId: string;
let tokens: Record<string, string> = {};
const call = (who: string, method: string, path: string, json?: unknown) =>
  t.call(method, path, { token: tokens[who], json });

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  tokens = w.tokens;
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
});
afterAll(() => t.close());

describe('an incident at the sub-contractor', () => {
  let incident: any;

  it('reaches the ward and the contractor at once, and nobody else', async () => {
    incident = expectStatus(
      await call('subcontractor_staff', 'POST', '/api/v1/incidents', {
        contractId: subContractId,
        information: '問合せ者の氏名・電話番号',
        recordCount: 12,
        location: 'コールセンター（東池袋）',
        circumstances: '通話記録の一覧を誤ってメールで社外に送信した',
        discoveredAt: '2026-11-21T09:30:00+09:00',
      }),
      201,
    );
    expect(incident).toMatchObject({ status: 'reported', reportingOrgId: w.companies.subcontractor });
    for (const who of ['ward_officer', 'contractor_manager', 'subcontractor_manager']) {
      expect((await call(who, 'GET', `/api/v1/incidents/${incident.id}`)).status, who).toBe(200);
    }
    for (const who of ['other_contractor_manager', 'other_ward_officer', 'council_reviewer']) {
      expect((await call(who, 'GET', `/api/v1/incidents/${incident.id}`)).status, who).toBe(404);
    }
    for (const who of ['ward_officer', 'ward_manager', 'contractor_manager']) {
      const mine = expectStatus(await call(who, 'GET', '/api/v1/notifications'), 200);
      expect(
        mine.items.some((n: { subjectId: string }) => n.subjectId === incident.id),
        who,
      ).toBe(true);
    }
    const other = expectStatus(await call('other_contractor_manager', 'GET', '/api/v1/notifications'), 200);
    expect(other.items).toEqual([]);
  });

  it('refuses a report on a contract the organisation is not party to, and a discovery in the future', async () => {
    const base = {
      information: 'x',
      location: 'x',
      circumstances: 'x',
      discoveredAt: '2026-11-21T00:00:00Z',
    };
    expect(
      (
        await call('other_contractor_manager', 'POST', '/api/v1/incidents', {
          ...base,
          contractId: w.bicycleContractId,
        })
      ).status,
    ).toBe(404);
    expect(
      (await call('ward_officer', 'POST', '/api/v1/incidents', { ...base, contractId: w.bicycleContractId }))
        .status,
    ).toBe(403);
    const future = await call('contractor_manager', 'POST', '/api/v1/incidents', {
      ...base,
      contractId: w.bicycleContractId,
      discoveredAt: '2027-01-01T00:00:00Z',
    });
    expect(future.status).toBe(422);
  });

  it('is instructed, answered, signed off and closed; publication is recorded', async () => {
    expect(
      (
        await call('subcontractor_manager', 'POST', `/api/v1/incidents/${incident.id}/respond`, {
          version: incident.version,
          response: 'x',
          rootCause: 'x',
          prevention: 'x',
        })
      ).status,
    ).toBe(409);
    incident = expectStatus(
      await call('ward_officer', 'POST', `/api/v1/incidents/${incident.id}/instruct`, {
        version: incident.version,
        instructions: '送信先に削除を依頼し、本人へ通知すること',
      }),
      200,
    );
    expect(
      (
        await call('subcontractor_manager', 'POST', `/api/v1/incidents/${incident.id}/respond`, {
          version: incident.version,
          response: '削除を確認',
        })
      ).status,
    ).toBe(422);
    incident = expectStatus(
      await call('subcontractor_manager', 'POST', `/api/v1/incidents/${incident.id}/respond`, {
        version: incident.version,
        response: '送信先での削除を確認し、本人12名へ謝罪の連絡をした',
        rootCause: '宛先の確認手順がなかった',
        prevention: '社外送信時の二重確認を義務化',
      }),
      200,
    );
    for (const who of ['ward_officer', 'ward_chief', 'ward_manager']) {
      incident = expectStatus(
        await call(who, 'POST', `/api/v1/incidents/${incident.id}/sign`, { version: incident.version }),
        200,
      );
    }
    expect(incident.status).toBe('closed');
    incident = expectStatus(
      await call('ward_officer', 'POST', `/api/v1/incidents/${incident.id}/publish`, {
        version: incident.version,
        publishedOn: '2026-11-22',
      }),
      200,
    );
    expect(incident).toMatchObject({ published: true, publishedOn: '2026-11-22' });
  });

  it('lists compact incidents by default and whole ones with view=full, to the same people', async () => {
    const views = await expectListViews(t, {
      path: '/api/v1/incidents',
      tokens: [
        'ward_officer',
        'ward_manager',
        'contractor_manager',
        'subcontractor_staff',
        'other_contractor_manager',
        'council_reviewer',
      ].map((who) => tokens[who]!),
      same: [
        'status',
        'information',
        'location',
        'recordCount',
        'reportingOrgId',
        'contractId',
        'discoveredAt',
        'reportedAt',
        'published',
        'publishedOn',
        'chain',
        'step',
        'closedAt',
        'version',
      ],
      dropped: ['circumstances', 'wardInstructions', 'response', 'rootCause', 'prevention'],
      detail: (id) => `/api/v1/incidents/${id}`,
    });
    const [officer, , , , outsider, council] = views;
    expect(officer!.compact.map((i) => i.id)).toContain(incident.id);
    const item = officer!.compact.find((i) => i.id === incident.id)!;
    // whether a breach report is due stays in the list; the questions' answers do not
    expect(item.breach).toEqual({
      required: incident.breach.required,
      preliminaryDueOn: incident.breach.preliminaryDueOn,
      finalDueOn: incident.breach.finalDueOn,
      preliminarySentOn: incident.breach.preliminarySentOn,
      finalSentOn: incident.breach.finalSentOn,
    });
    expect(outsider!.full).toEqual([]);
    expect(council!.full).toEqual([]);
  });
});

describe('the council summary', () => {
  it('counts what the records hold, for the ward and fiscal year, and by department', async () => {
    t.clock.set('2026-10-01T01:00:00Z');
    await runDailyJobs({ db: t.handle.db, now: t.clock.now, logger: { info: () => {}, error: () => {} } });
    t.clock.set('2026-11-22T02:00:00Z');
    for (const [key, { email }] of Object.entries(USERS)) tokens[key] = await signIn(t, email);

    const summary = expectStatus(
      await call('council_reviewer', 'GET', '/api/v1/summaries?fiscalYear=2026'),
      200,
    );
    const figure = (key: string) => summary.figures.find((f: { key: string }) => f.key === key)?.value;
    expect(summary).toMatchObject({ wardName: '新宿区', fiscalYearLabel: '令和8年度', department: null });
    expect(figure('contracts_with_personal_info')).toBe(1);
    expect(figure('subcontracts_approved')).toBe(1);
    expect(figure('subcontracts_revoked')).toBe(0);
    expect(figure('council_items')).toBe(2);
    // the contractor's for April–September; the call centre starts on the day it is applied for
    // (a sub-contract may not start before its approval), after that half-year
    expect(figure('reports_issued')).toBe(1);
    expect(figure('reports_received')).toBe(0);
    expect(figure('reports_overdue')).toBe(1);
    expect(figure('incidents')).toBe(1);
    expect(figure('incidents_open')).toBe(0);
    expect(figure('incidents_published')).toBe(1);
    // the contractor and the approved sub-contractor still await this year's inspection
    expect(figure('inspections_done')).toBe(0);
    expect((figure('inspections_due') ?? 0) + (figure('inspections_overdue') ?? 0)).toBe(2);
    expect(figure('findings_open')).toBe(0);
    expect(summary.contracts).toEqual([
      expect.objectContaining({
        title: '総合自転車対策業務一括委託',
        department: '交通対策課',
        subcontracts: 1,
      }),
    ]);
    expect(JSON.stringify(summary)).not.toContain('問合せ者の氏名');

    const other = expectStatus(
      await call(
        'council_reviewer',
        'GET',
        `/api/v1/summaries?fiscalYear=2026&departmentId=${w.departments.区民相談課}`,
      ),
      200,
    );
    expect(other.figures.every((f: { value: number }) => f.value === 0)).toBe(true);
    expect(
      (await call('council_reviewer', 'GET', '/api/v1/summaries?fiscalYear=2025')).body.figures.every(
        (f: { value: number }) => f.value === 0,
      ),
    ).toBe(true);
  });

  it('downloads as CSV for Excel and as a Japanese PDF; other wards and companies get nothing', async () => {
    const csv = await t.app.request('/api/v1/summaries?fiscalYear=2026&format=csv', {
      headers: { authorization: `Bearer ${tokens.council_reviewer}` },
    });
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('"個人情報を取り扱う委託契約","Contracts handling personal information","1"');
    expect(text).toContain(
      '"総合自転車対策業務一括委託","交通対策課","株式会社サイクルサポート東京","履行中"',
    );

    const pdf = await t.app.request('/api/v1/summaries?fiscalYear=2026&format=pdf', {
      headers: { authorization: `Bearer ${tokens.council_reviewer}` },
    });
    const pdfBytes = new Uint8Array(await pdf.arrayBuffer());
    if (process.env.KEEP_PDFS) await writeFile(`${process.env.KEEP_PDFS}/council-summary.pdf`, pdfBytes);
    const pdfString = (await pdfText(pdfBytes)).text.replace(/\s/g, '');
    expect(pdfString).toContain('個人情報を取り扱う業務委託の状況（令和8年度）');
    expect(pdfString).toContain('総合自転車対策業務一括委託');

    expect(
      (await call('other_ward_officer', 'GET', `/api/v1/summaries?fiscalYear=2026&wardId=${w.wardId}`))
        .status,
    ).toBe(404);
    expect(
      (await call('contractor_manager', 'GET', `/api/v1/summaries?fiscalYear=2026&wardId=${w.wardId}`))
        .status,
    ).toBe(404);
    expect((await call('council_reviewer', 'GET', '/api/v1/summaries?fiscalYear=abc')).status).toBe(422);
  });
});
