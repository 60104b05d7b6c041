import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDelegation, signOff, step } from '../helpers/approvals.js';
import { serveApp } from '../helpers/browser.js';
import {
  acknowledgedList,
  CONTRACTS,
  createContract,
  createHandler,
  expectStatus,
  putRegister,
  REGISTER,
  transition,
} from '../helpers/contracts.js';
import {
  advance,
  byHand,
  certifyFinalErasure,
  custodyStep,
  ERASURES,
  erasureBody,
  ownersCsv,
  PACKAGES,
  prepare,
  registerItems,
} from '../helpers/handover.js';
import { rawRequest } from '../helpers/http-server.js';
import { itemsOf } from '../helpers/inspections.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildWorld, type World } from '../helpers/world.js';

// A contract with two levels of sub-contracting, run through end to end as the seeds describe it:
// the ward (甲) → its contractor (乙, 株式会社サイクルサポート東京) → a sub-contractor (丙,
// 株式会社コールセンター・ジャパン) → a sub-sub-contractor (株式会社みらい情報サービス), under
// seed 001 別紙7, which flows down unchanged and allows a further level (the ward allows depth 2).
// Every level accepts the provisions, names its handlers with pledges and starts through the same
// gate; the sub-sub-contractor obtains approvals of copying and of disposal (with the ward's
// witness); each company inspects the one below it and asks it for a report (再委託先の監督);
// the sub-sub-contractor then copies data without approval, reports the incident, and the 課長 terminates
// its sub-sub-contract for breach — the levels above carry on. At the end of the whole contract
// every company still reads what it must certify (checked over a real socket), every level
// certifies its erasure, and the contract closes with its whole chain.

const PA = '/api/v1/prior-approvals';
let t: TestApp;
let w: World;
const ids = { contract: '', sub: '', subSub: '' };
/** The package the ward hands to the sub-sub-contractor, and the top contractor's. */
const packages = { top: '', subSub: '' };
/** The 取扱責任者 of each level, who performs its erasure. */
const responsible = { top: '', sub: '', subSub: '' };

const call = (who: string, method: string, path: string, json?: unknown) =>
  t.call(method, path, { token: w.tokens[who], json });
const get = async (who: string, path: string) => expectStatus(await call(who, 'GET', path), 200);
const contract = (id: string) => get('ward_officer', `${CONTRACTS}/${id}`);

/** A register that is a subset of the parent's (REGISTER): what the level below handles. */
function subsetRegister(groups: number) {
  return {
    subjectGroups: REGISTER.subjectGroups.slice(0, groups).map((g) => ({ ...g, items: g.items.slice(0, 3) })),
    media: REGISTER.media.slice(1, 2), // the encrypted USB
  };
}

function application(company: { name: string; corporateNumber: string }, title: string, groups: number) {
  return {
    subcontractor: company,
    title,
    reason: '専門的な知識及び設備をもつ事業者に一部を再委託することで、効率的に業務を実施するため',
    scope: `${title}（一部）`,
    portion: 'part',
    register: subsetRegister(groups),
    safetyMeasures: ['プライバシーマーク取得事業者とする', '従事者に個人情報保護研修を受講させる'],
    supervisionMethod: '月1回の業務報告と年1回以上の立入調査により監督する',
    periodFrom: w.today(),
    periodTo: '2027-03-31',
  };
}

/**
 * A sub-contract approved by the ward starts the only way there is: its company accepts the
 * flow-down provisions, names its 取扱責任者 and 取扱者 (pledges signed), the ward acknowledges
 * the list, and the ward officer activates it through the same gates as any contract.
 */
