import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// 事業者のリスク区分 in the pages: the list sorted in SQL, with its CSV; a company's page explains
// every point; the menu offers it to the municipality's staff only; a company gets a 404.

describe('pages: company standing (リスク区分)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('lists the companies with tier and reasons, sorts by name both ways, and exports the same rows', async () => {
    const officer = await pageClient(t, USERS.ward_officer!.email);
    const page = await officer.get('/companies');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('事業者のリスク区分');
    expect(text).toContain('区の記録'); // the municipality's own word
    expect(text).toContain('判定規則 2026-12-08 版');
    expect(page.html).toContain('href="/companies"'); // in the menu
    const names = (html: string) =>
      [...html.matchAll(/<a href="\/companies\/[0-9a-f-]{36}">([^<]+)<\/a>/g)].map((m) => m[1]);
    const asc = names((await officer.get('/companies?sort=name&dir=asc')).html);
    const desc = names((await officer.get('/companies?sort=name&dir=desc')).html);
    expect(asc.length).toBeGreaterThan(1);
    expect(desc).toEqual([...asc].reverse());
    const csv = await officer.get('/companies/export.csv?sort=name&dir=asc');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(csv.bytes).trim().split(/\r?\n/);
    expect(lines[0]).toContain('リスク区分');
    expect(lines.slice(1).map((l) => l.split(',')[0]!.replace(/"/g, ''))).toEqual(asc);
  });

  it("explains one company's tier factor by factor", async () => {
    const chief = await pageClient(t, USERS.ward_chief!.email);
    const page = await chief.get(`/companies/${w.companies.contractor}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toMatch(/合計 \d+ 点：区分 [ABC]/);
    for (const factor of [
      '期限を過ぎた指摘事項',
      '直近1年の事故報告',
      '再委託の深さ',
      '要配慮個人情報・特定個人情報の取扱い',
    ])
      expect(text).toContain(factor);
  });

  it('answers 404 to a company and to another ward, and hides the menu entry from companies', async () => {
    const contractor = await pageClient(t, USERS.contractor_manager!.email);
    expect((await contractor.get(`/companies/${w.companies.contractor}`)).status).toBe(404);
    expect((await contractor.get('/')).html).not.toContain('href="/companies"');
    const other = await pageClient(t, USERS.other_ward_officer!.email);
    expect((await other.get(`/companies/${w.companies.contractor}`)).status).toBe(404);
    expect((await other.get('/companies/not-an-id')).status).toBe(404);
  });
});
