import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreApplication, signOff, step } from '../../../test/helpers/approvals.js';
import { pageClient } from '../../../test/helpers/browser.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../test/helpers/world.js';

// The council report as seed 003 lays it out (issue 16, and issue 19's 報告事項 defects): the cover
// sheet with the ordinance's article, 事業の概要, the bundled contract's parts with ○/×, a report
// made before the contractor is chosen, and the sub-contract's report in its own words.

let t: TestApp;
let w: World;
type Item = { id: string; version: number; approvalId: string; kind: string; title: string; content: any };
let delegationItem: Item;
let subItem: Item;

const ITEMS = '/api/v1/council/report-items';
const flat = (s: string) => s.replace(/\s/g, '');

const SEED_PARTS = [
  {
    name: '新宿駅・高田馬場駅周辺地域の放置自転車等の整理指導業務等',
    personalInfo: false,
    priorApproval: null,
    newlyAdded: false,
  },
  { name: '放置自転車等撤去', personalInfo: false, priorApproval: null, newlyAdded: false },
  {
    name: '新宿区自転車保管場所管理業務及び自転車等返還手数料の収入（徴収）事務',
    personalInfo: true,
    priorApproval: '平成9年度第1回本審議会にて了承済',
    newlyAdded: false,
  },
  {
    name: '駐輪施設定期利用申請受付業務',
    personalInfo: true,
    priorApproval: '平成27年度第5回本審議会にて了承済',
    newlyAdded: false,
  },
  { name: '自転車対策コールセンター運営業務', personalInfo: true, priorApproval: null, newlyAdded: true },
];

const seedCover = {
  ordinanceArticle: '第14条第1項',
  outsourcingKinds: ['computer_processing', 'collection', 'provision'],
  overview: {
    purpose: '放置自転車対策の強化を推進すべく、現状7件ある委託業務を一括化し、効率的な業務を実施する。',
    targetPeople: '駐輪施設利用希望者、撤去車両所有者、撤去車両返還希望者、コールセンター問合せ者',
    description: '1 事業概要\n交通対策課では現状、計7件の委託業務を契約している。',
  },
  meetingOn: '2026-12-10',
  contractorSelection: {
    method: 'プロポーザルにより選定（プライバシーマーク取得がプロポーザル参加条件）',
    decisionNote: '令和9年2月中旬に事業者決定（予定）',
  },
  parts: SEED_PARTS,
};

const putCover = (who: string, item: { id: string; version: number }, body: object) =>
  t.call('PUT', `${ITEMS}/${item.id}/cover`, {
    token: w.tokens[who],
    json: { version: item.version, ...body },
  });

async function pdfOf(id: string, keep?: string) {
  const res = await t.app.request(`${ITEMS}/${id}/pdf`, {
    headers: { authorization: `Bearer ${w.tokens.council_reviewer}` },
  });
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (keep && process.env.KEEP_PDFS) await writeFile(`${process.env.KEEP_PDFS}/${keep}.pdf`, bytes);
  return pdfText(bytes);
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  // the system administrator names the ward's council and ordinance; its manager sets the article
  const org = `/api/v1/organisations/${w.wardId}`;
  const named = expectStatus(
    await t.call('PATCH', org, {
      token: w.tokens.system_admin,
      json: {
        councilName: '情報公開・個人情報保護審議会',
        ordinanceName: '新宿区個人情報保護条例',
        version: (await t.call('GET', org, { token: w.tokens.system_admin })).body.version,
      },
    }),
    200,
  );
  expectStatus(
    await t.call('PATCH', org, {
      token: w.tokens.ward_manager,
      json: { settings: { ...named.settings, councilReportArticle: '第14条第1項' }, version: named.version },
    }),
    200,
  );
  const applied = expectStatus(
    await t.call('POST', `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`, {
      token: w.tokens.contractor_manager,
      json: callCentreApplication(w),
    }),
    201,
  );
  const submitted = expectStatus(await step(t, w, 'contractor_manager', applied, 'submit'), 200);
  const approved = await signOff(t, w, submitted);
  const all = expectStatus(await t.call('GET', `${ITEMS}?limit=200`, { token: w.tokens.ward_officer }), 200);
  subItem = all.items.find((i: Item) => i.approvalId === approved.id);
  delegationItem = all.items.find((i: Item) => i.kind === 'delegation');
});
afterAll(() => t.close());

