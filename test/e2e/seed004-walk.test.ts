import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../forms/breach-reporting/index.js';
import { SEED004_SECTION } from '../../forms/checklist/seed004-items.js';
import { MY_NUMBER_COUNTER_REGISTER } from '../../src/demo/nankoku-city.js';
import { runDailyJobs } from '../../src/jobs/daily-jobs.js';
import { pageClient, textOf } from '../helpers/browser.js';
import { CONTRACTS, expectStatus, putRegister, transition } from '../helpers/contracts.js';
import { itemsOf } from '../helpers/inspections.js';
import { pdfText } from '../helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, signIn, type World } from '../helpers/world.js';

// Seed 004 (南国市個人番号カード関係業務委託仕様書) walked end to end over `app.request`, with real
// sign-ins of 南国市's officers and of 株式会社南国窓口サービス: the city registers a second year's
// counter contract, which may not start before its 業務従事者名簿 — 統括責任者, 業務責任者,
// 副業務責任者, 業務従事者 — is reported with every pledge (誓約書) and its copy (4(4)①, 5(1)③);
// the 業務責任者 declares a laptop the city permits in advance (5(3)); the scheduler requests the
// 業務日報, 業務月報 and 業務年報, idempotently, which the contractor submits and the city receives
// and signs (4(4)②); a 定例会議 is recorded (4(1), (5)); an improvement recommendation (改善勧告) is
// issued, answered and closed (6); an on-site inspection checks the devices and the copying of
// 届書等 with seed 004's items (5(2), 5(3)); a My Number incident of 130 people is judged reportable
// with its 速報 and 確報 due in Japanese days, and its breach report PDF says so; and the city's and
// the contractor's pages all answer 200 in the city's own word (市, never 区).
// The test clock starts on Sunday 2026-11-22, 10:00 in Japan; the walk ends in March 2027.

const OR = '/api/v1/operational-reports';
const silent = pino({ level: 'silent' });
/**
 * 区 as a municipality's self word (see municipality-words.page.test.ts); 区分 ("category") and
 * 区域 ("area", the checklist's 取扱う区域) are not it.
 */
const WARD_WORD = /区(?!分|域)/g;
const wardWords = (text: string) =>
  [...text.matchAll(WARD_WORD)].map((m) => text.slice(Math.max(0, m.index - 12), m.index + 8));

const CITY = {
  officer: 'officer@city.nankoku.example.jp',
  chief: 'chief@city.nankoku.example.jp',
  manager: 'manager@city.nankoku.example.jp',
  inspector: 'inspector@city.nankoku.example.jp',
  council: 'council@city.nankoku.example.jp',
  contractor: 'manager@nankoku-madoguchi.example.jp',
  staff: 'staff@nankoku-madoguchi.example.jp',
};
type Who = keyof typeof CITY;

let t: TestApp;
let w: World;
const tokens = {} as Record<Who, string>;
const ids = {
  contract: '',
  device: '',
  daily: '',
  monthly: '',
  yearly: '',
  meeting: '',
  recommendation: '',
  inspection: '',
  incident: '',
};
const people: Record<string, string> = {};

const call = (who: Who, method: string, path: string, json?: unknown) =>
  t.call(method, path, { token: tokens[who], json });
const get = async (who: Who, path: string) => expectStatus(await call(who, 'GET', path), 200);
const act = async (who: Who, path: string, record: { version: number }, extra: object = {}) =>
  expectStatus(await call(who, 'POST', path, { version: record.version, ...extra }), 200);
/** The scheduler's daily run, at the test clock's time. */
const dailyJobs = () => runDailyJobs({ db: t.handle.db, now: t.clock.now, logger: silent });
/** Access tokens last 15 minutes: everyone signs in again whenever the clock moves. */
async function signInEveryone() {
  for (const [who, email] of Object.entries(CITY)) tokens[who as Who] = await signIn(t, email);
}
const contract = () => get('officer', `${CONTRACTS}/${ids.contract}`);

const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

/** The signed pledge's copy, uploaded by the contractor for the city. */
async function pledgeCopy(fullName: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), `誓約書（写し）${fullName}.pdf`);
  form.append('purpose', 'pledge');
  form.append('wardId', w.nankoku.wardId);
  return expectStatus(
    await t.call('POST', '/api/v1/attachments', { token: tokens.contractor, body: form }),
    201,
  ).id;
}

