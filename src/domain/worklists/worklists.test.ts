import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAbilityFor } from '../../../policies/app-ability.js';
import { callCentreApplication, step } from '../../../test/helpers/approvals.js';
import {
  CONTRACTS,
  createContract,
  createHandler,
  expectStatus,
  putRegister,
  submitList,
} from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../test/helpers/world.js';
import { actorQuery, toActor } from '../auth/load-actor.js';
import type { UseCaseContext } from '../shared/context.js';
import { ValidationError } from '../shared/errors.js';
import { listApprovalQueue } from './approval-queue.js';
import { organisationNames } from './names.js';
import { listPendingHandlerLists } from './pending-handler-lists.js';

// The work queues behind the dashboard: what waits for whom, with the permission rules in SQL.

describe('work queues', () => {
  let t: TestApp;
  let w: World;
  const ctx = async (who: string): Promise<UseCaseContext> => {
    const actor = toActor(
      await actorQuery(t.handle.db).where('users.email', '=', USERS[who]!.email).executeTakeFirstOrThrow(),
    );
    return { db: t.handle.db, actor, ability: defineAbilityFor(actor), requestId: 'test', now: t.clock.now };
  };
  const queueOf = async (who: string) =>
    (await listApprovalQueue(await ctx(who), { limit: 50 })).items.map((a) => a.id);

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('follows an approval through the chain: applicant, 担当者, 係長, 課長, then nobody', async () => {
    const contract = await createContract(t, w);
    expectStatus(await putRegister(t, w.tokens.ward_officer, contract.id, 0), 200);
    let approval = expectStatus(
      await t.call('POST', `${CONTRACTS}/${contract.id}/delegation-approval`, {
        token: w.tokens.ward_officer,
        json: {},
      }),
      201,
    );
    const waiting = async () => {
      const who = [
        'ward_officer',
        'ward_chief',
        'ward_manager',
        'other_ward_manager',
        'contractor_manager',
        'council_reviewer',
      ];
      const queues = await Promise.all(who.map(queueOf));
      return who.filter((_, i) => queues[i]!.includes(approval.id));
    };
    expect(await waiting()).toEqual(['ward_officer']); // draft: the 所管課 must submit it
    approval = expectStatus(await step(t, w, 'ward_officer', approval, 'submit'), 200);
    expect(await waiting()).toEqual(['ward_officer']); // submitted: the first step starts the review
    approval = expectStatus(await step(t, w, 'ward_officer', approval, 'start-review'), 200);
    approval = expectStatus(await step(t, w, 'ward_officer', approval, 'approve'), 200);
    expect(await waiting()).toEqual(['ward_chief']);
    approval = expectStatus(await step(t, w, 'ward_chief', approval, 'approve'), 200);
    expect(await waiting()).toEqual(['ward_manager']);
    approval = expectStatus(await step(t, w, 'ward_manager', approval, 'approve'), 200);
    expect(approval.status).toBe('approved');
    expect(await waiting()).toEqual([]);
  });

  it('gives a contractor its own draft application, not another company’s', async () => {
    const applied = expectStatus(
      await t.call('POST', `${CONTRACTS}/${w.bicycleContractId}/subcontract-applications`, {
        token: w.tokens.contractor_manager,
        json: callCentreApplication(w),
      }),
      201,
    );
    expect(await queueOf('contractor_manager')).toContain(applied.id);
    expect(await queueOf('other_contractor_manager')).not.toContain(applied.id);
    expect(await queueOf('subcontractor_manager')).not.toContain(applied.id);
    expect(await queueOf('ward_officer')).not.toContain(applied.id); // a draft is the applicant's business
    expectStatus(await step(t, w, 'contractor_manager', applied, 'submit'), 200);
    expect(await queueOf('contractor_manager')).not.toContain(applied.id);
    expect(await queueOf('ward_officer')).toContain(applied.id);
  });

  it('pages by cursor and refuses a forged one as invalid input', async () => {
    for (let i = 0; i < 3; i++) {
      const contract = await createContract(t, w);
      expectStatus(
        await t.call('POST', `${CONTRACTS}/${contract.id}/delegation-approval`, {
          token: w.tokens.ward_officer,
          json: {},
        }),
        201,
      );
    }
    const officer = await ctx('ward_officer');
    const all = (await listApprovalQueue(officer, { limit: 50 })).items.map((a) => a.id);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const first = await listApprovalQueue(officer, { limit: 2 });
    expect(first.items.map((a) => a.id)).toEqual(all.slice(0, 2));
    const second = await listApprovalQueue(officer, { limit: 50, cursor: first.nextCursor! });
    expect(second.items.map((a) => a.id)).toEqual(all.slice(2));
    expect(second.nextCursor).toBeNull();
    for (const cursor of ['not-a-cursor', btoa(JSON.stringify(['yesterday', 'x']))]) {
      await expect(listApprovalQueue(officer, { limit: 5, cursor })).rejects.toBeInstanceOf(ValidationError);
      await expect(listPendingHandlerLists(officer, { limit: 5, cursor })).rejects.toBeInstanceOf(
        ValidationError,
      );
    }
  });

  it('lists submitted handler lists to the ward officer who decides them, and to nobody else', async () => {
    const contract = await createContract(t, w, { title: '名簿確認用の委託' });
    const handler = await createHandler(t, w.tokens.contractor_manager, '名簿 太郎', '2026-03-01');
    const submitted = expectStatus(
      await submitList(t, w.tokens.contractor_manager, contract.id, [
        { handlerId: handler.id, role: 'responsible', effectiveFrom: '2026-04-01' },
      ]),
      201,
    );
    const pending = await listPendingHandlerLists(await ctx('ward_officer'), { limit: 50 });
    expect(pending.items.find((p) => p.id === submitted.id)).toMatchObject({
      contractTitle: '名簿確認用の委託',
      organisationName: '株式会社サイクルサポート東京',
      version: 1,
    });
    for (const who of ['ward_chief', 'other_ward_officer', 'contractor_manager', 'council_reviewer']) {
      const items = (await listPendingHandlerLists(await ctx(who), { limit: 50 })).items;
      expect(
        items.map((p) => p.id),
        who,
      ).not.toContain(submitted.id);
    }
  });

  it('names only the organisations the actor may read', async () => {
    const ids = [w.companies.contractor, w.companies.subcontractor, w.otherWardCompanyId];
    const names = async (who: string) => [...(await organisationNames(await ctx(who), ids)).keys()].sort();
    expect(await names('ward_officer')).toEqual([w.companies.contractor, w.companies.subcontractor].sort());
    // the contractor works with the call centre since it applied to sub-contract to it
    expect(await names('contractor_manager')).toEqual(
      [w.companies.contractor, w.companies.subcontractor].sort(),
    );
    expect(await names('other_contractor_manager')).toEqual([]);
    expect(await names('other_ward_officer')).toEqual([w.otherWardCompanyId]);
  });
});
