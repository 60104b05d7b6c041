import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../../test/helpers/browser.js';
import {
  activeContract,
  CONTRACTS,
  countRows,
  createContract,
  createHandler,
  expectStatus,
} from '../../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../../test/helpers/world.js';

// 契約の更新 from the contract page: offered where allowedActions has it, a form with the new
// period and what carries over, the use case's refusals at the top, and the new contract opened.

describe('pages: renewing a contract', () => {
  let t: TestApp;
  let w: World;
  let officer: Awaited<ReturnType<typeof pageClient>>;
  let active: { id: string; periodTo: string };

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t);
    officer = await pageClient(t, USERS.ward_officer!.email);
    const responsible = await createHandler(t, w.tokens.contractor_manager, '更新 画面', '2026-03-01');
    active = await activeContract(t, w, responsible.id);
  });
  afterAll(() => t.close());

  it('offers 契約を更新 on an active contract to the privacy officer only, not on a draft', async () => {
    const page = await officer.get(`/contracts/${active.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`href="/contracts/${active.id}/renew"`);
    const draft = await createContract(t, w);
    expect((await officer.get(`/contracts/${draft.id}`)).html).not.toContain('/renew"');
    expect((await officer.get(`/contracts/${draft.id}/renew`)).status).toBe(403);
    const chief = await pageClient(t, USERS.ward_chief!.email);
    expect((await chief.get(`/contracts/${active.id}`)).html).not.toContain('/renew"');
  });

  it('shows the form with the next period and what carries over; others get 403 or 404', async () => {
    const form = await officer.get(`/contracts/${active.id}/renew`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('value="2027-04-01"');
    expect(form.html).toContain('value="2028-03-31"');
    const text = textOf(form.html);
    expect(text).toContain('新しい契約に引き継ぐもの');
    expect(text).toContain('取扱者名簿（新しい契約について受託者が改めて提出します）');
    expect(
      (await (await pageClient(t, USERS.council_reviewer!.email)).get(`/contracts/${active.id}/renew`))
        .status,
    ).toBe(403);
    expect(
      (await (await pageClient(t, USERS.contractor_manager!.email)).get(`/contracts/${active.id}/renew`))
        .status,
    ).toBe(403);
    const other = await pageClient(t, USERS.other_ward_officer!.email);
    expect((await other.get(`/contracts/${active.id}/renew`)).status).toBe(404);
    expect(
      (
        await other.post(`/contracts/${active.id}/renew`, {
          periodFrom: '2027-04-01',
          periodTo: '2028-03-31',
        })
      ).status,
    ).toBe(404);
  });

  it('refuses a forged form, a bad period and an overlapping one; nothing is written', async () => {
    const before = await countRows(t, 'contracts');
    const forged = await officer.request('POST', `/contracts/${active.id}/renew`, {
      periodFrom: '2027-04-01',
      periodTo: '2028-03-31',
    });
    expect(forged.status).toBe(403);
    const blank = await officer.post(`/contracts/${active.id}/renew`, {
      periodFrom: '',
      periodTo: '2028-03-31',
      amountYen: '百万',
    });
    expect(blank.status).toBe(422);
    expect(blank.html).toContain('class="error-summary"');
    expect(blank.html).toMatch(/id="f-periodFrom-error">開始日を年月日で入力してください/);
    expect(blank.html).toMatch(/id="f-amountYen-error">金額は半角数字で入力してください/);
    expect(blank.html).toContain('value="百万"');
    const overlapping = await officer.post(`/contracts/${active.id}/renew`, {
      periodFrom: '2027-03-01',
      periodTo: '2028-02-29',
    });
    expect(overlapping.status).toBe(422);
    expect(overlapping.html).toContain('class="error-summary"');
    expect(overlapping.html).toMatch(/id="f-periodFrom-error">2027-03-31より後に開始してください/);
    expect(await countRows(t, 'contracts')).toBe(before);
  });

  it('renews, opens the new contract linked to this one, and refuses a second renewal', async () => {
    const res = await officer.post(`/contracts/${active.id}/renew`, {
      contractNumber: '32契約第501号',
      contractDate: '2027-03-20',
      periodFrom: '2027-04-01',
      periodTo: '2028-03-31',
      amountYen: '50,000,000',
    });
    expect(res.status).toBe(303);
    const id = res.location!.match(/^\/contracts\/([0-9a-f-]{36})\?notice=created$/)![1]!;
    const api = expectStatus(
      await t.call('GET', `${CONTRACTS}/${id}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(api).toMatchObject({
      status: 'draft',
      predecessorContractId: active.id,
      renewalCount: 1,
      contractNumber: '32契約第501号',
      amountYen: '50000000',
      periodFrom: '2027-04-01',
    });
    const successor = await officer.get(`/contracts/${id}`);
    expect(successor.html).toContain(`href="/contracts/${active.id}"`);
    expect(textOf(successor.html)).toContain('更新前の契約');

    const before = await countRows(t, 'contracts');
    const again = await officer.post(`/contracts/${active.id}/renew`, {
      periodFrom: '2027-04-01',
      periodTo: '2028-03-31',
    });
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain('この契約は既に更新されています');
    expect(again.html).toContain(`href="/contracts/${id}"`);
    expect(await countRows(t, 'contracts')).toBe(before);
  });
});
