import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVALS, callCentreApplication, step } from '../../../../test/helpers/approvals.js';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import { CONTRACTS, countRows, createContract, expectStatus } from '../../../../test/helpers/contracts.js';
import { CSV_INSTANT, readCsv } from '../../../../test/helpers/csv.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';
import { encodeCursor } from '../../../domain/shared/pagination.js';

// Approvals and the council through the pages: each signer's queue, the machine's refusals shown on
// the page, the sub-contracting form's refusals beside their fields, and the council's read-only view.

describe('pages: approvals, sub-contracting and the council', () => {
  let t: TestApp;
  let w: World;
  let approval: { id: string; version: number };
  const client = (who: string) => pageClient(t, USERS[who]!.email);
  const titleOf = '自転車対策コールセンター運営業務';

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    const applied = expectStatus(
      await t.call('POST', `${CONTRACTS}/${w.bicycleContractId}/subcontract-applications`, {
        token: w.tokens.contractor_manager,
        json: callCentreApplication(w),
      }),
      201,
    );
    approval = expectStatus(await step(t, w, 'contractor_manager', applied, 'submit'), 200);
  });
  afterAll(() => t.close());

  it('puts an application in the queue of the role whose step it awaits, and nobody else’s', async () => {
    const officer = await client('ward_officer');
    const chief = await client('ward_chief');
    expect(textOf((await officer.get('/approvals')).html)).toContain(titleOf);
    expect(textOf((await chief.get('/approvals')).html)).not.toContain(titleOf);
    expect(textOf((await chief.get('/approvals?view=all')).html)).toContain(titleOf);
    const page = await officer.get(`/approvals/${approval.id}`);
    expect(page.html).toContain(`formaction="/approvals/${approval.id}/start-review"`);
    expect(page.html).not.toContain(`formaction="/approvals/${approval.id}/approve"`);
    expect(
      (await officer.post(`/approvals/${approval.id}/start-review`, { version: String(approval.version) }))
        .status,
    ).toBe(303);
    expect(
      (await officer.post(`/approvals/${approval.id}/approve`, { version: String(approval.version + 1) }))
        .status,
    ).toBe(303);
    expect(textOf((await chief.get('/approvals')).html)).toContain(titleOf);
    expect(textOf((await officer.get('/approvals')).html)).not.toContain(titleOf);
  });

  it('shows the machine’s refusal on the page when a step is not the signer’s turn, and changes nothing', async () => {
    const manager = await client('ward_manager');
    const current = expectStatus(
      await t.call('GET', `${APPROVALS}/${approval.id}`, { token: w.tokens.ward_manager }),
      200,
    );
    expect((await manager.get(`/approvals/${approval.id}`)).html).not.toContain(`/${approval.id}/approve"`);
    const early = await manager.post(`/approvals/${approval.id}/approve`, {
      version: String(current.version),
    });
    expect(early.status).toBe(409);
    expect(textOf(early.html)).toContain('この段階は係長の決裁待ちです');
    const chief = await client('ward_chief');
    const stale = await chief.post(`/approvals/${approval.id}/approve`, {
      version: String(current.version - 1),
    });
    expect(stale.status).toBe(409);
    const after = expectStatus(
      await t.call('GET', `${APPROVALS}/${approval.id}`, { token: w.tokens.ward_manager }),
      200,
    );
    expect(after).toMatchObject({ status: 'under_review', step: 1, version: current.version });
  });

  it('shows the applicant its application beside the parent register, without signing buttons', async () => {
    const contractor = await client('contractor_manager');
    const page = await contractor.get(`/approvals/${approval.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('class="picked"');
    expect(page.html).not.toMatch(/action="\/approvals\/[^"]+\/(approve|reject|send-back)"/);
    expect(page.html).not.toContain('formaction');
    expect((await contractor.post(`/approvals/${approval.id}/approve`, { version: '1' })).status).toBe(403);
    const other = await client('other_contractor_manager');
    expect((await other.get(`/approvals/${approval.id}`)).status).toBe(404);
  });

  it('refuses a sub-contracting application field by field, keeping the choices made', async () => {
    const contractor = await client('contractor_manager');
    const path = `/contracts/${w.bicycleContractId}/subcontract/new`;
    const page = (await contractor.get(path)).html;
    // the companies it works with are offered by name (the call centre, since its application);
    // any other company is named by its corporate number
    expect(page).toMatch(
      new RegExp(
        `<option value="${w.companies.subcontractor}"[^>]*>株式会社コールセンター・ジャパン</option>`,
      ),
    );
    expect(page).not.toContain('株式会社みらい情報サービス');
    expect(page).not.toContain(w.otherWardCompanyId);
    const keys = [...page.matchAll(/name="pick" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(10);
    const before = await countRows(t, 'contracts');
    const base = {
      mode: 'new',
      newName: '',
      reason: '繁忙期の問合せに対応するため',
      scope: '問合せ対応',
      portion: 'main',
      safetyMeasures: '研修を行う',
      supervisionMethod: '月次報告',
      periodFrom: '2026-06-01',
      periodTo: '2027-03-31',
    };
    const forged = await contractor.post(path, { ...base, pick: ['00000000-0000-4000-8000-000000000000'] });
    expect(forged.status).toBe(422);
    expect(forged.html).toContain('再委託で取り扱う情報項目を1つ以上選んでください');
    expect(forged.html).toMatch(/id="f-newName-error"/);
    const main = await contractor.post(path, { ...base, newName: '株式会社テスト', pick: [keys[0]!] });
    expect(main.status).toBe(422);
    expect(main.html).toMatch(/id="f-portion-error">業務の全部又は主たる部分を再委託することはできません/);
    expect(main.html).toContain(`value="${keys[0]}" checked`);
    expect(main.html).toContain('value="株式会社テスト"');
    expect(await countRows(t, 'contracts')).toBe(before);
    const other = await client('other_contractor_manager');
    expect((await other.post(path, { ...base, portion: 'part', pick: [keys[0]!] })).status).toBe(404);
  });

  it('lets the council reviewer read items and PDFs but schedule nothing; the officer schedules', async () => {
    const council = await client('council_reviewer');
    const list = await council.get('/council');
    expect(list.status).toBe(200);
    const item = list.html.match(/href="(\/council\/items\/[0-9a-f-]{36})"/)![1]!;
    const pdf = await council.get(`${item}/pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.html.startsWith('%PDF-')).toBe(true);
    expect((await council.get(item)).html).not.toContain('<form method="post" action="/council');
    const meetings = await t.handle.db.selectFrom('council_meetings').select('id').execute();
    expect((await council.post('/council/meetings', { title: '第1回', heldOn: '2026-12-01' })).status).toBe(
      403,
    );
    expect(await t.handle.db.selectFrom('council_meetings').select('id').execute()).toEqual(meetings);

    const officer = await client('ward_officer');
    const blank = await officer.post('/council/meetings', { title: '', heldOn: '2026-12-01' });
    expect(blank.status).toBe(422);
    expect(blank.html).toContain('value="2026-12-01"');
    const made = await officer.post('/council/meetings', {
      title: '令和8年度第3回 審議会',
      heldOn: '2026-12-01',
    });
    expect(made.status).toBe(303);
    const meetingId = made.location!.match(/meeting=([0-9a-f-]{36})/)![1]!;
    const version = (await officer.get(item)).html.match(/name="version" value="(\d+)"/)![1]!;
    expect((await officer.post(`${item}/meeting`, { meetingId, version })).status).toBe(303);
    expect(textOf((await council.get(`/council?meeting=${meetingId}`)).html)).toContain(
      '総合自転車対策業務一括委託の委託について',
    );
    const company = await client('contractor_manager');
    expect((await company.get(item)).status).toBe(404);
  });

  it('sorts every application in SQL, filters it, and exports the rows the viewer may read as CSV', async () => {
    const officer = await client('ward_officer');
    const mine = expectStatus(
      await t.call('GET', `${APPROVALS}?limit=200`, { token: w.tokens.ward_officer }),
      200,
    ).items as Array<{ number: string; title: string }>;
    expect(mine.length).toBeGreaterThan(1);
    const page = await officer.get('/approvals?view=all&sort=number&dir=desc');
    expect(page.status).toBe(200);
    expect(page.html).toContain('aria-sort="descending"');
    expect(page.html).toContain('<table class="cards">');
    expect(page.html).toContain('data-label="整理番号"');
    expect(page.html).toContain('href="/approvals/export.csv?view=all&amp;sort=number&amp;dir=desc"');
    const numbers = mine.map((a) => a.number).sort();
    const shown = textOf(page.html);
    expect(shown.indexOf(numbers.at(-1)!)).toBeLessThan(shown.indexOf(numbers[0]!));

    const csv = await officer.get('/approvals/export.csv?view=all&sort=number&dir=asc');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.html.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"整理番号","件名","種別","状態","決裁待ちの段階","作成日時"');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(numbers.map((n) => `"${n}"`));
    const one = await officer.get(`/approvals/export.csv?view=all&q=${encodeURIComponent(titleOf)}`);
    expect(
      one.html
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .every((l) => l.includes(titleOf)),
    ).toBe(true);

    // another ward, and a company outside the chain, get the headings and nothing else
    for (const who of ['other_ward_officer', 'other_contractor_manager']) {
      const theirs = await (await client(who)).get('/approvals/export.csv?view=all');
      expect(theirs.status).toBe(200);
      expect(theirs.html.trimEnd().split('\r\n')).toHaveLength(1);
    }
    expect((await officer.get('/approvals?view=all&sort=number&dir=asc&cursor=forged')).status).toBe(422);
  });
  it('sorts, filters and exports the signed-in person’s own queue in SQL, and nobody else’s', async () => {
    const drafts: Array<{ id: string; number: string }> = [];
    for (const title of [
      '区民窓口案内業務（並べ替え甲）',
      '区民窓口案内業務（並べ替え乙）',
      '道路台帳整備業務（並べ替え丙）',
    ]) {
      const contract = await createContract(t, w, { title });
      drafts.push(
        expectStatus(
          await t.call('POST', `${CONTRACTS}/${contract.id}/delegation-approval`, {
            token: w.tokens.ward_officer,
            json: {},
          }),
          201,
        ),
      );
    }
    const officer = await client('ward_officer');
    const numbers = drafts.map((d) => d.number).sort();
    const page = await officer.get('/approvals?sort=number&dir=desc');
    expect(page.status).toBe(200);
    expect(page.html).toContain('aria-sort="descending"');
    expect(page.html).toContain('<table class="cards">');
    expect(page.html).toContain('href="/approvals/export.csv?sort=number&amp;dir=desc"');
    const shown = textOf(page.html);
    expect(shown.indexOf(numbers[2]!)).toBeLessThan(shown.indexOf(numbers[1]!));
    expect(shown.indexOf(numbers[1]!)).toBeLessThan(shown.indexOf(numbers[0]!));

    // the queue's CSV: its own rows only, in the page's order, times in Japan time as Excel reads them
    const rows = readCsv(await officer.get('/approvals/export.csv?sort=number&dir=asc'));
    expect(rows[0]).toEqual(['整理番号', '件名', '種別', '状態', '決裁待ちの段階', '作成日時']);
    const listed = rows.slice(1).map((r) => r[0]!);
    const reversed = readCsv(await officer.get('/approvals/export.csv?sort=number&dir=desc'));
    expect(reversed.slice(1).map((r) => r[0])).toEqual([...listed].reverse());
    for (const n of numbers) expect(listed).toContain(n);
    for (const r of rows.slice(1)) expect(r[5]).toMatch(CSV_INSTANT);
    // the chief signs none of these drafts: not in the chief's queue, nor in its CSV
    const chief = await client('ward_chief');
    const theirs = readCsv(await chief.get('/approvals/export.csv?sort=number&dir=asc'));
    expect(theirs.slice(1).map((r) => r[0])).not.toContain(numbers[0]);

    const filtered = await officer.get(`/approvals?q=${encodeURIComponent('並べ替え乙')}`);
    expect(textOf(filtered.html)).toContain('並べ替え乙');
    expect(textOf(filtered.html)).not.toContain('並べ替え甲');
    const oneRow = readCsv(
      await officer.get(`/approvals/export.csv?q=${encodeURIComponent('並べ替え')}&status=draft`),
    );
    expect(oneRow).toHaveLength(4);
    // a pattern character is taken literally, not as "anything"
    expect(readCsv(await officer.get('/approvals/export.csv?q=%25')).slice(1)).toEqual([]);

    const first = await officer.get('/approvals?sort=number&dir=asc');
    expect(first.status).toBe(200);
    expect((await officer.get('/approvals?sort=number&dir=asc&cursor=forged')).status).toBe(422);
    const ofNumber = encodeCursor(['number.asc', numbers[0]!, drafts[0]!.id]);
    expect((await officer.get(`/approvals?sort=number&dir=asc&cursor=${ofNumber}`)).status).toBe(200);
    expect((await officer.get(`/approvals?sort=title&dir=asc&cursor=${ofNumber}`)).status).toBe(422);
  });
});
