import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../../test/helpers/contracts.js';
import {
  answerRest,
  approvedSubcontract,
  command,
  detail,
  INSPECTIONS,
  itemsOf,
  plan,
  putItem,
  signInspection,
  uploadEvidence,
} from '../../../test/helpers/inspections.js';
import { expectListViews } from '../../../test/helpers/list-views.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';

// 実地検査 end to end: the demo bicycle-measures contractor (seed 003) inspected with the Toshima
// protection checksheet, chosen by the contract's processing modes; a × becomes a finding, the
// contractor reports its improvement, the inspector re-checks, and the ward signs 担当者 → 係長 → 課長.
// Then the approved call-centre sub-contractor, whose finding is carried with a reason.

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('the contractor (受託者), from plan to sign-off', () => {
  let id: string;
  let findingId: string;

  it('plans with the sections of its processing modes: (1) paper and (3) off-site, no sub-contracting', async () => {
    const planned = expectStatus(
      await plan(t, w, { contractId: w.bicycleContractId, assistantIds: [w.userIds.ward_officer] }),
      201,
    );
    id = planned.id;
    expect(planned).toMatchObject({
      status: 'planned',
      organisationId: w.companies.contractor,
      contractId: w.bicycleContractId,
      purpose: 'privacy',
      fiscalYear: 2026,
      applicability: {
        subcontracting: false,
        appliedSections: ['1', 'm1', 'm3'],
        skippedSections: ['m2', '3'],
      },
    });
    expect(planned.sections.map((s: { heading: string }) => s.heading)).toEqual([
      '1 受託事業者の個人情報等保護の管理責任体制について',
      '(1) 個人情報等を紙媒体で提供する委託',
      '(3) 区の施設外へ電磁的記録による個人情報等を外部記憶媒体の移送、又は通信回線等による送信その他の方法で提供して電算処理を行う委託',
    ]);
    expect(planned.progress).toEqual({ total: 44, answered: 0, ng: 0, openFindings: 0 });
  });

  it('records nothing before the inspection starts', async () => {
    const item = itemsOf(await detail(t, w, id))[0]!;
    expect((await putItem(t, w.tokens.inspector, id, item, { result: 'ok' })).status).toBe(409);
    const started = expectStatus(await command(t, w, 'inspector', { id, version: 1 }, 'start'), 200);
    expect(started.status).toBe('in_progress');
  });

  it('turns a × into a finding with its agreed deadline, what was seen, a photo and the remote method', async () => {
    const photo = await uploadEvidence(t, w.tokens.inspector, { wardId: w.wardId });
    const item = itemsOf(await detail(t, w, id)).find((i) => i.key === 'm1-1-1')!;
    expect(item.text).toBe(
      '引き渡した個人情報等を安全に保管できる設備(施錠できる保管庫・耐火金庫等)を有している。',
    );
    const saved = expectStatus(
      await putItem(t, w.tokens.inspector, id, item, {
        result: 'ng',
        observation: '返還請求書の保管庫が施錠されていなかった',
        photoIds: [photo],
        remoteMethod: 'video',
        improvementDueOn: '2026-12-20',
      }),
      200,
    );
    expect(saved.item).toMatchObject({
      result: 'ng',
      checkedOn: '2026-11-20',
      photoIds: [photo],
      version: 2,
    });
    expect(saved.finding).toMatchObject({
      status: 'open',
      dueOn: '2026-12-20',
      overdue: false,
      itemKey: 'm1-1-1',
    });
    findingId = saved.finding.id;
  });

  it('lets the named assistant (補助者) save items one by one; a reload shows them all', async () => {
    const item = itemsOf(await detail(t, w, id)).find((i) => i.key === '1-1')!;
    expectStatus(
      await putItem(t, w.tokens.ward_officer, id, item, { result: 'ok', observation: '方針を確認' }),
      200,
    );
    expect((await putItem(t, w.tokens.ward_chief, id, item, { result: 'ok' })).status).toBe(403);
    const reloaded = await detail(t, w, id, 'ward_officer');
    expect(reloaded.progress).toMatchObject({ answered: 2, ng: 1, openFindings: 1 });
    expect(itemsOf(reloaded).find((i) => i.key === '1-1')!.answer).toMatchObject({
      result: 'ok',
      version: 2,
    });
  });

  it('refuses sign-off while the finding is open, naming it', async () => {
    const current = await answerRest(t, w, id, (key) => key === 'm3-3-11');
    expect(current.progress).toMatchObject({ answered: 44, openFindings: 1 });
    const refused = await command(t, w, 'inspector', current, 'submit');
    expect(refused.status).toBe(409);
    expect(refused.body.openFindings).toEqual([{ id: findingId, itemKey: 'm1-1-1' }]);
    expect(refused.body.detail_ja).toContain('改善が確認されていない指摘事項があります（確認項目 m1-1-1）');
    expect((await detail(t, w, id)).status).toBe('in_progress');
  });

  it('takes the improvement report from the contractor manager only', async () => {
    const finding = (await detail(t, w, id)).findings[0];
    const report = (who: string) =>
      t.call('POST', `${INSPECTIONS}/${id}/findings/${findingId}/improvement-report`, {
        token: w.tokens[who],
        json: { report: '保管庫に鍵を取り付け、鍵の管理簿を作成した', version: finding.version },
      });
    expect((await report('contractor_staff')).status).toBe(403);
    expect((await report('other_contractor_manager')).status).toBe(404);
    expect((await report('inspector')).status).toBe(403);
    const evidence = await uploadEvidence(t, w.tokens.contractor_manager, {
      wardId: w.wardId,
      name: '鍵.png',
    });
    const reported = expectStatus(
      await t.call('POST', `${INSPECTIONS}/${id}/findings/${findingId}/improvement-report`, {
        token: w.tokens.contractor_manager,
        json: {
          report: '保管庫に鍵を取り付け、鍵の管理簿を作成した',
          attachmentIds: [evidence],
          version: finding.version,
        },
      }),
      200,
    );
    expect(reported).toMatchObject({ status: 'reported', improvementAttachmentIds: [evidence] });
    expect((await command(t, w, 'inspector', await detail(t, w, id), 'submit')).status).toBe(409);
  });

  it('records the re-check on the item and closes the finding', async () => {
    const item = itemsOf(await detail(t, w, id)).find((i) => i.key === 'm1-1-1')!;
    const rechecked = expectStatus(
      await t.call('POST', `${INSPECTIONS}/${id}/items/m1-1-1/recheck`, {
        token: w.tokens.inspector,
        json: {
          recheckedOn: '2026-11-22',
          result: 'ok',
          note: '施錠と管理簿を確認',
          version: item.answer.version,
        },
      }),
      200,
    );
    expect(rechecked.item).toMatchObject({ result: 'ng', recheckOn: '2026-11-22', recheckResult: 'ok' });
    expect(rechecked.finding).toMatchObject({ status: 'closed' });
  });

  it('is signed off 担当者 → 係長 → 課長, in that order only', async () => {
    const submitted = expectStatus(await command(t, w, 'inspector', await detail(t, w, id), 'submit'), 200);
    expect(submitted).toMatchObject({
      status: 'submitted',
      chain: ['ward_officer', 'ward_chief', 'ward_manager'],
    });
    const early = await command(t, w, 'ward_manager', submitted, 'approve');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ awaitedRole: 'ward_officer' });
    expect((await command(t, w, 'inspector', submitted, 'approve')).status).toBe(403);
    const signed = await signInspection(t, w, submitted);
    expect(signed.status).toBe('signed_off');
    const item = itemsOf(await detail(t, w, id))[0]!;
    expect((await putItem(t, w.tokens.inspector, id, item, { result: 'ok' })).status).toBe(409);
  });

  it('shows the company its own inspection and finding; council reviewers and other wards see nothing', async () => {
    const own = await detail(t, w, id, 'contractor_staff');
    expect(own.findings[0]).toMatchObject({
      status: 'closed',
      improvementReport: '保管庫に鍵を取り付け、鍵の管理簿を作成した',
    });
    const findings = expectStatus(
      await t.call('GET', `${INSPECTIONS}/findings`, { token: w.tokens.contractor_staff }),
      200,
    );
    expect(findings.items.map((f: { id: string }) => f.id)).toEqual([findingId]);
    for (const who of ['council_reviewer', 'other_ward_officer', 'other_contractor_manager']) {
      expect((await t.call('GET', `${INSPECTIONS}/${id}`, { token: w.tokens[who] })).status).toBe(404);
      expect((await t.call('GET', INSPECTIONS, { token: w.tokens[who] })).body.items).toEqual([]);
      expect((await t.call('GET', `${INSPECTIONS}/findings`, { token: w.tokens[who] })).body.items).toEqual(
        [],
      );
    }
  });

  it('lists compact inspections by default and whole ones with view=full, to the same people', async () => {
    const views = await expectListViews(t, {
      path: INSPECTIONS,
      tokens: ['inspector', 'ward_manager', 'contractor_staff', 'other_ward_officer', 'council_reviewer'].map(
        (who) => w.tokens[who]!,
      ),
      same: [
        'organisationId',
        'contractId',
        'templateKey',
        'plannedOn',
        'place',
        'status',
        'chain',
        'step',
        'signedOffAt',
        'version',
      ],
      dropped: ['purpose', 'applicability', 'assistantIds'],
      detail: (i) => `${INSPECTIONS}/${i}`,
    });
    const [inspector, , company, otherWard, council] = views;
    expect(inspector!.compact.map((i) => i.id)).toContain(id);
    expect(company!.compact.map((i) => i.id)).toContain(id);
    // the page's column: the checklist's title, as the detail's template names it
    const own = await detail(t, w, id);
    expect(inspector!.compact.find((i) => i.id === id)!.templateTitle).toBe(own.template.title);
    expect(otherWard!.full).toEqual([]);
    expect(council!.full).toEqual([]);
  });

  it('prints the record: results, dates, what was seen, the re-check and the signatures', async () => {
    const res = await t.app.request(`${INSPECTIONS}/${id}/pdf`, {
      headers: { authorization: `Bearer ${w.tokens.ward_manager}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (process.env.KEEP_PDFS) await writeFile(`${process.env.KEEP_PDFS}/inspection-contractor.pdf`, bytes);
    const { text } = await pdfText(bytes);
    for (const expected of [
      '業務の委託に係る個人情報等(個人情報及び特定個人情報)保護チェックシート',
      '株式会社サイクルサポート東京',
      '令和8年11月20日',
      '返還請求書の保管庫が施錠されていなかった',
      '【再確認】令和8年11月22日',
      '改善を確認した',
      '保管庫に鍵を取り付け',
      '決裁済',
    ])
      expect(text.replace(/\s+/g, '')).toContain(expected.replace(/\s+/g, ''));
  });
});

describe('an approved sub-contractor (再委託先)', () => {
  let subContractId: string;
  let id: string;

  beforeAll(async () => {
    ({ contractId: subContractId } = await approvedSubcontract(t, w));
  });

  it('is inspected under its own sub-contract; the contractor now gets the sub-contracting section', async () => {
    const planned = expectStatus(
      await plan(t, w, { contractId: w.bicycleContractId, organisationId: w.companies.subcontractor }),
      201,
    );
    id = planned.id;
    expect(planned).toMatchObject({
      contractId: subContractId,
      organisationId: w.companies.subcontractor,
      applicability: { subcontracting: false, appliedSections: ['1', 'm1', 'm3'] },
    });
    const contractor = expectStatus(await plan(t, w, { contractId: w.bicycleContractId }), 201);
    expect(contractor.applicability.appliedSections).toEqual(['1', 'm1', 'm3', '3']);
    expect(contractor.sections.at(-1).heading).toBe('3 業務の再委託(再々委託含む)について');
    const stranger = await plan(t, w, {
      contractId: w.bicycleContractId,
      organisationId: w.companies.otherContractor,
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.errors[0].path).toBe('organisationId');
  });

  it('refuses sign-off with an open finding, and allows it once carried with a reason', async () => {
    let current = expectStatus(await command(t, w, 'inspector', { id, version: 1 }, 'start'), 200);
    const item = itemsOf(await detail(t, w, id)).find((i) => i.key === '1-5')!;
    const saved = expectStatus(
      await putItem(t, w.tokens.inspector, id, item, {
        result: 'ng',
        observation: '事故発生時の対応手順が文書化されていない',
        improvementDueOn: '2027-01-31',
      }),
      200,
    );
    expect(saved.finding.organisationId).toBe(w.companies.subcontractor);
    current = await answerRest(t, w, id);
    expect((await command(t, w, 'inspector', current, 'submit')).status).toBe(409);

    const own = await detail(t, w, id, 'subcontractor_manager');
    expect(own.findings).toHaveLength(1);
    // the contractor answers for its sub-contractor (001 第7条3・5): it reads the ward's inspection of
    // it and the finding, in the record and in its list; a company outside the chain does not
    const supervising = await detail(t, w, id, 'contractor_manager');
    expect(supervising.findings.map((f: { id: string }) => f.id)).toEqual([saved.finding.id]);
    const findings = expectStatus(
      await t.call('GET', `${INSPECTIONS}/findings`, { token: w.tokens.contractor_staff }),
      200,
    );
    expect(findings.items.map((f: { id: string }) => f.id)).toContain(saved.finding.id);
    const listed = expectStatus(
      await t.call('GET', `${INSPECTIONS}?contractId=${subContractId}`, {
        token: w.tokens.contractor_manager,
      }),
      200,
    );
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(
      (await t.call('GET', `${INSPECTIONS}/${id}`, { token: w.tokens.other_contractor_manager })).status,
    ).toBe(404);
    const others = expectStatus(
      await t.call('GET', `${INSPECTIONS}/findings`, { token: w.tokens.other_contractor_manager }),
      200,
    );
    expect(others.items.map((f: { id: string }) => f.id)).not.toContain(saved.finding.id);
    // reading is not acting: the improvement report stays the sub-contractor's own
    const byContractor = await t.call(
      'POST',
      `${INSPECTIONS}/${id}/findings/${saved.finding.id}/improvement-report`,
      {
        token: w.tokens.contractor_manager,
        json: { report: '代わりに報告', version: saved.finding.version },
      },
    );
    expect(byContractor.status).toBe(403);

    const blank = await t.call('POST', `${INSPECTIONS}/${id}/findings/${saved.finding.id}/carry`, {
      token: w.tokens.inspector,
      json: { reason: '  ', version: saved.finding.version },
    });
    expect(blank.status).toBe(422);
    expect(blank.body.errors[0].path).toBe('json.reason');
    const carried = expectStatus(
      await t.call('POST', `${INSPECTIONS}/${id}/findings/${saved.finding.id}/carry`, {
        token: w.tokens.inspector,
        json: { reason: '手順書は次回の定例会で確認する', version: saved.finding.version },
      }),
      200,
    );
    expect(carried).toMatchObject({ status: 'carried', carriedReason: '手順書は次回の定例会で確認する' });
    const submitted = expectStatus(await command(t, w, 'inspector', await detail(t, w, id), 'submit'), 200);
    expect((await signInspection(t, w, submitted)).status).toBe('signed_off');

    const bytes = new Uint8Array(
      await (
        await t.app.request(`${INSPECTIONS}/${id}/pdf`, {
          headers: { authorization: `Bearer ${w.tokens.inspector}` },
        })
      ).arrayBuffer(),
    );
    if (process.env.KEEP_PDFS)
      await writeFile(`${process.env.KEEP_PDFS}/inspection-subcontractor.pdf`, bytes);
    const { text } = await pdfText(bytes);
    expect(text.replace(/\s+/g, '')).toContain('持越し：手順書は次回の定例会で確認する');
    expect(text).toContain('再委託先');
  });
});
