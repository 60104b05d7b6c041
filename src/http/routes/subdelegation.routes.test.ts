import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPROVALS, callCentreApplication, signOff, step } from '../../../test/helpers/approvals.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { prepareForm, startSubcontract } from '../../../test/helpers/handover.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// The Shinjuku bicycle-measures case (seed 003): the contractor applies to sub-contract the call
// centre, the ward signs 担当者 → 係長 → 課長, the council report item and its PDF follow.

let t: TestApp;
let w: World;
const apply = (who: string, body: object, contractId = w.bicycleContractId) =>
  t.call('POST', `/api/v1/contracts/${contractId}/subcontract-applications`, {
    token: w.tokens[who],
    json: body,
  });

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('refusals of a sub-contracting application (422, nothing written)', () => {
  it('refuses the whole work or its main part', async () => {
    const res = await apply('contractor_manager', callCentreApplication(w, { portion: 'main' }));
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({
      path: 'portion',
      message_ja: '業務の全部又は主たる部分を再委託することはできません',
    });
  });

  it('refuses items and media outside the parent register, naming them', async () => {
    const body = callCentreApplication(w);
    body.register.subjectGroups[0]!.items.push({
      name: '勤務先',
      catalogueCode: 'workplace',
      direction: 'collected',
    } as never);
    body.register.media.push({ kind: 'usb', name: '私物のUSB' } as never);
    const res = await apply('contractor_manager', body);
    expect(res.status).toBe(422);
    const messages = res.body.errors.map((e: { message_ja: string }) => e.message_ja).join('\n');
    expect(messages).toContain('問合せ者の「勤務先」');
    expect(messages).toContain('私物のUSB');
  });

  it("refuses a company on the ward's suspension list", async () => {
    const suspended = expectStatus(
      await t.call('POST', '/api/v1/organisations', {
        token: w.tokens.ward_officer,
        json: { kind: 'company', name: '株式会社停止中', corporateNumber: '1011101009999' },
      }),
      201,
    );
    expectStatus(
      await t.call('POST', '/api/v1/suspensions', {
        token: w.tokens.ward_officer,
        json: {
          companyId: suspended.id,
          reason: '個人情報漏えい事故による指名停止',
          suspendedFrom: '2026-01-01',
        },
      }),
      201,
    );
    const res = await apply(
      'contractor_manager',
      callCentreApplication(w, {
        subcontractor: { name: '株式会社停止中', corporateNumber: '1011101009999' },
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors[0].message_ja).toContain('指名停止');
  });

  it('refuses anyone but the contractor manager of the contract', async () => {
    expect((await apply('contractor_staff', callCentreApplication(w))).status).toBe(403);
    expect((await apply('other_contractor_manager', callCentreApplication(w))).status).toBe(404);
    expect((await apply('ward_officer', callCentreApplication(w))).status).toBe(403);
    const approvals = await t.handle.db
      .selectFrom('approvals')
      .select('id')
      .where('kind', '=', 'subdelegation')
      .execute();
    expect(approvals).toEqual([]);
  });
});

describe('the call centre, from application to council report', () => {
  let approval: { id: string; version: number; contractId: string; status: string };

  it('applies: a sub-contract the sub-contractor cannot see yet', async () => {
    approval = expectStatus(await apply('contractor_manager', callCentreApplication(w)), 201);
    expect(approval).toMatchObject({
      kind: 'subdelegation',
      status: 'draft',
      parentContractId: w.bicycleContractId,
    });
    expect(
      (
        await t.call('GET', `/api/v1/contracts/${approval.contractId}`, {
          token: w.tokens.subcontractor_manager,
        })
      ).status,
    ).toBe(404);
    const sub = expectStatus(
      await t.call('GET', `/api/v1/contracts/${approval.contractId}`, { token: w.tokens.contractor_manager }),
      200,
    );
    expect(sub).toMatchObject({
      depth: 2,
      contractorOrgId: w.companies.subcontractor,
      parentContractId: w.bicycleContractId,
    });
  });

  it('signs in order: the 係長 cannot sign before the 担当者, nor the 課長 before the 係長', async () => {
    approval = expectStatus(await step(t, w, 'contractor_manager', approval, 'submit'), 200);
    expect((await step(t, w, 'ward_chief', approval, 'start-review')).status).toBe(409);
    approval = expectStatus(await step(t, w, 'ward_officer', approval, 'start-review'), 200);
    const early = await step(t, w, 'ward_manager', approval, 'approve');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ state: 'under_review', awaitedRole: 'ward_officer' });
    expect(early.body.detail_ja).toContain('担当者の決裁待ち');
    approval = expectStatus(await step(t, w, 'ward_officer', approval, 'approve'), 200);
    expect(approval).toMatchObject({ status: 'under_review', step: 1 });
  });

  it('lets exactly one of two simultaneous signatures of the same step win', async () => {
    const [a, b] = await Promise.all([
      step(t, w, 'ward_chief', approval, 'approve'),
      step(t, w, 'ward_chief', approval, 'approve'),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    approval = (a.status === 200 ? a : b).body;
    expect(approval).toMatchObject({ step: 2 });
    const steps = await t.handle.db
      .selectFrom('approval_steps')
      .select('role')
      .where('approval_id', '=', approval.id)
      .where('role', '=', 'ward_chief')
      .execute();
    expect(steps).toHaveLength(1);
  });

  it('takes effect with the 課長: the sub-contractor now sees its sub-contract and its items, not the parent', async () => {
    approval = expectStatus(
      await step(t, w, 'ward_manager', approval, 'approve', { comment: '承認する' }),
      200,
    );
    expect(approval.status).toBe('approved');
    const full = expectStatus(
      await t.call('GET', `${APPROVALS}/${approval.id}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(full.steps.map((s: { role: string; decision: string }) => `${s.role}:${s.decision}`)).toEqual([
      'applicant:submit',
      'ward_officer:start_review',
      'ward_officer:approve',
      'ward_chief:approve',
      'ward_manager:approve',
    ]);
    const token = w.tokens.subcontractor_staff;
    // approved, not started: it waits for the sub-contractor's handler list like any contract
    expect((await t.call('GET', `/api/v1/contracts/${approval.contractId}`, { token })).body.status).toBe(
      'approved',
    );
    const register = expectStatus(
      await t.call('GET', `/api/v1/contracts/${approval.contractId}/register`, { token }),
      200,
    );
    expect(register.document.subjectGroups.map((g: { name: string }) => g.name)).toEqual([
      '問合せ者',
      '撤去車両所有者',
    ]);
    expect((await t.call('GET', `/api/v1/contracts/${w.bicycleContractId}`, { token })).status).toBe(404);
    const list = expectStatus(await t.call('GET', '/api/v1/contracts', { token }), 200);
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([approval.contractId]);
  });

  it('starts only through the same activation gate as any contract: the handler list with pledges first', async () => {
    const sub = () =>
      t.call('GET', `/api/v1/contracts/${approval.contractId}`, { token: w.tokens.ward_officer });
    const approved = expectStatus(await sub(), 200);
    expect(approved).toMatchObject({ status: 'approved', startedAt: null });
    expect(approved.allowedActions).toContain('activate');
    const activate = (version: number) =>
      t.call('POST', `/api/v1/contracts/${approval.contractId}/activate`, {
        token: w.tokens.ward_officer,
        json: { version },
      });
    const refused = await activate(approved.version);
    expect(refused.status).toBe(409);
    expect(refused.body.missing.map((m: { code: string }) => m.code)).toEqual([
      'handler-list-missing',
      'provisions-not-accepted',
    ]);
    expect(refused.body.detail_ja).toContain('名簿');
    // the flow-down provisions (丙) name the articles: 丙第14項 for the list, 乙第13項 for the flow-down
    expect(refused.body.detail_ja).toContain('（特記事項 第14項）');
    expect(refused.body.detail_ja).toContain('再委託先が特記事項を受諾していません（特記事項 第13項）');
    // no handover before it has started
    const pkg = await t.call('POST', '/api/v1/handover-packages', {
      token: w.tokens.ward_officer,
      body: prepareForm({
        contractId: approval.contractId,
        title: '問合せ者情報',
        items: [{ subjectGroup: '撤去車両所有者', name: '氏名', direction: 'provided' }],
        files: [{ name: 'a.csv', bytes: new TextEncoder().encode('氏名\n') }],
      }),
    });
    expect(pkg.status).toBe(409);

    const started = await startSubcontract(t, w, approval.contractId);
    expect(started.status).toBe('active');
    expect(started.startedAt).not.toBeNull();
  });

  it('refuses a further level where the ward allows only 再委託', async () => {
    const res = await apply(
      'subcontractor_manager',
      callCentreApplication(w, { subcontractor: { name: '株式会社孫請' } }),
      approval.contractId,
    );
    expect(res.status).toBe(422);
    expect(res.body.errors[0].message_ja).toContain('段階');
  });

  it('produces the council report item, readable by council reviewers and downloadable as a PDF', async () => {
    const items = expectStatus(
      await t.call('GET', '/api/v1/council/report-items', { token: w.tokens.council_reviewer }),
      200,
    );
    const item = items.items.find((i: { approvalId: string }) => i.approvalId === approval.id);
    expect(item).toMatchObject({
      kind: 'subdelegation',
      title: '自転車対策コールセンター運営業務の再委託について',
    });
    expect(item.content.items.collected[0]).toEqual({
      group: '問合せ者',
      items: ['氏名', '住所', '電話番号', '問合せ内容'],
      includesPastYears: false,
    });
    expect(item.content.subcontractor.name).toBe('株式会社コールセンター・ジャパン');

    const meeting = expectStatus(
      await t.call('POST', '/api/v1/council/meetings', {
        token: w.tokens.ward_officer,
        json: { title: '令和8年度第3回', heldOn: '2026-12-10' },
      }),
      201,
    );
    expect(
      (
        await t.call('PATCH', `/api/v1/council/report-items/${item.id}`, {
          token: w.tokens.council_reviewer,
          json: { meetingId: meeting.id, version: item.version },
        })
      ).status,
    ).toBe(403);
    expectStatus(
      await t.call('PATCH', `/api/v1/council/report-items/${item.id}`, {
        token: w.tokens.ward_officer,
        json: { meetingId: meeting.id, version: item.version },
      }),
      200,
    );
    const byMeeting = expectStatus(
      await t.call('GET', `/api/v1/council/report-items?meetingId=${meeting.id}`, {
        token: w.tokens.council_reviewer,
      }),
      200,
    );
    expect(byMeeting.items.map((i: { id: string }) => i.id)).toEqual([item.id]);

    const res = await t.app.request(`/api/v1/council/report-items/${item.id}/pdf`, {
      headers: { authorization: `Bearer ${w.tokens.council_reviewer}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (process.env.KEEP_PDFS)
      await writeFile(`${process.env.KEEP_PDFS}/council-report-subdelegation.pdf`, bytes);
    expect(bytes.length).toBeLessThan(120_000);
    const { text } = await pdfText(bytes);
    for (const expected of [
      '報告事項',
      '自転車対策コールセンター運営業務の再委託について',
      '交通対策課',
      '株式会社コールセンター・ジャパン',
      '問合せ者の氏名、住所、電話番号、問合せ内容',
      '撤去車両所有者の住所、氏名、電話番号',
      // the test clock's today: a sub-contract may not start before it is approved
      '令和8年11月22日から令和9年3月31日まで',
      '令和8年度第3回',
    ]) {
      expect(text.replace(/\s/g, '')).toContain(expected.replace(/\s/g, ''));
    }
    expect(
      (
        await t.call('GET', `/api/v1/council/report-items/${item.id}/pdf`, {
          token: w.tokens.other_ward_officer,
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.call('GET', `/api/v1/council/report-items/${item.id}`, { token: w.tokens.contractor_manager }))
        .status,
    ).toBe(404);
  });

  it('revokes at the top of the chain, cutting the sub-contractor off at once', async () => {
    const current = expectStatus(
      await t.call('GET', `${APPROVALS}/${approval.id}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect((await step(t, w, 'ward_officer', current, 'revoke')).status).toBe(409);
    expect((await step(t, w, 'council_reviewer', current, 'revoke')).status).toBe(404);
    const revoked = expectStatus(
      await step(t, w, 'ward_manager', current, 'revoke', { comment: '再委託先の体制不備のため' }),
      200,
    );
    expect(revoked.status).toBe('revoked');
    expect(
      (
        await t.call('GET', `/api/v1/contracts/${approval.contractId}`, {
          token: w.tokens.subcontractor_manager,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call('GET', `/api/v1/contracts/${approval.contractId}/register`, {
          token: w.tokens.subcontractor_staff,
        })
      ).status,
    ).toBe(404);
    const sub = expectStatus(
      await t.call('GET', `/api/v1/contracts/${approval.contractId}`, { token: w.tokens.contractor_manager }),
      200,
    );
    expect(sub.status).toBe('ending');
  });
});

describe('sending back', () => {
  it('returns the application to the applicant, who resubmits; the chain starts again', async () => {
    let a = expectStatus(
      await apply('contractor_manager', callCentreApplication(w, { title: '駐輪場定期利用受付業務' })),
      201,
    );
    a = expectStatus(await step(t, w, 'contractor_manager', a, 'submit'), 200);
    a = expectStatus(await step(t, w, 'ward_officer', a, 'start-review'), 200);
    a = expectStatus(await step(t, w, 'ward_officer', a, 'approve'), 200);
    a = expectStatus(
      await step(t, w, 'ward_chief', a, 'send-back', { comment: '監督方法を具体的に記載してください' }),
      200,
    );
    expect(a).toMatchObject({ status: 'changes_requested', step: 0 });
    expect((await step(t, w, 'ward_officer', a, 'resubmit')).status).toBe(403);
    a = expectStatus(await step(t, w, 'contractor_manager', a, 'resubmit'), 200);
    a = await signOff(t, w, a);
    expect(a.status).toBe('approved');
  });
});