describe('the sub-contract’s report item, in its own words', () => {
  it('uses the sub-contract’s title, reason and measures, never the parent’s', async () => {
    expect(subItem.title).toBe('自転車対策コールセンター運営業務の再委託について');
    expect(subItem.content).toMatchObject({
      kind: 'subdelegation',
      businessName: '自転車対策コールセンター運営業務',
      reason: callCentreApplication(w).reason,
      contractorMeasures: { operational: callCentreApplication(w).safetyMeasures },
    });
    expect(subItem.content.reason).not.toBe(delegationItem.content.reason);
    const { text } = await pdfOf(subItem.id, 'council-report-sub');
    for (const expected of [
      '自転車対策コールセンター運営業務の再委託について',
      '再委託理由',
      '再委託にあたり区が行う情報保護対策',
      '再委託事業者に行わせる情報保護対策',
      '新宿区個人情報保護条例第14条第1項（再委託）',
    ]) {
      expect(flat(text)).toContain(flat(expected));
    }
    expect(flat(text)).not.toContain('総合自転車対策業務一括委託の再委託について');
  });

  it('says 再委託理由 on its page, as its PDF does', async () => {
    const browser = await pageClient(t, USERS.ward_officer!.email);
    const { html } = await browser.get(`/council/items/${subItem.id}`);
    expect(html).toContain('再委託理由');
    expect(html).not.toMatch(/>委託理由</);
  });
});

