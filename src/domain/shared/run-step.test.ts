import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCentreApplication, step } from '../../../test/helpers/approvals.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';
import { incidentWorkflow } from '../incidents/incident.workflow.js';

// The one transition path, through the API: what every workflow step gets from runStep — the
// stored snapshot read by the machine that wrote it (or refused), the step row with the role the
// machine accepted, allowedActions that follow the sign-off's turn, and nothing written on refusal.

let t: TestApp;
let w: World;
const call = (who: string, method: string, path: string, json?: unknown) =>
  t.call(method, path, { token: w.tokens[who], json });

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

async function submittedApplication() {
  const applied = expectStatus(
    await call(
      'contractor_manager',
      'POST',
      `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`,
      callCentreApplication(w),
    ),
    201,
  );
  return expectStatus(await step(t, w, 'contractor_manager', applied, 'submit'), 200);
}

const auditCount = async (subjectId: string) =>
  Number(
    (
      await t.handle.db
        .selectFrom('audit_entries')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('subject_id', '=', subjectId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the stored snapshot', () => {
  it('tags a new record with the machine and version that wrote it', async () => {
    const a = await submittedApplication();
    const row = await t.handle.db
      .selectFrom('approvals')
      .select(['machine_id', 'machine_version'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ machine_id: 'approval', machine_version: 1 });
  });

  it('refuses, with a 409 that says why, a snapshot written by a newer machine, and changes nothing', async () => {
    const a = await submittedApplication();
    await t.handle.db.updateTable('approvals').set({ machine_version: 99 }).where('id', '=', a.id).execute();
    const before = await auditCount(a.id);
    const res = await step(t, w, 'ward_officer', a, 'start-review');
    expect(res.status).toBe(409);
    expect(res.body.detail_ja).toContain('別の版の手続');
    expect(res.body).toMatchObject({
      storedMachine: { id: 'approval', version: 99 },
      machine: { id: 'approval', version: 1 },
    });
    const after = await t.handle.db
      .selectFrom('approvals')
      .select(['status', 'version'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'submitted', version: a.version });
    expect(await auditCount(a.id)).toBe(before);
    // and it offers nothing it could not take
    expect(
      expectStatus(await call('ward_officer', 'GET', `/api/v1/approvals/${a.id}`), 200).allowedActions,
    ).toEqual([]);
  });

  it('reads an incident written by version 1 of its machine through the registered upgrade, and stores it as version 2', async () => {
    const incident = expectStatus(
      await call('contractor_staff', 'POST', '/api/v1/incidents', {
        contractId: w.bicycleContractId,
        information: '撤去車両所有者の氏名',
        location: '保管所',
        circumstances: '誤送付',
        discoveredAt: '2026-11-21T09:30:00+09:00',
      }),
      201,
    );
    // as the migration left incidents reported before publication became a machine event
    await t.handle.db
      .updateTable('incidents')
      .set({ machine_version: 1 })
      .where('id', '=', incident.id)
      .execute();
    const published = expectStatus(
      await call('ward_officer', 'POST', `/api/v1/incidents/${incident.id}/publish`, {
        version: incident.version,
        publishedOn: '2026-11-22',
      }),
      200,
    );
    expect(published).toMatchObject({ status: 'reported', published: true, publishedOn: '2026-11-22' });
    const row = await t.handle.db
      .selectFrom('incidents')
      .select('machine_version')
      .where('id', '=', incident.id)
      .executeTakeFirstOrThrow();
    expect(row.machine_version).toBe(incidentWorkflow.version);
    // published once: the machine refuses a second publication
    const again = await call('ward_officer', 'POST', `/api/v1/incidents/${incident.id}/publish`, {
      version: published.version,
      publishedOn: '2026-11-23',
    });
    expect(again.status).toBe(409);
  });
});

describe('the step row and the sign-off turn', () => {
  it('records the role the machine accepted, and offers each signer only their own turn', async () => {
    let a = await submittedApplication();
    const offered = async (who: string) =>
      expectStatus(await call(who, 'GET', `/api/v1/approvals/${a.id}`), 200).allowedActions;
    expect(await offered('ward_officer')).toEqual(['start-review']);
    expect(await offered('ward_chief')).toEqual([]);
    expect(await offered('contractor_manager')).toEqual([]);
    a = expectStatus(await step(t, w, 'ward_officer', a, 'start-review'), 200);
    a = expectStatus(await step(t, w, 'ward_officer', a, 'approve'), 200);
    expect(await offered('ward_officer')).toEqual([]);
    expect(await offered('ward_chief')).toEqual(['approve', 'send-back', 'reject']);
    a = expectStatus(await step(t, w, 'ward_chief', a, 'approve', { comment: '確認しました' }), 200);
    const detail = expectStatus(await call('ward_officer', 'GET', `/api/v1/approvals/${a.id}`), 200);
    expect(detail.steps.map((s: { role: string; decision: string }) => [s.role, s.decision])).toEqual([
      ['applicant', 'submit'],
      ['ward_officer', 'start_review'],
      ['ward_officer', 'approve'],
      ['ward_chief', 'approve'],
    ]);
    expect(detail.steps[3]).toMatchObject({ comment: '確認しました', userName: expect.any(String) });
  });

  it('refuses a signature out of turn with the role it awaits, and writes neither step nor audit entry', async () => {
    let a = await submittedApplication();
    a = expectStatus(await step(t, w, 'ward_officer', a, 'start-review'), 200);
    const before = await auditCount(a.id);
    const early = await step(t, w, 'ward_manager', a, 'approve');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ awaitedRole: 'ward_officer' });
    expect(early.body.detail_ja).toContain('担当者の決裁待ち');
    expect(await auditCount(a.id)).toBe(before);
    const steps = expectStatus(await call('ward_officer', 'GET', `/api/v1/approvals/${a.id}`), 200).steps;
    expect(steps).toHaveLength(2);
  });

  it('lets only the first of the chain record the council’s answer', async () => {
    const a = await submittedApplication();
    // a chief cannot record it even when the application awaits the council
    await t.handle.db
      .updateTable('approvals')
      .set({ status: 'awaiting_council', council_mode: 'consult', step: 2 })
      .where('id', '=', a.id)
      .execute();
    const current = expectStatus(await call('ward_officer', 'GET', `/api/v1/approvals/${a.id}`), 200);
    expect(current.allowedActions).toEqual(['council-answer']);
    const byChief = await step(t, w, 'ward_chief', current, 'council-answer', {
      answer: 'approve',
      answeredOn: '2026-11-22',
    });
    expect(byChief.status).toBe(409);
    const byOfficer = await step(t, w, 'ward_officer', current, 'council-answer', {
      answer: 'approve',
      answeredOn: '2026-11-22',
    });
    expect(expectStatus(byOfficer, 200)).toMatchObject({ status: 'approved' });
  });
});
