import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAbilityFor } from '../../policies/app-ability.js';
import { pageClient } from '../../test/helpers/browser.js';
import { expectStatus } from '../../test/helpers/contracts.js';
import { plan } from '../../test/helpers/inspections.js';
import { pdfText } from '../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../test/helpers/world.js';
import { actorQuery, toActor } from '../domain/auth/load-actor.js';
import { readCouncilReport } from '../domain/council/read-council-report.js';
import { readInspectionRecord } from '../domain/inspections/read-inspection-record.js';
import { readMonitoringDocument } from '../domain/monitoring/read-monitoring-document.js';
import { readComplianceReportForm } from '../domain/reports/read-compliance-report-form.js';
import type { UseCaseContext } from '../domain/shared/context.js';
import { NotFoundError } from '../domain/shared/errors.js';
import { runDailyJobs } from '../jobs/daily-jobs.js';

// The documents through their one path (pdf-documents.ts): the API route and the page call the same
// domain read, whose ability check answers a record the viewer may not read with a 404 exactly like
// a missing one, and the same drawing. The reads are also called directly: they return plain data
// (what JSON carries), and refuse the same viewers.

let t: TestApp;
let w: World;
const ids = { inspection: '', councilItem: '', report: '', monitoring: '' };
const MISSING = '00000000-0000-4000-8000-000000000000';

/** A use-case context for a demo user, as the authentication middleware builds it. */
async function contextOf(who: keyof typeof USERS): Promise<UseCaseContext> {
  const row = await actorQuery(t.handle.db)
    .where('users.email', '=', USERS[who]!.email)
    .executeTakeFirstOrThrow();
  const actor = toActor(row);
  return { db: t.handle.db, actor, ability: defineAbilityFor(actor), requestId: null, now: t.clock.now };
}