const TASK = '個人番号カード関係業務';
/** The roster of seed 004 4(4)①: [name, role, task, handles 特定個人情報]. */
const ROSTER: Array<[string, string, string | null, boolean]> = [
  ['高知 一郎', 'general_manager', null, true],
  ['大埇 恵', 'task_lead', TASK, true],
  ['篠原 守', 'deputy_task_lead', TASK, true],
  ['岡豊 舞', 'worker', TASK, true],
];
const rosterEntries = () =>
  ROSTER.map(([name, role, task, handlesMyNumber]) => ({
    handlerId: people[name],
    role,
    task,
    handlesMyNumber,
    effectiveFrom: w.today(),
  }));

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  await signInEveryone();
});
afterAll(() => t.close());

describe('seed 004 at 南国市, end to end', { timeout: 120_000 }, () => {
  it('1. refuses to start the contract before the 業務従事者名簿 and its pledges, then starts it', async () => {
    const created = expectStatus(
      await call('officer', 'POST', CONTRACTS, {
        departmentId: w.nankoku.departments.市民課,
        contractorOrgId: w.nankoku.contractorId,
        title: '個人番号カード関係業務委託（休日交付）',
        contractNumber: '8南市民契約第41号',
        contractDate: '2026-11-20',
        periodFrom: '2026-04-01',
        periodTo: '2027-03-31',
        place: '南国市役所 市民課窓口（市が指定する執務場所）',
        handlesPersonalInfo: true,
        processingModes: ['on_premises'],
        workDescription: '個人番号カード関係業務（月2回の休日交付 8:30～12:00）',
        reason: '休日交付の窓口業務を、業務量の変動に応じた適正な人員配置のもとで運営するため。',
        wardMeasures: { operational: ['統括責任者との定例会議（月1回）'], system: [] },
        contractorMeasures: { operational: ['業務従事者名簿と誓約書の写しを業務開始までに提出'], system: [] },
      }),
      201,
    );
    ids.contract = created.id;
    expectStatus(await putRegister(t, tokens.officer, ids.contract, 0, MY_NUMBER_COUNTER_REGISTER), 200);
    expectStatus(
      await call('officer', 'PUT', `${CONTRACTS}/${ids.contract}/my-number/areas`, {
        areas: ['南国市役所 市民課窓口（休日交付）'],
        version: 0,
      }),
      200,
    );

    // the city's approval first: the start is then refused for the roster alone
    let approval = expectStatus(
      await call('officer', 'POST', `${CONTRACTS}/${ids.contract}/delegation-approval`, {
        councilMode: 'report',
      }),
      201,
    );
    approval = await act('officer', `/api/v1/approvals/${approval.id}/submit`, approval);
    approval = await act('officer', `/api/v1/approvals/${approval.id}/start-review`, approval);
    for (const who of ['officer', 'chief', 'manager'] as const)
      approval = await act(who, `/api/v1/approvals/${approval.id}/approve`, approval);
    expect(approval.status).toBe('approved');
    const early = await transition(t, tokens.officer, await contract(), 'activate');
    expect(early.status).toBe(409);
    expect(early.body.missing.map((m: { code: string }) => m.code)).toEqual(['handler-list-missing']);

    for (const [name] of ROSTER)
      people[name] = expectStatus(
        await call('contractor', 'POST', '/api/v1/handlers', { fullName: name }),
        201,
      ).id;
    // nobody has signed a pledge yet: the roster is refused, one error per person, and nothing kept
    const unpledged = await call('contractor', 'POST', `${CONTRACTS}/${ids.contract}/handler-lists`, {
      entries: rosterEntries(),
    });
    expect(unpledged.status).toBe(422);
    expect(unpledged.headers.get('content-type')).toContain('application/problem+json');
    const paths = unpledged.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(ROSTER.map((_, i) => `entries.${i}.handlerId`));
    expect(JSON.stringify(unpledged.body.errors)).toContain('誓約');
    const none = await get('officer', `${CONTRACTS}/${ids.contract}/handler-lists`);
    expect(none.current).toEqual([]);

    // a pledge without its copy or its bindings is not enough for seed 004
    expectStatus(
      await call('contractor', 'POST', `/api/v1/handlers/${people['岡豊 舞']}/pledges`, {
        signedOn: '2026-11-20',
      }),
      201,
    );
    const partial = await call('contractor', 'POST', `${CONTRACTS}/${ids.contract}/handler-lists`, {
      entries: rosterEntries(),
    });
    expect(partial.status).toBe(422);
    expect(JSON.stringify(partial.body.errors)).toContain('岡豊 舞の誓約書に不足があります');

    for (const [name] of ROSTER)
      expectStatus(
        await call('contractor', 'POST', `/api/v1/handlers/${people[name]}/pledges`, {
          signedOn: '2026-11-21',
          attachmentId: await pledgeCopy(name),
          wordingVersion: '南国窓口サービス 誓約書 令和8年3月版',
          bindsAfterContract: true,
          bindsAfterLeaving: true,
        }),
        201,
      );
    const submitted = expectStatus(
      await call('contractor', 'POST', `${CONTRACTS}/${ids.contract}/handler-lists`, {
        entries: rosterEntries(),
      }),
      201,
    );
    expectStatus(
      await call(
        'officer',
        'POST',
        `${CONTRACTS}/${ids.contract}/handler-lists/${submitted.id}/acknowledge`,
        {
          version: submitted.version,
          comment: '業務従事者名簿及び誓約書の写しを確認しました',
        },
      ),
      200,
    );
    const lists = await get('contractor', `${CONTRACTS}/${ids.contract}/handler-lists`);
    expect(lists.current[0].entries.map((e: { role: string }) => e.role)).toEqual([
      'general_manager',
      'task_lead',
      'deputy_task_lead',
      'worker',
    ]);
    const started = expectStatus(await transition(t, tokens.officer, await contract(), 'activate'), 200);
    expect(started.status).toBe('active');
  });

  it('2. has the 業務責任者’s laptop declared by the contractor and permitted in advance by the city', async () => {
    const declaration = {
      contractId: ids.contract,
      declarantHandlerId: people['大埇 恵'],
      deviceName: 'ノートPC（受託事業者所有 1台）',
      specification: 'Windows 11 Pro、BitLocker、無線LAN・Bluetooth無効化',
      purpose: '受託事業者の本部への報告業務及び業務従事者への連絡調整',
      storagePlace: '市民課内 施錠できる保管庫',
      usePlace: '市民課内 交付準備室',
      bringFrom: w.today(),
      noNetworkAcknowledged: true,
    };
    // only a 業務責任者 declares (5(3)); a 業務従事者 is refused
    const byWorker = await call('contractor', 'POST', '/api/v1/devices', {
      ...declaration,
      declarantHandlerId: people['岡豊 舞'],
    });
    expect(byWorker.status).toBe(422);
    // the laptop is never connected to the city's network (5(3)①)
    const networked = await call('contractor', 'POST', '/api/v1/devices', {
      ...declaration,
      noNetworkAcknowledged: false,
    });
    expect(networked.status).toBe(422);
    const declared = expectStatus(await call('contractor', 'POST', '/api/v1/devices', declaration), 201);
    expect(declared.status).toBe('declared');
    expect(
      (
        await call('contractor', 'POST', `/api/v1/devices/${declared.id}/permit`, {
          version: declared.version,
        })
      ).status,
    ).toBe(403);
    const permitted = await act('officer', `/api/v1/devices/${declared.id}/permit`, declared, {
      comment: '市のネットワークには接続しないこと',
    });
    expect(permitted.status).toBe('permitted');
    ids.device = declared.id;
  });

  it('3. has the scheduler request the daily and monthly reports once, submitted and received or signed', async () => {
    expectStatus(
      await call('officer', 'PUT', `${CONTRACTS}/${ids.contract}/operational-report-settings`, {
        requiredKinds: ['daily', 'monthly', 'yearly', 'adhoc'],
        version: 0,
      }),
      200,
    );
    const first = await dailyJobs();
    // 22 working days from Thursday 22 October to Friday 20 November, and October's 月報
    expect(first.operationalReports).toBe(23);
    expect((await dailyJobs()).operationalReports).toBe(0);
    const mine = async (kind: string) =>
      (await get('contractor', `${OR}?contractId=${ids.contract}&kind=${kind}&limit=200`)).items as any[];
    expect(await mine('daily')).toHaveLength(22);
    let daily = (await mine('daily')).find((r) => r.period === '2026-11-20');
    expect(daily).toMatchObject({ dueOn: '2026-11-23', status: 'issued' });
    daily = await act('contractor', `${OR}/${daily.id}/submit`, daily, {
      results: '交付 58件、申請支援 17件、マイナポータル利用登録支援 6件。特記事項なし',
    });
    daily = await act('officer', `${OR}/${daily.id}/receive`, daily);
    expect(daily).toMatchObject({ status: 'accepted', receiptOnly: true });
    ids.daily = daily.id;

    let [monthly] = await mine('monthly');
    expect(monthly).toMatchObject({ period: '2026-10', dueOn: '2026-11-30' });
    monthly = await act('contractor', `${OR}/${monthly.id}/submit`, monthly, {
      results: '個人番号カード交付 1,284件（うち休日交付 96件）、申請支援 412件',
      serviceLevel: '平均待ち時間 14分（要求水準 20分以内）を達成',
      issues: '水曜日の夜間延長時間帯に来庁者が集中している',
    });
    monthly = await act('officer', `${OR}/${monthly.id}/receive`, monthly, { comment: '受け付けました' });
    for (const who of ['officer', 'chief', 'manager'] as const)
      monthly = await act(who, `${OR}/${monthly.id}/sign`, monthly);
    expect(monthly.status).toBe('signed_off');
    ids.monthly = monthly.id;
  });

  it('4. records a 定例会議, and has an improvement recommendation issued, answered and closed', async () => {
    const meeting = expectStatus(
      await call('contractor', 'POST', '/api/v1/regular-meetings', {
        contractId: ids.contract,
        heldOn: '2026-11-20',
        attendees: ['市民課 比江 美咲', '株式会社南国窓口サービス 高知 一郎（統括責任者）'],
        minutes: '10月の業務実績とサービス水準の達成状況を報告。水曜日夜間の窓口体制を協議した。',
      }),
      201,
    );
    ids.meeting = meeting.id;
    const read = await get('officer', `/api/v1/regular-meetings/${meeting.id}`);
    expect(read.attendees).toContain('株式会社南国窓口サービス 高知 一郎（統括責任者）');

    const recommendation = {
      contractId: ids.contract,
      title: '水曜日夜間の待ち時間の改善',
      contents:
        '水曜日の夜間延長時間帯の待ち時間が要求水準を超えている。原因を分析し、改善策を書面で報告すること。',
      dueOn: '2026-12-07',
    };
    // the contractor does not recommend to itself
    expect(
      (await call('contractor', 'POST', '/api/v1/improvement-recommendations', recommendation)).status,
    ).toBe(403);
    let r = expectStatus(
      await call('chief', 'POST', '/api/v1/improvement-recommendations', recommendation),
      201,
    );
    const path = `/api/v1/improvement-recommendations/${r.id}`;
    // an answer must say the measures taken and their result in writing (6)
    expect((await call('contractor', 'POST', `${path}/answer`, { version: r.version })).status).toBe(422);
    r = await act('contractor', `${path}/answer`, r, {
      measures: '夜間帯の来庁予約枠を設け、18時以降に業務従事者を1名増員した。',
      result: '改善後の水曜夜間の平均待ち時間は16分で、要求水準を満たした。',
    });
    r = await act('chief', `${path}/close`, r, { comment: '改善を確認した' });
    expect(r.status).toBe('closed');
    ids.recommendation = r.id;
  });

  it('5. inspects on site with seed 004’s items on the devices and the copying of 届書等', async () => {
    const planned = expectStatus(
      await call('inspector', 'POST', '/api/v1/inspections', {
        contractId: ids.contract,
        organisationId: w.nankoku.contractorId,
        templateKey: 'fukuoka-supervision',
        plannedOn: w.today(),
      }),
      201,
    );
    let inspection = await act('inspector', `/api/v1/inspections/${planned.id}/start`, planned);
    const detail = await get('inspector', `/api/v1/inspections/${inspection.id}`);
    const items = itemsOf(detail);
    const seed004 = SEED004_SECTION.groups.flatMap((g) => g.items);
    for (const key of ['x-s004-devices-1', 'x-s004-devices-2', 'x-s004-copying-1', 'x-s004-copying-2']) {
      const item = items.find((i) => i.key === key);
      expect(item?.text, key).toBe(seed004.find((i) => i.key === key)!.text);
    }
    // the seed's own words: 複写複製等, 事前に市の許可, 市のネットワーク
    expect(items.find((i) => i.key === 'x-s004-copying-1')!.text).toContain(
      '届書等の全部又は一部の複写複製等',
    );
    expect(items.find((i) => i.key === 'x-s004-devices-1')!.text).toContain('事前に市の許可');
    expect(items.find((i) => i.key === 'x-s004-devices-2')!.text).toContain('市のネットワーク');

    for (const item of items) {
      const observation = item.key.startsWith('x-s004-devices')
        ? '持込み一覧（ノートPC 1台・許可済み）と現物を照合'
        : item.key.startsWith('x-s004-copying')
          ? '複写機は市民課の管理下にあり、届書等の複写記録はない'
          : undefined;
      expectStatus(
        await call('inspector', 'PUT', `/api/v1/inspections/${inspection.id}/items/${item.key}`, {
          result: 'ok',
          checkedOn: w.today(),
          observation,
          version: item.answer.version,
        }),
        200,
      );
    }
    inspection = await get('inspector', `/api/v1/inspections/${inspection.id}`);
    inspection = await act('inspector', `/api/v1/inspections/${inspection.id}/submit`, inspection);
    for (const who of ['officer', 'chief', 'manager'] as const)
      inspection = await act(who, `/api/v1/inspections/${inspection.id}/approve`, inspection, {
        comment: '確認しました',
      });
    expect(inspection.status).toBe('signed_off');
    ids.inspection = inspection.id;
  });

  it('3b. in March, requests the 業務年報 due on the contract’s last day, signed by the city', async () => {
    // Tuesday 2 March 2027, 10:00 in Japan
    t.clock.set('2027-03-02T01:00:00Z');
    await signInEveryone();
    const issued = await dailyJobs();
    expect(issued.operationalReports).toBeGreaterThan(0);
    expect((await dailyJobs()).operationalReports).toBe(0);
    const list = (await get('contractor', `${OR}?contractId=${ids.contract}&kind=yearly`)).items;
    expect(list.map((r: any) => [r.period, r.dueOn])).toEqual([['FY2026', '2027-03-31']]);
    let yearly = list[0];
    const withoutTraining = await call('contractor', 'POST', `${OR}/${yearly.id}/submit`, {
      version: yearly.version,
      results: '個人番号カード交付 14,820件',
      serviceLevel: '年間平均待ち時間 15分（要求水準 20分以内）',
    });
    expect(withoutTraining.status).toBe(422);
    expect(JSON.stringify(withoutTraining.body.errors)).toContain('研修内容及び実績を入力してください');
    yearly = await act('contractor', `${OR}/${yearly.id}/submit`, yearly, {
      results: '個人番号カード交付 14,820件、申請支援 4,960件、マイナポータル利用登録支援 1,870件',
      serviceLevel: '年間平均待ち時間 15分（要求水準 20分以内）を達成',
      body: '個人情報及び特定個人情報の適正な取扱いに関する研修（4月・10月、全員受講）',
    });
    yearly = await act('officer', `${OR}/${yearly.id}/receive`, yearly);
    for (const who of ['officer', 'chief', 'manager'] as const)
      yearly = await act(who, `${OR}/${yearly.id}/sign`, yearly);
    expect(yearly.status).toBe('signed_off');
    ids.yearly = yearly.id;
  });

  it('6. judges a My Number incident of 130 people reportable, its 速報 and 確報 due in Japanese days', async () => {
    // it happened at 00:10 and was discovered at 00:30 on 2 March in Japan — still 1 March in UTC
    const incident = expectStatus(
      await call('contractor', 'POST', '/api/v1/incidents', {
        contractId: ids.contract,
        information: '個人番号カード交付通知書の控え（氏名・住所・個人番号）',
        recordCount: 130,
        location: '市民課内 交付準備室',
        circumstances: '休日交付の後、交付通知書の控え130人分を綴じたファイルが所在不明となった',
        occurredAt: '2027-03-02T00:10:00+09:00',
        discoveredAt: '2027-03-02T00:30:00+09:00',
      }),
      201,
    );
    ids.incident = incident.id;
    const base = `/api/v1/incidents/${incident.id}`;
    const answers = {
      learnedOn: '2027-03-02',
      personsAffected: 130,
      myNumberPersonsAffected: 130,
      sensitive: false,
      ordinanceSensitive: false,
      financialDamage: false,
      unlawfulPurpose: false,
      myNumber: true,
      myNumberSystem: false,
      publiclyViewable: false,
      encrypted: false,
    };
    expect(
      (
        await call('contractor', 'POST', `${base}/assess-breach`, {
          breach: answers,
          version: incident.version,
        })
      ).status,
    ).toBe(403);
    // 1 March (the UTC day) is before the day it happened in Japan: refused, nothing judged
    const utcDay = await call('officer', 'POST', `${base}/assess-breach`, {
      breach: { ...answers, learnedOn: '2027-03-01' },
      version: incident.version,
    });
    expect(utcDay.status).toBe(422);
    expect(JSON.stringify(utcDay.body.errors)).toContain('発生日より前');
    const judged = await act('officer', `${base}/assess-breach`, incident, { breach: answers });
    // 覚知日 is day 1: 速報 within 3 days, 確報 within 30 (more than 100 people)
    expect(judged.breach).toMatchObject({
      required: true,
      preliminaryDueOn: '2027-03-04',
      finalDueOn: '2027-03-31',
    });
    expect(judged.breach.finalDueOn).toBe(addCalendarDays(answers.learnedOn, 29));
    const report = await get('officer', `${base}/breach-report`);
    expect(report.judgment.municipality.matched.map((m: { key: string }) => m.key)).toEqual([
      'public-body.more-than-100',
      'my-number.more-than-100',
    ]);

    const res = await t.app.request(`${base}/breach-report/pdf`, {
      headers: { authorization: `Bearer ${tokens.officer}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const { text } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    const flat = text.replace(/\s/g, '');
    for (const s of [
      '漏えい等報告書',
      '南国市',
      '令和9年3月2日',
      '令和9年3月4日',
      '令和9年3月31日',
      '130人',
      '第29条の4',
    ])
      expect(flat, s).toContain(s);
    // 発生日時 in Japan time
    expect(flat).toContain('令和9年3月2日（2027-03-02）00:10');
    expect(wardWords(flat)).toEqual([]);
  });

  it('7. walks the pages of all this as the city’s officer and the contractor: 200, and 市, never 区', async () => {
    const officer = await pageClient(t, CITY.officer);
    const contractor = await pageClient(t, CITY.contractor);
    const inspector = await pageClient(t, CITY.inspector);
    const shared = [
      '/',
      '/contracts',
      `/contracts/${ids.contract}`,
      `/contracts/${ids.contract}/devices`,
      '/operational-reports',
      `/operational-reports/${ids.daily}`,
      `/operational-reports/${ids.monthly}`,
      `/operational-reports/${ids.yearly}`,
      '/regular-meetings',
      `/regular-meetings/${ids.meeting}`,
      '/improvement-recommendations',
      `/improvement-recommendations/${ids.recommendation}`,
      '/incidents',
      `/incidents/${ids.incident}`,
      '/notifications',
    ];
    const pages: Array<[typeof officer, string]> = [
      ...shared.map((p) => [officer, p] as [typeof officer, string]),
      [officer, '/inspections'],
      [officer, `/inspections/${ids.inspection}`],
      [officer, `/contracts/${ids.contract}/provisions`],
      [officer, `/contracts/${ids.contract}/register/revisions`],
      [inspector, '/inspections'],
      [inspector, `/inspections/${ids.inspection}`],
      [inspector, `/inspections/${ids.inspection}/items/x-s004-devices-1`],
      [inspector, `/inspections/${ids.inspection}/items/x-s004-copying-1`],
      [contractor, '/inspections'],
      [contractor, `/inspections/${ids.inspection}`],
      [contractor, `/contracts/${ids.contract}/provisions`],
      ...shared.map((p) => [contractor, p] as [typeof officer, string]),
      [contractor, '/handlers'],
      [contractor, `/contracts/${ids.contract}/handler-list/new`],
    ];
    for (const [client, path] of pages) {
      const res = await client.get(path);
      expect(res.status, path).toBe(200);
      expect(wardWords(textOf(res.html)), path).toEqual([]);
    }
    // the inspection record, signed, checks the devices in the city's word
    const record = await officer.get(`/inspections/${ids.inspection}/pdf`);
    expect(record.status).toBe(200);
    const recordText = (await pdfText(record.bytes)).text.replace(/\s/g, '');
    expect(recordText).toContain('事前に市の許可を得たもの');
    expect(wardWords(recordText)).toEqual([]);
    const incident = textOf((await officer.get(`/incidents/${ids.incident}`)).html);
    expect(incident).toContain('個人情報保護委員会への報告が必要です');
    const pdf = await officer.get(`/incidents/${ids.incident}/breach-report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    // the council reviewer is not shown the contract's devices
    const council = await pageClient(t, CITY.council);
    expect((await council.get(`/contracts/${ids.contract}/devices`)).status).toBe(404);
  });
});