async function startAsItsCompany(
  who: string,
  contractId: string,
  people: [string, string],
  acceptedBy: string,
) {
  const provisions = await get(who, `${CONTRACTS}/${contractId}/provisions`);
  // the flow-down of 別紙7 is 別紙7 itself: it lets this company sub-contract further
  expect(provisions.template).toMatchObject({ id: 'toshima-annex7', forbidsSubcontracting: false });
  expectStatus(
    await call(who, 'POST', `${CONTRACTS}/${contractId}/provisions/acceptance`, {
      acceptedName: acceptedBy,
      version: provisions.version,
    }),
    200,
  );
  const lead = await createHandler(t, w.tokens[who], people[0], '2026-05-20');
  const handler = await createHandler(t, w.tokens[who], people[1], '2026-05-20');
  const submitted = expectStatus(
    await call(who, 'POST', `${CONTRACTS}/${contractId}/handler-lists`, {
      entries: [
        { handlerId: lead.id, role: 'responsible', effectiveFrom: '2026-06-01' },
        { handlerId: handler.id, role: 'handler', effectiveFrom: '2026-06-01' },
      ],
    }),
    201,
  );
  expectStatus(
    await call(
      'ward_officer',
      'POST',
      `${CONTRACTS}/${contractId}/handler-lists/${submitted.id}/acknowledge`,
      {
        version: submitted.version,
      },
    ),
    200,
  );
  expectStatus(await transition(t, w.tokens.ward_officer, await contract(contractId), 'activate'), 200);
  return lead.id as string;
}

/** The ward prepares a package for a contract and hands the media to its 取扱責任者, who stores it. */
async function handedOverAndStored(contractId: string, who: string, handlerId: string) {
  let pkg = expectStatus(
    await prepare(t, w.tokens.ward_officer, {
      contractId,
      title: '撤去車両所有者情報',
      items: [
        { subjectGroup: '撤去車両所有者', name: '氏名', direction: 'provided' },
        { subjectGroup: '撤去車両所有者', name: '住所', direction: 'provided' },
      ],
      files: [{ name: '撤去車両所有者一覧.csv', bytes: ownersCsv(10) }],
    }),
    201,
  ).package;
  const handedAt = await advance(t, w, 10 * 60 * 1000);
  pkg = expectStatus(
    await custodyStep(t, w.tokens.ward_officer, pkg, 'media-handover', byHand(handlerId, handedAt)),
    200,
  );
  const storedAt = await advance(t, w, 10 * 60 * 1000);
  pkg = expectStatus(
    await custodyStep(t, w.tokens[who], pkg, 'storage', {
      storedAt: storedAt.toISOString(),
      place: '執務室内の施錠できるキャビネット',
      keyHolderHandlerId: handlerId,
    }),
    200,
  );
  // the password notice on a separate, later occasion (seed 003 運用8)
  const noticeAt = await advance(t, w, 2 * 60 * 60 * 1000);
  pkg = expectStatus(
    await custodyStep(t, w.tokens.ward_officer, pkg, 'password-handover', byHand(handlerId, noticeAt)),
    200,
  );
  expect(pkg.status).toBe('in_custody');
  return pkg.id as string;
}

/** A prior approval applied for by `who` on its contract and signed by the ward's chain. */
async function approvedPriorApproval(who: string, contractId: string, body: object) {
  const keys = (await get(who, `${CONTRACTS}/${contractId}/register`)).document.subjectGroups.flatMap(
    (g: { items: { key: string }[] }) => g.items.map((i) => i.key),
  );
  let record = expectStatus(
    await call(who, 'POST', PA, {
      contractId,
      itemKeys: keys.slice(0, 2),
      periodFrom: w.today(),
      periodTo: '2026-12-31',
      place: '株式会社みらい情報サービス 本社執務室',
      ...body,
    }),
    201,
  );
  expect(record.status).toBe('applied');
  for (const signer of ['ward_officer', 'ward_chief', 'ward_manager'])
    record = expectStatus(
      await call(signer, 'POST', `${PA}/${record.id}/approve`, { version: record.version }),
      200,
    );
  expect(record.status).toBe('approved');
  return record;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  // the ward allows a second level of sub-contracting (再々委託) for this case
  const ward = await get('ward_manager', `/api/v1/organisations/${w.wardId}`);
  expectStatus(
    await call('ward_manager', 'PATCH', `/api/v1/organisations/${w.wardId}`, {
      settings: { ...ward.settings, maxSubcontractDepth: 2 },
      version: ward.version,
    }),
    200,
  );
});
afterAll(() => t.close());