describe('the cover form in the pages (without the browser)', () => {
  it('keeps what was typed on a refusal, refuses a stale version with 409, and reads in English', async () => {
    const officer = await pageClient(t, USERS.ward_officer!.email);
    const path = `/council/items/${subItem.id}`;
    const page = await officer.get(path);
    const version = page.html.match(/cover"[\s\S]*?name="version" value="(\d+)"/)![1]!;
    const refused = await officer.post(`${path}/cover`, {
      version,
      ordinanceArticle: '第14条第1項',
      'parts.0.name': '放置自転車等撤去',
      'parts.2.name': '放置自転車等撤去',
      'parts.2.priorApproval': '平成9年度了承済',
    });
    expect(refused.status).toBe(422);
    // the duplicate and the approval without personal information land on the form's third row
    expect(refused.html).toContain('id="f-parts-2-name"');
    expect(refused.html).toMatch(/href="#f-parts-2-name"/);
    expect(refused.html).toMatch(/href="#f-parts-2-priorApproval"/);
    expect(refused.html).toContain('value="第14条第1項"');
    const stale = await officer.post(`${path}/cover`, { version: String(Number(version) - 1) });
    expect(stale.status).toBe(409);
    const english = await officer.get(`${path}?lang=en`);
    expect(english.status).toBe(200);
    expect(english.html).toContain('Reason for sub-contracting');
    expect(english.html).toContain('Parts of the bundled contract');
  });
});

describe('the cover sheet, 事業の概要 and the bundled parts', () => {
  it('prints the cover with the ordinance’s article from the ward’s setting before anything is recorded', async () => {
    const { text, pages } = await pdfOf(delegationItem.id, 'council-report-plain');
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(flat(text)).toContain(flat('情報公開・個人情報保護審議会　諮問・報告事項'));
    expect(flat(text)).toContain(flat('◇新宿区個人情報保護条例第14条第1項（業務委託）'));
    expect(flat(text)).not.toContain('事業の概要');
  });

  it('records the cover, the overview, the pre-selection and the bundled parts, and draws them', async () => {
    const recorded = expectStatus(await putCover('ward_officer', delegationItem, seedCover), 200);
    expect(recorded.version).toBe(delegationItem.version + 1);
    expect(recorded.cover.parts).toHaveLength(5);
    delegationItem = recorded;
    const again = expectStatus(
      await t.call('GET', `${ITEMS}/${recorded.id}`, { token: w.tokens.council_reviewer }),
      200,
    );
    expect(again.cover).toEqual(recorded.cover);

    const { text } = await pdfOf(recorded.id, 'council-report-bundled');
    for (const expected of [
      '事業の概要',
      '一括化対象業務',
      '新規追加業務',
      '個人情報の有無',
      '審議会の承認（既承認）',
      '②放置自転車等撤去×—',
      '○○平成9年度第1回本審議会にて了承済',
      '①自転車対策コールセンター運営業務○×今回の報告事項',
      '◇電子計算機による個人情報の処理委託、個人情報の収集を伴う委託、重要な個人情報の提供を伴う委託',
      '会議日令和8年12月10日',
      // chosen later: the method instead of the company
      '【委託先】プロポーザルにより選定（プライバシーマーク取得がプロポーザル参加条件）',
      '※令和9年2月中旬に事業者決定（予定）',
      // media grouped by kind
      '紙（「放置自転車等返還請求書」、「駐輪施設利用申請書」及び「駐輪施設利用申請者リスト」）及び電磁的媒体（',
    ]) {
      expect(flat(text)).toContain(flat(expected));
    }
    expect(flat(text)).not.toContain('）及び紙（');
    expect(text).not.toContain(delegationItem.content.contractor.name);
  });

  it('names the article the item records over the ward’s setting, and the meeting’s day over the item’s', async () => {
    const meeting = expectStatus(
      await t.call('POST', '/api/v1/council/meetings', {
        token: w.tokens.ward_officer,
        json: { title: '令和8年度第4回', heldOn: '2026-12-24' },
      }),
      201,
    );
    const assigned = expectStatus(
      await t.call('PATCH', `${ITEMS}/${delegationItem.id}`, {
        token: w.tokens.ward_officer,
        json: { meetingId: meeting.id, version: delegationItem.version },
      }),
      200,
    );
    delegationItem = expectStatus(
      await putCover('ward_officer', assigned, {
        ...seedCover,
        ordinanceArticle: '第15条第2項',
        contractorSelection: null,
      }),
      200,
    );
    const { text } = await pdfOf(delegationItem.id);
    expect(flat(text)).toContain(flat('新宿区個人情報保護条例第15条第2項（業務委託）'));
    expect(flat(text)).toContain(flat('会議日令和8年12月24日'));
    expect(flat(text)).toContain(flat(`【委託先】${delegationItem.content.contractor.name}`));
  });
});

describe('refusals (422 in both languages, nothing written; 403, 404, 409)', () => {
  const cases: Array<[string, object, string, string]> = [
    ['a bundle of one part', { parts: [SEED_PARTS[0]] }, 'parts', '2件以上'],
    ['a part named twice', { parts: [SEED_PARTS[0], SEED_PARTS[0]] }, 'parts.1.name', '重複'],
    [
      'an approval on a part without personal information',
      { parts: [{ ...SEED_PARTS[0], priorApproval: '平成9年度了承済' }, SEED_PARTS[1]] },
      'parts.0.priorApproval',
      '個人情報を取り扱わない',
    ],
    [
      'an earlier approval on a newly added part',
      { parts: [SEED_PARTS[2], { ...SEED_PARTS[4], priorApproval: '平成9年度了承済' }] },
      'parts.1.priorApproval',
      '新規追加業務',
    ],
    [
      'a part without a name',
      { parts: [SEED_PARTS[2], { ...SEED_PARTS[3], name: '  ' }] },
      'parts.1.name',
      '業務内容',
    ],
    [
      'a selection without a method',
      { contractorSelection: { method: ' ', decisionNote: null } },
      'contractorSelection.method',
      '選定方法',
    ],
    ['a meeting date that is none', { meetingOn: '2026-02-30' }, 'meetingOn', '会議日'],
    ['an article too long', { ordinanceArticle: 'x'.repeat(101) }, 'ordinanceArticle', '100文字'],
  ];
  for (const [name, change, path, ja] of cases) {
    it(`refuses ${name}`, async () => {
      const res = await putCover('ward_officer', delegationItem, { ...seedCover, ...change });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const error = res.body.errors.find((e: { path: string }) => e.path === path);
      expect(error?.message_ja).toContain(ja);
      expect(error?.message).toBeTruthy();
      const now = expectStatus(
        await t.call('GET', `${ITEMS}/${delegationItem.id}`, { token: w.tokens.ward_officer }),
        200,
      );
      expect(now.version).toBe(delegationItem.version);
    });
  }

  it('refuses an unknown kind of outsourcing at the schema', async () => {
    const res = await putCover('ward_officer', delegationItem, {
      ...seedCover,
      outsourcingKinds: ['everything'],
    });
    expect(res.status).toBe(422);
  });

  it('lets a reviewer read but not record, hides another ward’s item, and refuses a stale version', async () => {
    expect((await putCover('council_reviewer', delegationItem, seedCover)).status).toBe(403);
    expect((await putCover('other_ward_officer', delegationItem, seedCover)).status).toBe(404);
    expect((await putCover('contractor_manager', delegationItem, seedCover)).status).toBe(404);
    const stale = await putCover(
      'ward_officer',
      { ...delegationItem, version: delegationItem.version - 1 },
      seedCover,
    );
    expect(stale.status).toBe(409);
  });

  it('lets exactly one of two simultaneous recordings of the same version win, with its audit entry', async () => {
    const current = expectStatus(
      await t.call('GET', `${ITEMS}/${subItem.id}`, { token: w.tokens.ward_officer }),
      200,
    );
    const answers = await Promise.all([
      putCover('ward_officer', current, { ...seedCover, parts: [], ordinanceArticle: '第14条第1項' }),
      putCover('ward_officer', current, { ...seedCover, parts: [], ordinanceArticle: '第14条第2項' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const trail = expectStatus(
      await t.call('GET', `/api/v1/audit-entries?subjectId=${subItem.id}`, { token: w.tokens.ward_manager }),
      200,
    );
    const entries = trail.items.filter(
      (e: { action: string; subjectId: string }) =>
        e.action === 'council_item.record_cover' && e.subjectId === subItem.id,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: w.userIds.ward_officer });
    subItem = answers.find((a) => a.status === 200)!.body;
  });

  it('records an ordinary contract as no parts at all', async () => {
    const res = expectStatus(await putCover('ward_officer', subItem, { ...seedCover, parts: [] }), 200);
    expect(res.cover.parts).toEqual([]);
    subItem = res;
  });
});
