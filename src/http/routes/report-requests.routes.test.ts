import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { approvedSubcontract, uploadEvidence } from '../../../test/helpers/inspections.js';
import { expectListViews } from '../../../test/helpers/list-views.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';

// 報告の求め (seed 001 別紙7 第7条5, seed 003 丙15–16): the contractor asks its sub-contractor for a
// report; the sub-contractor answers; the contractor sends it back once and accepts the second
// answer; the ward reads it all; a request left unanswered past its due date is overdue in the
// requester's worklist; nobody outside sees any of it.

const REQUESTS = '/api/v1/report-requests';
let t: TestApp;
let w: World;
let subcontractId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  subcontractId = (await approvedSubcontract(t, w)).contractId;
});
afterAll(() => t.close());

const ask = (who: string, body: Record<string, unknown>) =>
  t.call('POST', REQUESTS, {
    token: w.tokens[who],
    json: { topic: '個人情報の保管状況', dueOn: '2026-12-10', ...body },
  });
const act = (who: string, r: { id: string; version: number }, name: string, extra: object = {}) =>
  t.call('POST', `${REQUESTS}/${r.id}/${name}`, {
    token: w.tokens[who],
    json: { version: r.version, ...extra },
  });
const get = (who: string, id: string) => t.call('GET', `${REQUESTS}/${id}`, { token: w.tokens[who] });
const ids = async (who: string, query = '') =>
  expectStatus(await t.call('GET', `${REQUESTS}?limit=50${query}`, { token: w.tokens[who] }), 200).items.map(
    (r: { id: string }) => r.id,
  );

describe('a contractor asking its sub-contractor for a report', () => {
  let id: string;

  it('asks on the contract it holds, naming the sub-contractor', async () => {
    const asked = expectStatus(
      await ask('contractor_manager', {
        contractId: w.bicycleContractId,
        organisationId: w.companies.subcontractor,
        detail: '施錠保管の状況と鍵の管理簿の写しを報告してください',
      }),
      201,
    );
    id = asked.id;
    expect(asked).toMatchObject({
      status: 'requested',
      contractId: subcontractId,
      requesterOrgId: w.companies.contractor,
      subjectOrgId: w.companies.subcontractor,
      overdue: false,
      allowedActions: ['withdraw'],
    });
  });

  it('refuses what is not the asker’s to ask, and bad input', async () => {
    // its own contract: it reads it, but is not its own sub-contractor's contractor
    expect((await ask('contractor_manager', { contractId: w.bicycleContractId })).status).toBe(403);
    expect((await ask('other_contractor_manager', { contractId: subcontractId })).status).toBe(404);
    expect((await ask('subcontractor_manager', { contractId: subcontractId })).status).toBe(403);
    expect((await ask('contractor_staff', { contractId: subcontractId })).status).toBe(403);
    expect((await ask('other_ward_officer', { contractId: subcontractId })).status).toBe(404);
    // a council reviewer reads the contract but asks nothing
    expect((await ask('council_reviewer', { contractId: subcontractId })).status).toBe(403);
    const past = await ask('contractor_manager', { contractId: subcontractId, dueOn: '2026-01-01' });
    expect(past.status).toBe(422);
    expect(past.body.errors[0]).toMatchObject({ path: 'dueOn' });
    expect((await ask('contractor_manager', { contractId: subcontractId, topic: ' ' })).status).toBe(422);
    expect((await ask('contractor_manager', { contractId: 'not-a-uuid' })).status).toBe(422);
  });

  it('is read by the requester, the company asked and the ward; 404 for everyone else; lists in SQL', async () => {
    for (const who of [
      'contractor_manager',
      'contractor_staff',
      'subcontractor_manager',
      'subcontractor_staff',
    ]) {
      expect((await get(who, id)).status, who).toBe(200);
      expect(await ids(who), who).toContain(id);
    }
    for (const who of ['ward_officer', 'ward_chief', 'ward_manager', 'inspector']) {
      expect((await get(who, id)).status, who).toBe(200);
      expect(await ids(who, `&contractId=${subcontractId}`), who).toEqual([id]);
    }
    for (const who of [
      'other_contractor_manager',
      'other_ward_officer',
      'other_ward_company_manager',
      'council_reviewer',
    ]) {
      expect((await get(who, id)).status, who).toBe(404);
      expect(await ids(who), who).not.toContain(id);
    }
  });

  it('takes the answer from the sub-contractor’s manager only, with its evidence', async () => {
    let r = expectStatus(await get('subcontractor_manager', id), 200);
    expect(r.allowedActions).toEqual(['answer']);
    expect((await act('subcontractor_manager', r, 'answer', { text: '' })).status).toBe(422);
    expect((await act('subcontractor_staff', r, 'answer', { text: '報告' })).status).toBe(403);
    expect((await act('contractor_manager', r, 'answer', { text: '報告' })).status).toBe(403);
    expect((await act('ward_officer', r, 'answer', { text: '報告' })).status).toBe(403);
    expect((await act('other_contractor_manager', r, 'answer', { text: '報告' })).status).toBe(404);
    expect((await act('contractor_manager', r, 'accept')).status).toBe(409);
    const file = await uploadEvidence(t, w.tokens.subcontractor_manager, {
      wardId: w.wardId,
      purpose: 'other',
      name: '管理簿.png',
    });
    const foreign = await uploadEvidence(t, w.tokens.contractor_manager, {
      wardId: w.wardId,
      purpose: 'other',
    });
    expect(
      (await act('subcontractor_manager', r, 'answer', { text: '施錠保管', attachmentIds: [foreign] }))
        .status,
    ).toBe(422);
    r = expectStatus(
      await act('subcontractor_manager', r, 'answer', {
        text: '保管庫は施錠している',
        attachmentIds: [file],
      }),
      200,
    );
    expect(r).toMatchObject({
      status: 'answered',
      answerText: '保管庫は施錠している',
      answerAttachmentIds: [file],
    });
    // a stale version changes nothing
    expect((await act('contractor_manager', { id, version: r.version - 1 }, 'accept')).status).toBe(409);
  });

  it('is sent back with a reason, answered again and accepted by the requester only', async () => {
    let r = expectStatus(await get('contractor_manager', id), 200);
    expect(r.allowedActions).toEqual(['accept', 'send-back']);
    expect((await act('contractor_manager', r, 'send-back', { comment: '' })).status).toBe(422);
    expect((await act('ward_officer', r, 'accept')).status).toBe(403);
    expect((await act('subcontractor_manager', r, 'accept')).status).toBe(403);
    r = expectStatus(
      await act('contractor_manager', r, 'send-back', { comment: '鍵の管理簿の写しを添付してください' }),
      200,
    );
    expect(r).toMatchObject({ status: 'returned', reviewComment: '鍵の管理簿の写しを添付してください' });
    r = expectStatus(
      await act('subcontractor_manager', r, 'answer', { text: '管理簿の写しを添付します' }),
      200,
    );
    r = expectStatus(await act('contractor_manager', r, 'accept', { comment: '確認した' }), 200);
    expect(r).toMatchObject({ status: 'accepted', allowedActions: [] });
    expect((await act('contractor_manager', r, 'withdraw')).status).toBe(409);
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'report_request.request',
      'report_request.answer',
      'report_request.send-back',
      'report_request.answer',
      'report_request.accept',
    ]);
  });

  it('lists compact requests by default and whole ones with view=full, to the same people', async () => {
    const views = await expectListViews(t, {
      path: REQUESTS,
      tokens: [
        'contractor_manager',
        'subcontractor_manager',
        'ward_officer',
        'other_contractor_manager',
        'council_reviewer',
      ].map((who) => w.tokens[who]!),
      same: [
        'requesterOrgId',
        'subjectOrgId',
        'contractId',
        'status',
        'topic',
        'dueOn',
        'overdue',
        'answeredAt',
        'version',
      ],
      dropped: ['detail', 'answerText', 'answerAttachmentIds', 'reviewComment'],
      detail: (r) => `${REQUESTS}/${r}`,
    });
    const [contractor, sub, ward, other, council] = views;
    for (const seen of [contractor!, sub!, ward!]) expect(seen.compact.map((r) => r.id)).toContain(id);
    expect(other!.full).toEqual([]);
    expect(council!.full).toEqual([]);
  });
});

