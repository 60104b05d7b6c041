import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDelegation, callCentreApplication, signOff, step } from '../../../test/helpers/approvals.js';
import { pageClient, textOf } from '../../../test/helpers/browser.js';
import {
  acknowledgedList,
  CONTRACTS,
  createContract,
  createHandler,
  expectStatus,
  putRegister,
  submitList,
  transition,
} from '../../../test/helpers/contracts.js';
import {
  advance,
  byHand,
  custodyStep,
  listedHandlers,
  ownersCsv,
  prepare,
  startSubcontract,
  VEHICLE_OWNER_ITEMS,
} from '../../../test/helpers/handover.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../test/helpers/world.js';

// 「第○条」 beside the refusal: a refusal that enforces a duty of the 特記事項 names the article of
// THE CONTRACT'S OWN provisions — 別紙7 numbers by 条, the Shinjuku 乙 and 丙 provisions by 項, and
// the same duty sits at a different number in each — in the problem+json (detail_ja, `article`,
// each field error) and so on the page that shows it.

const PA = '/api/v1/prior-approvals';
let t: TestApp;
let w: World;
/** The three contracts, one per template: 別紙7 (Toshima), 乙 (the demo's), 丙 (its sub-contract). */
const contracts: Record<'annex7' | 'contractor' | 'subcontractor', { id: string; applicant: string }> =
  {} as never;

const call = (who: string, method: string, path: string, json?: unknown) =>
  t.call(method, path, { token: w.tokens[who], json });

async function itemKeys(contractId: string) {
  const register = expectStatus(
    await call('ward_officer', 'GET', `${CONTRACTS}/${contractId}/register`),
    200,
  );
  return register.document.subjectGroups.flatMap((g: { items: { key: string }[] }) =>
    g.items.map((i) => i.key),
  );
}

/** An application of `kind` on the contract, by its own contractor. */
async function apply(which: keyof typeof contracts, kind: 'copy' | 'other_use') {
  const { id, applicant } = contracts[which];
  return expectStatus(
    await call(applicant, 'POST', PA, {
      contractId: id,
      kind,
      reason: kind === 'copy' ? '通知の発送作業のため名簿を1部複写する' : '統計資料の作成に利用する',
      itemKeys: (await itemKeys(id)).slice(0, 1),
      quantity: kind === 'copy' ? 1 : null,
      periodFrom: '2026-11-25',
      periodTo: '2026-11-30',
      place: '受託者事業所（執務室内）',
      ...(kind === 'other_use' && { recipient: '区の統計担当（集計のみ）' }),
    }),
    201,
  );
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  // 別紙7: a contract whose ward officer chose Toshima's annex 7 while it was a draft
  const draft = await createContract(t, w, { title: '別紙7の特記事項による委託' });
  const provisions = expectStatus(
    await call('ward_officer', 'GET', `${CONTRACTS}/${draft.id}/provisions`),
    200,
  );
  expectStatus(
    await call('ward_officer', 'PUT', `${CONTRACTS}/${draft.id}/provisions`, {
      templateId: 'toshima-annex7',
      version: provisions.version,
    }),
    200,
  );
  expectStatus(await putRegister(t, w.tokens.ward_officer, draft.id, 0), 200);
  const responsible = await createHandler(t, w.tokens.contractor_manager, '別紙 太郎', '2026-03-01');
  await acknowledgedList(t, w, draft.id, responsible.id);
  await approveDelegation(t, w, draft.id);
  const current = expectStatus(await call('ward_officer', 'GET', `${CONTRACTS}/${draft.id}`), 200);
  expectStatus(await transition(t, w.tokens.ward_officer, current, 'activate'), 200);
  contracts.annex7 = { id: draft.id, applicant: 'contractor_manager' };
  contracts.contractor = { id: w.bicycleContractId, applicant: 'contractor_manager' };

  let a = expectStatus(
    await call(
      'contractor_manager',
      'POST',
      `${CONTRACTS}/${w.bicycleContractId}/subcontract-applications`,
      callCentreApplication(w),
    ),
    201,
  );
  a = expectStatus(await step(t, w, 'contractor_manager', a, 'submit'), 200);
  a = await signOff(t, w, a);
  await startSubcontract(t, w, a.contractId);
  contracts.subcontractor = { id: a.contractId, applicant: 'subcontractor_manager' };
});
afterAll(() => t.close());

