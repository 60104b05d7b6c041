import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// The coverage pages and the review page through app.request: /controls with its CSV (UTF-8 with
// BOM, Japanese headings, Japan time), a contract's coverage, the review cycle form with its
// refusals. A company sees none of it, not even the links.

type Client = Awaited<ReturnType<typeof pageClient>>;
let t: TestApp;
let w: World;
const clients: Record<string, Client> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  for (const who of ['ward_officer', 'inspector', 'contractor_manager', 'other_ward_officer'])
    clients[who] = await pageClient(t, USERS[who]!.email);
});
afterAll(() => t.close());

describe('the municipality’s coverage page', () => {
  it('totals each control and lists the contracts, in the menu of its staff only', async () => {
    const page = await clients.ward_officer!.get('/controls');
    expect(page.status).toBe(200);
    const words = textOf(page.html);
    expect(words).toContain('統制項目の充足状況');
    expect(words).toContain('総合自転車対策業務一括委託');
    expect(words).toContain('iso-a5.22');
    expect(page.html).toContain(`/contracts/${w.bicycleContractId}/controls`);
    expect(page.html).toContain('href="/controls"');
    const company = await clients.contractor_manager!.get('/controls');
    expect(company.status).toBe(403);
    expect((await clients.contractor_manager!.get('/')).html).not.toContain('href="/controls"');
  });

  it('speaks of a city as 市, and shows it only its own contracts', async () => {
    const city = await pageClient(t, 'officer@city.nankoku.example.jp');
    const page = await city.get('/controls');
    expect(page.status).toBe(200);
    const words = textOf(page.html);
    expect(words).toContain('市が監査で問われる統制項目');
    expect(words).not.toContain('区が監査');
    expect(words).not.toContain('総合自転車対策業務一括委託');
  });

  it('exports a CSV for Excel: BOM, Japanese headings, one row per contract and control, Japan time', async () => {
    const csv = await clients.ward_officer!.get('/controls/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.html.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      '"契約番号","件名","契約の状態","統制項目ID","統制項目","出典","節","判定","証跡の内訳","対応表の版","集計日時"',
    );
    const bicycle = lines.filter((l) => l.includes('総合自転車対策業務一括委託'));
    expect(bicycle).toHaveLength(12);
    const inspection = bicycle.find((l) => l.includes('"mic-8.1-3"'))!;
    expect(inspection).toContain('"証跡なし"');
    expect(inspection).toContain('"履行中"');
    // the test clock stands at 2026-11-22 01:00 UTC: 10:00 in Japan
    expect(inspection).toContain('"2026/11/22 10:00"');
    expect((await clients.contractor_manager!.get('/controls/export.csv')).status).toBe(403);
  });
});

describe('a contract’s coverage and review pages', () => {
  it('links them from the contract page for the municipality, not for its contractor', async () => {
    const officer = await clients.ward_officer!.get(`/contracts/${w.bicycleContractId}`);
    expect(officer.html).toContain(`/contracts/${w.bicycleContractId}/controls`);
    expect(officer.html).toContain(`/contracts/${w.bicycleContractId}/review`);
    const contractor = await clients.contractor_manager!.get(`/contracts/${w.bicycleContractId}`);
    expect(contractor.status).toBe(200);
    expect(contractor.html).not.toContain(`/contracts/${w.bicycleContractId}/controls`);
    expect((await clients.contractor_manager!.get(`/contracts/${w.bicycleContractId}/controls`)).status).toBe(
      403,
    );
    expect((await clients.other_ward_officer!.get(`/contracts/${w.bicycleContractId}/controls`)).status).toBe(
      404,
    );
  });

  it('shows each control with its source and the figures behind it', async () => {
    const page = await clients.inspector!.get(`/contracts/${w.bicycleContractId}/controls`);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/data-control="appi-67" data-status="met"/);
    expect(page.html).toMatch(/data-control="mic-8.1-3" data-status="none"/);
    const words = textOf(page.html);
    expect(words).toContain('個人情報の保護に関する法律');
    expect(words).toContain('A.5.21 Managing information security in the ICT supply chain');
    expect(words).toContain('3／3');
  });

  it('sets the review cycle from the form, refusing what is not 1–60 months', async () => {
    const path = `/contracts/${w.bicycleContractId}/review`;
    const page = await clients.ward_officer!.get(path);
    expect(textOf(page.html)).toContain('定めなし');
    const bad = await clients.ward_officer!.post(`${path}/cycle`, { months: '0', version: '0' });
    expect(bad.status).toBe(422);
    expect(textOf(bad.html)).toContain('1〜60');
    const done = await clients.ward_officer!.post(`${path}/cycle`, { months: '6', version: '0' });
    expect(done.status).toBe(303);
    const after = await clients.ward_officer!.get(path);
    expect(textOf(after.html)).toContain('6か月ごと');
    expect(textOf(after.html)).toContain('見直し待ち');
    const stale = await clients.ward_officer!.post(`${path}/cycle`, { months: '3', version: '0' });
    expect(stale.status).toBe(409);
    // the inspector reads the page but has no form
    const inspector = await clients.inspector!.get(path);
    expect(inspector.status).toBe(200);
    expect(inspector.html).not.toContain('/review/cycle');
    expect((await clients.inspector!.post(`${path}/cycle`, { months: '3', version: '1' })).status).toBe(403);
    expect((await clients.contractor_manager!.get(path)).status).toBe(403);
  });
});
