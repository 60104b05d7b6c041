import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreApplication, signOff, step } from '../../../test/helpers/approvals.js';
import { pageClient } from '../../../test/helpers/browser.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';
import { runDailyJobs } from '../../jobs/daily-jobs.js';
import type { CouncilReportContent } from '../council/council-report-content.js';
import { discrepanciesOf } from '../reports/report-facts.js';

// What the reports read from a company's certifications: 別紙5's question (2) prefilled with the
// P-mark's copy as it stood at the period's end, a "yes" contradicted by an expired one, and seed
// 003's council report item naming the P-mark of 委託先 and 再委託先 from their records.

let t: TestApp;
let w: World;
const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
const silent = { info: () => {}, error: () => {} };

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-05-01T01:00:00Z');
  w = await buildWorld(t);
});
afterAll(() => t.close());

async function record(who: string, orgId: string, json: Record<string, unknown>) {
  return expectStatus(
    await t.call('POST', `/api/v1/organisations/${orgId}/certifications`, { token: w.tokens[who], json }),
    201,
  );
}

async function copyOf(who: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'Pマーク登録証.pdf');
  form.append('purpose', 'pmark_certificate');
  return expectStatus(await t.call('POST', '/api/v1/attachments', { token: w.tokens[who], body: form }), 201)
    .id;
}

describe('certifications in the reports', () => {
  let copy: string;
  let report: any;

  it('names the P-mark of the contractor and the sub-contractor in the council report item', async () => {
    copy = await copyOf('contractor_manager');
    await record('contractor_manager', w.companies.contractor, {
      kind: 'privacy_mark',
      number: '第10823456(03)号',
      issuer: 'JIPDEC',
      validUntil: '2027-08-31',
      attachmentId: copy,
    });
    // the sub-contractor's P-mark, and an ISMS that has already expired (not named)
    await record('subcontractor_manager', w.companies.subcontractor, {
      kind: 'privacy_mark',
      number: '第20001234(01)号',
      issuer: 'JIPDEC',
      validUntil: '2028-03-31',
    });
    await record('subcontractor_manager', w.companies.subcontractor, {
      kind: 'isms',
      number: 'JQA-IM1234',
      issuer: 'JQA',
      validUntil: '2026-04-30',
    });
    let a = expectStatus(
      await t.call('POST', `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`, {
        token: w.tokens.contractor_manager,
        json: callCentreApplication(w),
      }),
      201,
    );
    a = expectStatus(await step(t, w, 'contractor_manager', a, 'submit'), 200);
    a = await signOff(t, w, a);
    const item = await t.handle.db
      .selectFrom('council_report_items')
      .select('content')
      .where('approval_id', '=', a.id)
      .executeTakeFirstOrThrow();
    const content = item.content as unknown as CouncilReportContent;
    expect(content.contractor).toMatchObject({
      certifications: ['pmark'],
      privacyMark: { number: '第10823456(03)号', validUntil: '2027-08-31' },
    });
    expect(content.subcontractor).toMatchObject({
      name: '株式会社コールセンター・ジャパン',
      certifications: ['pmark'],
      privacyMark: { number: '第20001234(01)号' },
    });
  });

  it('prefills 別紙5 (2) with the P-mark in force at the period’s end and its copy', async () => {
    t.clock.set('2026-09-30T15:10:00Z'); // 00:10 on 1 October in Tokyo: 2026H1 is issued
    await runDailyJobs({ db: t.handle.db, now: t.clock.now, logger: silent });
    w.tokens.contractor_manager = await signIn(t, USERS.contractor_manager!.email);
    const list = expectStatus(
      await t.call('GET', '/api/v1/compliance-reports?period=2026H1', { token: w.tokens.contractor_manager }),
      200,
    );
    const own = list.items.find(
      (r: { organisationId: string }) => r.organisationId === w.companies.contractor,
    );
    report = expectStatus(
      await t.call('GET', `/api/v1/compliance-reports/${own.id}`, { token: w.tokens.contractor_manager }),
      200,
    );
    expect(report.prefill.q2).toEqual({ answer: 'yes', attachmentIds: [copy] });
    expect(report.prefill.facts.certifications).toEqual([
      expect.objectContaining({ kind: 'privacy_mark', standing: 'valid', attachmentId: copy }),
    ]);
  });

  it('lets the ward open the submitted answer’s P-mark copy through the certification', async () => {
    const answers = {
      q1: { answer: 'no' },
      q2: report.prefill.q2,
      q3: { answer: 'yes', useHandlerList: true },
      q4: { answer: 'no' },
      q5: { answer: 'no' },
      q6: { answer: 'no' },
      q9: { answer: 'yes' },
    };
    expectStatus(
      await t.call('POST', `/api/v1/compliance-reports/${report.id}/submit`, {
        token: w.tokens.contractor_manager,
        json: { version: report.version, answers },
      }),
      200,
    );
    const officer = await pageClient(t, USERS.ward_officer!.email);
    const page = await officer.get(`/compliance-reports/${report.id}`);
    expect(page.status).toBe(200);
    const link = page.html.match(/href="(\/companies\/[^"]+\/copy)"/)?.[1];
    expect(link).toContain(`/companies/${w.companies.contractor}/certifications/`);
    const file = await officer.get(link!);
    expect([file.status, file.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(file.bytes).toEqual(PDF);
  });

  it('contradicts a "yes" to (2) when the only certifications recorded had expired by the period’s end', () => {
    const facts = {
      incidents: 0,
      approvedSubcontracts: 0,
      handlerList: 'acknowledged' as const,
      handlersWithoutPledge: [],
      trainings: [],
      certifications: [
        {
          kind: 'isms' as const,
          number: 'JQA-IM1234',
          validUntil: '2026-04-30',
          standing: 'expired' as const,
          attachmentId: null,
          certificationId: 'x',
        },
      ],
    };
    expect(discrepanciesOf({ q2: { answer: 'yes' } }, facts).map((d) => d.code)).toEqual([
      'certification-expired',
    ]);
    expect(discrepanciesOf({ q2: { answer: 'no' } }, facts)).toEqual([]);
    const held = { ...facts, certifications: [{ ...facts.certifications[0]!, standing: 'valid' as const }] };
    expect(discrepanciesOf({ q2: { answer: 'yes' } }, held)).toEqual([]);
  });
});