describe('a contract with two levels of sub-contracting, from start to close', () => {
  it('starts the ward contract under 別紙7', async () => {
    const draft = await createContract(t, w, { title: '総合自転車対策業務委託（再々委託あり）' });
    ids.contract = draft.id;
    const provisions = await get('ward_officer', `${CONTRACTS}/${draft.id}/provisions`);
    expectStatus(
      await call('ward_officer', 'PUT', `${CONTRACTS}/${draft.id}/provisions`, {
        templateId: 'toshima-annex7',
        version: provisions.version,
      }),
      200,
    );
    expectStatus(await putRegister(t, w.tokens.ward_officer, draft.id, 0), 200);
    const lead = await createHandler(t, w.tokens.contractor_manager, '西戸山 統括', '2026-03-01');
    responsible.top = lead.id;
    await acknowledgedList(t, w, draft.id, lead.id);
    await approveDelegation(t, w, draft.id);
    const active = expectStatus(
      await transition(t, w.tokens.ward_officer, await contract(draft.id), 'activate'),
      200,
    );
    expect(active.status).toBe('active');
  });

  it('approves the contractor’s sub-contract (再委託), which starts once its company has accepted and listed', async () => {
    let approval = expectStatus(
      await call(
        'contractor_manager',
        'POST',
        `${CONTRACTS}/${ids.contract}/subcontract-applications`,
        application(
          { name: '株式会社コールセンター・ジャパン', corporateNumber: '1011101000003' },
          '自転車対策コールセンター運営業務',
          2,
        ),
      ),
      201,
    );
    ids.sub = approval.contractId;
    approval = expectStatus(await step(t, w, 'contractor_manager', approval, 'submit'), 200);
    approval = await signOff(t, w, approval);
    expect(approval.status).toBe('approved');
    // approved but not started: no list, no acceptance yet
    const refused = await transition(t, w.tokens.ward_officer, await contract(ids.sub), 'activate');
    expect(refused.status).toBe(409);
    expect(refused.body.missing.map((m: { code: string }) => m.code)).toEqual(
      expect.arrayContaining(['handler-list-missing', 'provisions-not-accepted']),
    );
    responsible.sub = await startAsItsCompany(
      'subcontractor_manager',
      ids.sub,
      ['東池袋 翔', '大久保 彩'],
      '株式会社コールセンター・ジャパン 統括責任者 東池袋 翔',
    );
    expect((await contract(ids.sub)).status).toBe('active');
  });

  it('approves the sub-contractor’s further sub-contract (再々委託), started the same way', async () => {
    let approval = expectStatus(
      await call(
        'subcontractor_manager',
        'POST',
        `${CONTRACTS}/${ids.sub}/subcontract-applications`,
        application(
          { name: '株式会社みらい情報サービス', corporateNumber: '1011101000002' },
          '問合せ記録の入力業務',
          1,
        ),
      ),
      201,
    );
    ids.subSub = approval.contractId;
    approval = expectStatus(await step(t, w, 'subcontractor_manager', approval, 'submit'), 200);
    approval = await signOff(t, w, approval);
    expect(approval.status).toBe('approved');
    // the contractor answers for everything below it: it reads the application of its sub-contractor
    expect((await call('contractor_manager', 'GET', `/api/v1/approvals/${approval.id}`)).status).toBe(200);
    responsible.subSub = await startAsItsCompany(
      'other_contractor_manager',
      ids.subSub,
      ['丸の内 一郎', '大手町 二郎'],
      '株式会社みらい情報サービス 代表取締役',
    );
    const started = await contract(ids.subSub);
    expect(started).toMatchObject({ status: 'active', parentContractId: ids.sub });
    // a third level is beyond the ward's depth: refused, and not offered
    const third = await call(
      'other_contractor_manager',
      'POST',
      `${CONTRACTS}/${ids.subSub}/subcontract-applications`,
      application({ name: '株式会社さらに下請', corporateNumber: '1011101000099' }, '入力補助業務', 1),
    );
    expect(third.status).toBe(422);
    expect(third.body.errors[0].message_ja).toContain('再委託の段階（2段階）を超えます');
    // …so neither the record nor the page offers it (it did: the form was refused only once filled)
    const asSubSub = await get('other_contractor_manager', `${CONTRACTS}/${ids.subSub}`);
    expect(asSubSub.allowedActions).not.toContain('apply-subdelegation');
    const asSub = await get('subcontractor_manager', `${CONTRACTS}/${ids.sub}`);
    expect(asSub.allowedActions).toContain('apply-subdelegation');
  });

  it('hands data to the top contractor and to the sub-sub-contractor, each stored in its cabinet', async () => {
    packages.top = await handedOverAndStored(ids.contract, 'contractor_manager', responsible.top);
    packages.subSub = await handedOverAndStored(ids.subSub, 'other_contractor_manager', responsible.subSub);
  });

  it('approves the sub-sub-contractor’s copying, and its disposal only with the ward’s witness', async () => {
    const copy = await approvedPriorApproval('other_contractor_manager', ids.subSub, {
      kind: 'copy',
      reason: '入力作業用に問合せ記録を1部複写する',
      quantity: 1,
    });
    expectStatus(
      await call('other_contractor_manager', 'POST', `${PA}/${copy.id}/complete`, {
        version: copy.version,
        completedOn: w.today(),
        note: '1部複写、施錠保管',
      }),
      200,
    );
    // the ward wants to witness disposals on this sub-sub-contract
    const settingsPath = `${CONTRACTS}/${ids.subSub}/prior-approval-settings`;
    const settings = await get('ward_officer', settingsPath);
    expectStatus(
      await call('ward_officer', 'PUT', settingsPath, {
        requiredKinds: settings.requiredKinds,
        disposalWitness: true,
        version: settings.version,
      }),
      200,
    );
    const disposal = await approvedPriorApproval('other_contractor_manager', ids.subSub, {
      kind: 'disposal',
      reason: '入力済みの複写を廃棄する',
      quantity: 1,
    });
    expect(disposal.witnessRequired).toBe(true);
    const unwitnessed = await call('other_contractor_manager', 'POST', `${PA}/${disposal.id}/complete`, {
      version: disposal.version,
      completedOn: w.today(),
      method: 'シュレッダーによる裁断（クロスカット）',
    });
    expect(unwitnessed.status).toBe(409);
    // the duty it enforces is 別紙7 第10条 (返還・廃棄), the sub-sub-contract's own provisions
    expect(unwitnessed.body.article).toBe('第10条第1項');
    const done = expectStatus(
      await call('other_contractor_manager', 'POST', `${PA}/${disposal.id}/complete`, {
        version: disposal.version,
        completedOn: w.today(),
        method: 'シュレッダーによる裁断（クロスカット）',
        witnessName: '交通対策課 交通 花子',
        witnessedOn: w.today(),
      }),
      200,
    );
    expect(done).toMatchObject({ status: 'done', witnessName: '交通対策課 交通 花子' });
    // the companies above it read its prior approvals; nobody outside the chain does
    expect((await call('subcontractor_manager', 'GET', `${PA}/${disposal.id}`)).status).toBe(200);
    expect((await call('contractor_manager', 'GET', `${PA}/${disposal.id}`)).status).toBe(200);
    expect((await call('other_ward_officer', 'GET', `${PA}/${disposal.id}`)).status).toBe(404);
  });

  // 再委託先の監督 (001 第7条5, 003 丙15–16): each company inspects the company below it with the
  // ward's checklists and asks it for a report; the ward reads both; nobody outside the chain does.
  it('the contractor inspects its sub-contractor and requests its report (再委託先の監督)', async () => {
    const INSPECTIONS = '/api/v1/inspections';
    const REQUESTS = '/api/v1/report-requests';
    const inAWeek = new Date(Date.parse(`${w.today()}T00:00:00Z`) + 7 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    for (const [inspector, company, parentId, childId] of [
      ['contractor_manager', w.companies.subcontractor, ids.contract, ids.sub],
      ['subcontractor_manager', w.companies.otherContractor, ids.sub, ids.subSub],
    ] as const) {
      let inspection = expectStatus(
        await call(inspector, 'POST', INSPECTIONS, {
          templateKey: 'toshima-protection', // 001's 個人情報保護に関する実地検査 checklist
          contractId: parentId,
          organisationId: company,
          plannedOn: w.today(),
        }),
        201,
      );
      expect(inspection).toMatchObject({ contractId: childId, organisationId: company });
      inspection = expectStatus(
        await call(inspector, 'POST', `${INSPECTIONS}/${inspection.id}/start`, {
          version: inspection.version,
        }),
        200,
      );
      for (const item of itemsOf(await get(inspector, `${INSPECTIONS}/${inspection.id}`)))
        expectStatus(
          await call(inspector, 'PUT', `${INSPECTIONS}/${inspection.id}/items/${item.key}`, {
            result: 'ok',
            checkedOn: w.today(),
            version: item.answer.version,
          }),
          200,
        );
      const answered = await get(inspector, `${INSPECTIONS}/${inspection.id}`);
      const done = expectStatus(
        await call(inspector, 'POST', `${INSPECTIONS}/${inspection.id}/complete`, {
          version: answered.version,
          comment: '是正事項なし',
        }),
        200,
      );
      expect(done.status).toBe('signed_off');
      // the ward reads the result; the inspected company reads it; outsiders do not
      expect((await get('ward_officer', `${INSPECTIONS}/${inspection.id}`)).status).toBe('signed_off');
      expect((await call('other_ward_officer', 'GET', `${INSPECTIONS}/${inspection.id}`)).status).toBe(404);

      const asked = expectStatus(
        await call(inspector, 'POST', REQUESTS, {
          contractId: parentId,
          organisationId: company,
          topic: '個人情報の保管状況',
          detail: '施錠保管の状況と鍵の管理簿を報告してください',
          dueOn: inAWeek,
        }),
        201,
      );
      const answerer =
        company === w.companies.subcontractor ? 'subcontractor_manager' : 'other_contractor_manager';
      const answer = expectStatus(
        await call(answerer, 'POST', `${REQUESTS}/${asked.id}/answer`, {
          text: '施錠できるキャビネットに保管し、鍵は取扱責任者が管理しています',
          version: asked.version,
        }),
        200,
      );
      const accepted = expectStatus(
        await call(inspector, 'POST', `${REQUESTS}/${asked.id}/accept`, { version: answer.version }),
        200,
      );
      expect(accepted.status).toBe('accepted');
      expect((await get('ward_officer', `${REQUESTS}/${asked.id}`)).status).toBe('accepted');
      expect((await call('other_ward_officer', 'GET', `${REQUESTS}/${asked.id}`)).status).toBe(404);
    }
  });

  it('a breach at the lowest level: copying without approval, reported, and the sub-sub-contract terminated', async () => {
    const incident = expectStatus(
      await call('other_contractor_manager', 'POST', '/api/v1/incidents', {
        contractId: ids.subSub,
        information: '問合せ記録（氏名・電話番号）',
        recordCount: 120,
        location: '株式会社みらい情報サービス 本社',
        circumstances: '承認を得ずに問合せ記録を私用のUSBメモリへ複製していたことが判明した',
        discoveredAt: t.clock.now().toISOString(),
      }),
      201,
    );
    // reported straight to the ward, and read by every company above it
    expect((await call('ward_officer', 'GET', `/api/v1/incidents/${incident.id}`)).status).toBe(200);
    expect((await call('subcontractor_manager', 'GET', `/api/v1/incidents/${incident.id}`)).status).toBe(200);
    expect((await call('contractor_manager', 'GET', `/api/v1/incidents/${incident.id}`)).status).toBe(200);

    const subSub = await get('ward_manager', `${CONTRACTS}/${ids.subSub}`);
    expect(subSub.allowedActions).toContain('terminate');
    const terminated = expectStatus(
      await call('ward_manager', 'POST', `${CONTRACTS}/${ids.subSub}/terminate`, {
        version: subSub.version,
        reason: '承認を得ずに問合せ記録を複製した（別紙7 第8条違反）',
        article: '特記事項第8条',
        terminatedOn: w.today(),
      }),
      200,
    );
    expect(terminated).toMatchObject({ status: 'ending', termination: { article: '特記事項第8条' } });
    // the levels above carry on
    expect((await contract(ids.sub)).status).toBe('active');
    expect((await contract(ids.contract)).status).toBe('active');
    // the terminated company still reads what it must return or erase
    expect((await call('other_contractor_manager', 'GET', `${CONTRACTS}/${ids.subSub}`)).status).toBe(200);
    expect((await call('other_contractor_manager', 'GET', `${PACKAGES}/${packages.subSub}`)).status).toBe(
      200,
    );
  });

  it('the terminated sub-sub-contractor erases what it held and has the certificate issued', async () => {
    const items = await registerItems(t, w.tokens.other_contractor_manager!, ids.subSub);
    const record = expectStatus(
      await call(
        'other_contractor_manager',
        'POST',
        ERASURES,
        erasureBody(ids.subSub, responsible.subSub, await advance(t, w, 60 * 60 * 1000), {
          items,
          packageIds: [packages.subSub],
        }),
      ),
      201,
    );
    const certificate = expectStatus(
      await call('other_contractor_manager', 'POST', `${ERASURES}/${record.id}/certificate`, {
        version: record.version,
      }),
      201,
    );
    expect(certificate.certificateNumber).toBeTruthy();
    expect((await get('other_contractor_manager', `${PACKAGES}/${packages.subSub}`)).status).toBe('erased');
  });

  it('ends the whole contract: every company keeps reading its contract, register and packages (over a socket)', async () => {
    expectStatus(
      await transition(t, w.tokens.ward_officer, await contract(ids.contract), 'begin-ending'),
      200,
    );
    expect((await contract(ids.contract)).status).toBe('ending');
    expect((await contract(ids.sub)).status).toBe('ending');
    expect((await contract(ids.subSub)).status).toBe('ending');

    const server = await serveApp(t);
    try {
      const read = async (who: string, path: string) => {
        const res = await rawRequest(`${server.url}${path}`, {
          headers: { authorization: `Bearer ${w.tokens[who]}` },
        });
        return { status: res.status, body: res.status === 200 ? JSON.parse(res.body) : res.body };
      };
      const levels = [
        ['contractor_manager', ids.contract],
        ['subcontractor_manager', ids.sub],
        ['other_contractor_manager', ids.subSub],
      ] as const;
      for (const [who, id] of levels) {
        const own = await read(who, `${CONTRACTS}/${id}`);
        expect(own.status, who).toBe(200);
        expect(own.body.status).toBe('ending');
        expect((await read(who, `${CONTRACTS}/${id}/register`)).status, who).toBe(200);
        expect((await read(who, `${CONTRACTS}/${id}/handler-lists`)).status, who).toBe(200);
        const list = await read(who, `${PACKAGES}?contractId=${id}`);
        expect(list.status, who).toBe(200);
      }
      // the packages each holds are still its to read
      expect((await read('contractor_manager', `${PACKAGES}/${packages.top}`)).status).toBe(200);
      expect((await read('other_contractor_manager', `${PACKAGES}/${packages.subSub}`)).status).toBe(200);
      // and nobody outside the chain reads any of it
      expect((await read('other_ward_company_manager', `${CONTRACTS}/${ids.subSub}`)).status).toBe(404);
      expect((await read('other_ward_officer', `${CONTRACTS}/${ids.contract}`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('refuses the close while any level has not certified, naming it', async () => {
    const refused = await transition(t, w.tokens.ward_officer, await contract(ids.contract), 'close');
    expect(refused.status).toBe(409);
    expect(refused.body.missing.map((m: { code: string }) => m.code)).toContain('erasure-not-certified');
  });

  it('takes certificates from the sub-contractor and the contractor, and closes with the whole chain', async () => {
    await advance(t, w, 60 * 60 * 1000);
    await certifyFinalErasure(t, w.tokens.subcontractor_manager!, ids.sub, responsible.sub);
    const items = await registerItems(t, w.tokens.contractor_manager!, ids.contract);
    const record = expectStatus(
      await call(
        'contractor_manager',
        'POST',
        ERASURES,
        erasureBody(ids.contract, responsible.top, t.clock.now(), { items, packageIds: [packages.top] }),
      ),
      201,
    );
    expectStatus(
      await call('contractor_manager', 'POST', `${ERASURES}/${record.id}/certificate`, {
        version: record.version,
      }),
      201,
    );
    const closed = expectStatus(
      await transition(t, w.tokens.ward_officer, await contract(ids.contract), 'close'),
      200,
    );
    expect(closed.status).toBe('closed');
    expect((await contract(ids.sub)).status).toBe('closed');
    expect((await contract(ids.subSub)).status).toBe('closed');
    // every level's certificate is on record for the ward
    const erasures = await get('ward_officer', `${ERASURES}?limit=50`);
    const certified = new Set(
      erasures.items
        .filter((e: { status: string }) => e.status === 'certified')
        .map((e: { contractId: string }) => e.contractId),
    );
    expect([...certified].sort()).toEqual([ids.contract, ids.sub, ids.subSub].sort());
  });

  it('leaves the register of each level readable to its company after the close', async () => {
    for (const [who, id] of [
      ['contractor_manager', ids.contract],
      ['subcontractor_manager', ids.sub],
      ['other_contractor_manager', ids.subSub],
    ] as const) {
      expect((await call(who, 'GET', `${CONTRACTS}/${id}`)).status, who).toBe(200);
    }
  });
});