describe('each refusal names the article of the contract’s own 特記事項', () => {
  const cases = [
    // 複写・複製 recorded done before the ward approved it
    { which: 'annex7', kind: 'copy', article: '第8条' },
    { which: 'contractor', kind: 'copy', article: '第9項' },
    { which: 'subcontractor', kind: 'copy', article: '第10項' },
    // 目的外利用 (purpose) recorded done before the approval
    { which: 'annex7', kind: 'other_use', article: '第5条' },
    { which: 'contractor', kind: 'other_use', article: '第7項' },
    { which: 'subcontractor', kind: 'other_use', article: '第8項' },
  ] as const;

  for (const c of cases) {
    it(`${c.kind} done before its approval on the ${c.which} provisions: 409 citing ${c.article}`, async () => {
      const record = await apply(c.which, c.kind);
      const early = await call(contracts[c.which].applicant, 'POST', `${PA}/${record.id}/complete`, {
        version: record.version,
        completedOn: '2026-11-25',
      });
      expect(early.status).toBe(409);
      expect(early.body.article).toBe(c.article);
      expect(early.body.detail_ja).toContain(`（特記事項 ${c.article}）`);
      expect(early.body.detail).toContain(`(special provisions, ${c.article})`);
      // the refusal changed nothing
      const after = expectStatus(await call(contracts[c.which].applicant, 'GET', `${PA}/${record.id}`), 200);
      expect(after).toMatchObject({ status: 'applied', version: record.version });
      // the record's page names the same article of its contract's provisions
      const page = await pageClient(t, USERS[contracts[c.which].applicant]!.email);
      const shown = textOf((await page.get(`/prior-approvals/${record.id}`)).html);
      expect(shown).toContain(`特記事項 ${c.article}`);
    });
  }

  it('a record done on the wrong day after its approval: the field error carries the article (422)', async () => {
    let record = await apply('contractor', 'copy');
    for (const who of ['ward_officer', 'ward_chief', 'ward_manager'])
      record = expectStatus(
        await call(who, 'POST', `${PA}/${record.id}/approve`, { version: record.version }),
        200,
      );
    const early = await call('contractor_manager', 'POST', `${PA}/${record.id}/complete`, {
      version: record.version,
      completedOn: '2026-11-01',
    });
    expect(early.status).toBe(422);
    expect(early.body.errors[0]).toMatchObject({ path: 'completedOn', article: '第9項' });
    expect(early.body.errors[0].message_ja).toContain('（特記事項 第9項）');
  });

  it('a handler without a pledge (秘密の保持): 別紙7 第3条, 乙 第2項, 丙 第3項', async () => {
    const expected = { annex7: '第3条', contractor: '第2項', subcontractor: '第3項' } as const;
    for (const which of ['annex7', 'contractor', 'subcontractor'] as const) {
      const who = contracts[which].applicant;
      const unpledged = await createHandler(t, w.tokens[who], `誓約未提出 ${which}`);
      const res = await submitList(t, w.tokens[who], contracts[which].id, [
        { handlerId: unpledged.id, role: 'responsible', effectiveFrom: '2026-11-25' },
      ]);
      expect(res.status, which).toBe(422);
      const pledge = res.body.errors.find((e: { path: string }) => e.path === 'entries.0.handlerId');
      expect(pledge.message_ja, which).toContain(`（特記事項 ${expected[which]}）`);
    }
  });

  it('the media kept (保管) and taken out (持出し): 別紙7 第4条第1項 / 第9条, 乙 第8項 / 第6項', async () => {
    const expected = {
      annex7: { storage: '第4条第1項', takeOut: '第9条' },
      contractor: { storage: '第8項', takeOut: '第6項' },
    } as const;
    for (const which of ['annex7', 'contractor'] as const) {
      const contractId = contracts[which].id;
      const people = await listedHandlers(t, w.tokens.contractor_manager!, contractId);
      const receiver = Object.values(people)[0]!;
      let pkg = expectStatus(
        await prepare(t, w.tokens.ward_officer, {
          contractId,
          title: '撤去車両所有者情報',
          // items both registers hold
          items: VEHICLE_OWNER_ITEMS.filter((i) => ['氏名', '住所', '自転車防犯登録番号'].includes(i.name)),
          files: [{ name: '撤去車両所有者一覧.csv', bytes: ownersCsv(5) }],
        }),
        201,
      ).package;
      const at = await advance(t, w, 10 * 60 * 1000);
      pkg = expectStatus(
        await custodyStep(t, w.tokens.ward_officer, pkg, 'media-handover', byHand(receiver, at)),
        200,
      );
      // not yet stored: nothing leaves the cabinet it is not in
      const takeOut = await custodyStep(t, w.tokens.contractor_manager, pkg, 'take-outs', {
        purpose: 'other',
        purposeDetail: '別の事業所での照合作業',
        contents: '暗号化USB',
        handlerId: receiver,
      });
      expect(takeOut.status, which).toBe(409);
      expect(takeOut.body.article, which).toBe(expected[which].takeOut);
      expect(takeOut.body.detail_ja).toContain(`（特記事項 ${expected[which].takeOut}）`);
      // the key is kept by the 取扱責任者 on the list: someone else is refused
      const stranger = await createHandler(t, w.tokens.contractor_manager, `鍵 ${which}`, '2026-01-05');
      const stored = await custodyStep(t, w.tokens.contractor_manager, pkg, 'storage', {
        storedAt: (await advance(t, w, 60 * 1000)).toISOString(),
        place: '執務室内の施錠できるキャビネット',
        keyHolderHandlerId: stranger.id,
      });
      expect(stored.status, which).toBe(422);
      expect(stored.body.errors[0]).toMatchObject({
        path: 'keyHolderHandlerId',
        article: expected[which].storage,
      });
      expect(stored.body.detail_ja).toContain(`（特記事項 ${expected[which].storage}）`);
    }
  });

  it('a sub-contractor under the 丙 provisions is refused further sub-contracting (第11項), and not offered it', async () => {
    const refused = await call(
      'subcontractor_manager',
      'POST',
      `${CONTRACTS}/${contracts.subcontractor.id}/subcontract-applications`,
      callCentreApplication(w, { subcontractor: { name: '株式会社下請', corporateNumber: '1011101000077' } }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { message_ja: string }) => e.message_ja).join()).toContain(
      '（特記事項 第11項）',
    );
    const own = expectStatus(
      await call('subcontractor_manager', 'GET', `${CONTRACTS}/${contracts.subcontractor.id}`),
      200,
    );
    expect(own.allowedActions).not.toContain('apply-subdelegation');
    // the contractor above it may still apply on its own contract
    const parent = expectStatus(
      await call('contractor_manager', 'GET', `${CONTRACTS}/${w.bicycleContractId}`),
      200,
    );
    expect(parent.allowedActions).toContain('apply-subdelegation');
  });

  it('a late incident report (事故報告, 「直ちに」): recorded, marked late with 第15条第1項 / 第22項 / 第18項', async () => {
    const expected = { annex7: '第15条第1項', contractor: '第22項', subcontractor: '第18項' } as const;
    const days = (n: number) => new Date(t.clock.now().getTime() - n * 86_400_000).toISOString();
    for (const which of ['annex7', 'contractor', 'subcontractor'] as const) {
      const body = {
        contractId: contracts[which].id,
        information: '撤去車両所有者の氏名・住所',
        recordCount: 3,
        location: '受託者事業所',
        circumstances: '返還通知を誤った宛先に送付した',
      };
      const late = expectStatus(
        await call(contracts[which].applicant, 'POST', '/api/v1/incidents', {
          ...body,
          discoveredAt: days(3),
        }),
        201,
      );
      expect(late.lateReport, which).toMatchObject({ hoursAfterDiscovery: 72, article: expected[which] });
      expect(late.lateReport.ja).toContain(`（特記事項 ${expected[which]}）`);
      const read = expectStatus(await call('ward_officer', 'GET', `/api/v1/incidents/${late.id}`), 200);
      expect(read.lateReport.article).toBe(expected[which]);
      if (which === 'contractor') {
        const officer = await pageClient(t, USERS.ward_officer!.email);
        const page = textOf((await officer.get(`/incidents/${late.id}`)).html);
        expect(page).toContain('報告の遅延');
        expect(page).toContain(
          `発見から72時間後の報告です。事故は直ちに報告しなければなりません（特記事項 ${expected[which]}）`,
        );
      }
      const prompt = expectStatus(
        await call(contracts[which].applicant, 'POST', '/api/v1/incidents', {
          ...body,
          discoveredAt: days(0.5),
        }),
        201,
      );
      expect(prompt.lateReport, which).toBeNull();
    }
  });

  it('the contract page names each prior approval’s article of its own provisions', async () => {
    const officer = await pageClient(t, USERS.ward_officer!.email);
    const annex7 = textOf((await officer.get(`/contracts/${contracts.annex7.id}`)).html);
    expect(annex7).toContain('複写・複製（特記事項 第8条）');
    const contractor = textOf((await officer.get(`/contracts/${contracts.contractor.id}`)).html);
    expect(contractor).toContain('複写・複製（特記事項 第9項）');
    expect(contractor).toContain('目的外利用・第三者提供（特記事項 第7項）');
  });

  it('a refusal that enforces no duty of the provisions carries no article', async () => {
    const record = await apply('contractor', 'copy');
    const outOfTurn = await call('ward_chief', 'POST', `${PA}/${record.id}/approve`, {
      version: record.version,
    });
    expect(outOfTurn.status).toBe(409);
    expect(outOfTurn.body.article).toBeUndefined();
    expect(outOfTurn.body.detail_ja).not.toContain('特記事項');
  });
});