describe('the ward asking, and overdue requests', () => {
  it('lets the ward’s officer ask the sub-contractor directly and decide on the answer itself', async () => {
    const asked = expectStatus(
      await ask('ward_officer', { contractId: subcontractId, dueOn: w.today() }),
      201,
    );
    expect(asked).toMatchObject({ requesterOrgId: w.wardId, subjectOrgId: w.companies.subcontractor });
    // the contractor above reads it (it answers for its sub-contractor) but does not decide
    const seen = expectStatus(await get('contractor_manager', asked.id), 200);
    expect(seen.allowedActions).toEqual([]);
    expect((await act('ward_chief', asked, 'withdraw')).status).toBe(403);
    expectStatus(await act('inspector', asked, 'withdraw'), 200);
  });

  it('shows a request past its due date as overdue to the requester, in its list and its worklist', async () => {
    const asked = expectStatus(
      await ask('contractor_manager', {
        contractId: subcontractId,
        topic: '研修の実施状況',
        dueOn: w.today(),
      }),
      201,
    );
    const saved = t.clock.now();
    t.clock.advance(3 * 24 * 3600 * 1000);
    // access tokens last 15 minutes: sign in again on the later day
    const before = { ...w.tokens };
    for (const who of ['contractor_manager', 'subcontractor_manager'])
      w.tokens[who] = await signIn(t, USERS[who]!.email);
    try {
      const token = w.tokens.contractor_manager;
      expect(expectStatus(await get('contractor_manager', asked.id), 200).overdue).toBe(true);
      expect(await ids('contractor_manager', '&overdue=true')).toEqual([asked.id]);
      const inbox = expectStatus(await t.call('GET', '/api/v1/notifications/inbox', { token }), 200);
      const items = inbox.waiting.filter((s: { kind: string }) => s.kind === 'report-requests');
      expect(items).toEqual([
        expect.objectContaining({ subjectId: asked.id, overdue: true, href: `/report-requests/${asked.id}` }),
      ]);
      // the sub-contractor sees it waiting on it
      const theirs = expectStatus(
        await t.call('GET', '/api/v1/notifications/inbox', { token: w.tokens.subcontractor_manager }),
        200,
      );
      expect(
        theirs.waiting
          .filter((s: { kind: string }) => s.kind === 'report-requests')
          .map((i: { subjectId: string }) => i.subjectId),
      ).toContain(asked.id);
    } finally {
      t.clock.set(saved);
      Object.assign(w.tokens, before);
    }
  });
});