async function apiPdf(path: string, who: string) {
  const res = await t.app.request(path, { headers: { authorization: `Bearer ${w.tokens[who]}` } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function pagePdf(path: string, who: keyof typeof USERS) {
  const client = await pageClient(t, USERS[who]!.email);
  const res = await t.app.request(path, {
    headers: { cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const flat = async (bytes: Uint8Array) => (await pdfText(bytes)).text.replace(/\s/g, '');

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  ids.inspection = expectStatus(
    await plan(t, w, { contractId: w.bicycleContractId, assistantIds: [w.userIds.ward_officer] }),
    201,
  ).id;
  const items = expectStatus(
    await t.call('GET', '/api/v1/council/report-items', { token: w.tokens.ward_officer }),
    200,
  );
  ids.councilItem = items.items[0].id;
  // the clock stands in November 2026: the daily jobs issue the reports of April–September
  await runDailyJobs({ db: t.handle.db, now: t.clock.now, logger: { info: () => {}, error: () => {} } });
  const reports = expectStatus(
    await t.call('GET', '/api/v1/compliance-reports', { token: w.tokens.contractor_manager }),
    200,
  );
  ids.report = reports.items.find((r: { contractId: string }) => r.contractId === w.bicycleContractId).id;
  ids.monitoring = expectStatus(
    await t.call('POST', '/api/v1/inspections/monitoring', {
      token: w.tokens.inspector,
      json: {
        contractId: w.bicycleContractId,
        hearingOn: '2026-10-24',
        ratings: { c1: 'S', s1: 'A' },
        overall: '概ね順調に業務の遂行がなされている。',
      },
    }),
    201,
  ).id;
});
afterAll(() => t.close());

// Each document: its API path, its page path (where the pages offer it), a reader, the viewers who
// may not read it, and words the PDF must show.
const documents = [
  {
    name: 'the inspection record',
    api: () => `/api/v1/inspections/${ids.inspection}/pdf`,
    page: () => `/inspections/${ids.inspection}/pdf`,
    reader: 'inspector',
    strangers: ['council_reviewer', 'other_contractor_manager', 'other_ward_officer'],
    shows: ['総合自転車対策業務一括委託', '株式会社サイクルサポート東京（受託者）', '新宿区'],
  },
  {
    name: 'the council report item',
    api: () => `/api/v1/council/report-items/${ids.councilItem}/pdf`,
    page: () => `/council/items/${ids.councilItem}/pdf`,
    reader: 'council_reviewer',
    strangers: ['contractor_manager', 'other_ward_officer'],
    shows: ['総合自転車対策業務一括委託', '交通対策課', '株式会社サイクルサポート東京'],
  },
  {
    name: 'the compliance report (別紙5)',
    api: () => `/api/v1/compliance-reports/${ids.report}/pdf`,
    page: () => `/compliance-reports/${ids.report}/pdf`,
    reader: 'contractor_manager',
    strangers: [
      'council_reviewer',
      'other_contractor_manager',
      'subcontractor_manager',
      'other_ward_officer',
    ],
    shows: ['個人情報特記事項の遵守に関する報告書', '新宿区長あて', '総合自転車対策業務一括委託'],
  },
] as const;

describe.each(documents)('$name', (doc) => {
  it('is the same document from the API and the page', async () => {
    const api = await apiPdf(doc.api(), doc.reader);
    const page = await pagePdf(doc.page(), doc.reader);
    for (const res of [api, page]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const text = await flat(res.bytes);
      for (const words of doc.shows) expect(text).toContain(words);
    }
    expect(api.headers.get('content-disposition')).toBe(page.headers.get('content-disposition'));
    expect(await flat(api.bytes)).toBe(await flat(page.bytes));
  });

  it('answers 404 to a viewer who may not read it, from the API and the page alike', async () => {
    for (const who of doc.strangers) {
      expect((await apiPdf(doc.api(), who)).status, `${who} via the API`).toBe(404);
      const page = await pagePdf(doc.page(), who);
      expect(page.status, `${who} via the page`).toBe(404);
      expect(page.headers.get('content-type')).not.toBe('application/pdf');
    }
    // exactly as a record that does not exist
    const missing = await apiPdf(doc.api().replace(/[0-9a-f-]{36}/, MISSING), doc.reader);
    const refused = await apiPdf(doc.api(), doc.strangers[0]);
    expect(missing.status).toBe(404);
    expect(JSON.parse(new TextDecoder().decode(refused.bytes)).type).toBe(
      JSON.parse(new TextDecoder().decode(missing.bytes)).type,
    );
  });
});

describe('the monitoring report (the API; the pages in monitoring/monitoring-pages.test.ts)', () => {
  it('is drawn for the ward and refused to the council reviewer and other companies', async () => {
    const res = await apiPdf(`/api/v1/inspections/monitoring/${ids.monitoring}/pdf`, 'ward_officer');
    expect(res.status).toBe(200);
    const text = await flat(res.bytes);
    expect(text).toContain('業務委託モニタリング報告書');
    expect(text).toContain('概ね順調に業務の遂行がなされている。');
    for (const who of ['council_reviewer', 'other_contractor_manager', 'other_ward_officer']) {
      expect((await apiPdf(`/api/v1/inspections/monitoring/${ids.monitoring}/pdf`, who)).status).toBe(404);
    }
  });
});

describe('the document reads', () => {
  /** Plain data: nothing but what JSON carries (no Date, no class, no function). */
  const expectPlain = (data: unknown) => expect(JSON.parse(JSON.stringify(data))).toStrictEqual(data);

  it('gather the inspection record', async () => {
    const data = await readInspectionRecord(await contextOf('inspector'), ids.inspection);
    expectPlain(data);
    expect(data.wardName).toBe('新宿区');
    expect(data.contract.title).toBe('総合自転車対策業務一括委託');
    expect(data.organisation).toEqual({ name: '株式会社サイクルサポート東京', role: '受託者' });
    expect(data.assistants).toHaveLength(1);
    expect(data.boxes.map((b) => b.label)).toEqual(data.inspection.template.signOffBoxes);
    expect(data.boxes.every((b) => b.on === null)).toBe(true);
    await expect(readInspectionRecord(await contextOf('council_reviewer'), ids.inspection)).rejects.toThrow(
      NotFoundError,
    );
  });

  it('gather the council report item', async () => {
    const data = await readCouncilReport(await contextOf('council_reviewer'), ids.councilItem);
    expectPlain(data);
    expect(data.wardName).toBe('新宿区');
    expect(data.title).toContain('総合自転車対策業務一括委託');
    await expect(readCouncilReport(await contextOf('contractor_manager'), ids.councilItem)).rejects.toThrow(
      NotFoundError,
    );
  });

  it('gather 別紙5', async () => {
    const data = await readComplianceReportForm(await contextOf('ward_officer'), ids.report);
    expectPlain(data);
    expect(data.wardName).toBe('新宿区');
    expect(data.contractor.name).toBe('株式会社サイクルサポート東京');
    expect(data.contract.title).toBe('総合自転車対策業務一括委託');
    expect([data.periodFrom, data.periodTo]).toEqual(['2026-04-01', '2026-09-30']);
    expect(data.stamps).toEqual(
      ['受付日', '課長', '係長', '担当者'].map((label) => ({ label, name: '', on: null })),
    );
    await expect(
      readComplianceReportForm(await contextOf('subcontractor_manager'), ids.report),
    ).rejects.toThrow(NotFoundError);
  });

  it('gather the monitoring report', async () => {
    const data = await readMonitoringDocument(await contextOf('inspector'), ids.monitoring);
    expectPlain(data);
    expect(data.contract.contractor).toBe('株式会社サイクルサポート東京');
    expect(data.contract.department).toBe('交通対策課');
    expect(data.report.hearingOn).toBe('2026-10-24');
    await expect(readMonitoringDocument(await contextOf('council_reviewer'), ids.monitoring)).rejects.toThrow(
      NotFoundError,
    );
  });
});
