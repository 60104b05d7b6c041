import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineAbilityFor } from '../../../policies/app-ability.js';
import { callCentreApplication, signOff, step } from '../../../test/helpers/approvals.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import { command, detail, itemsOf, plan, putItem } from '../../../test/helpers/inspections.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { signatureHeaders, startWebhookReceiver } from '../../../test/helpers/webhook-receiver.js';
import { buildWorld, signIn, USERS, type World } from '../../../test/helpers/world.js';
import { actorQuery, toActor } from '../../domain/auth/load-actor.js';
import { inTransaction } from '../../domain/shared/context.js';
import { toJapanDate } from '../../domain/shared/japan-date.js';
import { deliverDueWebhooks } from '../../domain/webhooks/deliver-webhooks.js';
import type { WebhookSettings } from '../../domain/webhooks/endpoint-address.js';
import { recordWebhookEvent } from '../../domain/webhooks/record-webhook-event.js';
import { verifyWebhook } from '../../domain/webhooks/webhook-signature.js';
import { runWebhookTick } from '../../domain/webhooks/webhook-tick.js';
import { nodeWebhookSettings } from '../../node-runtime.js';

// Webhooks (issue 22) through the API and a real receiver on 127.0.0.1: a real submit is delivered
// signed, a 500 is retried after its back-off, a rolled-back change sends nothing, payloads carry
// no personal data, and nobody reaches another organisation's endpoints.

const ENDPOINTS = '/api/v1/webhook-endpoints';
let t: TestApp;
let w: World;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const settings: WebhookSettings = { allowPrivate: true, publicBaseUrl: 'https://privacy.example.jp' };
const tick = () =>
  runWebhookTick({ db: t.handle.db, now: t.clock.now, logger: pino({ level: 'silent' }), settings });
/** Sign in again after the test clock jumped past the tokens' lifetime. */
async function signInAgain(...who: string[]) {
  for (const key of who) w.tokens[key] = await signIn(t, USERS[key]!.email);
}
const register = (who: string, json: object) => t.call('POST', ENDPOINTS, { token: w.tokens[who], json });

beforeAll(async () => {
  t = await createTestApp({ deps: { webhooks: settings } });
  w = await buildWorld(t);
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await t.close();
});

describe('who keeps endpoints', () => {
  it("lets a ward's 係長 register one, shows the secret once, and refuses its other staff (403)", async () => {
    const created = expectStatus(
      await register('ward_chief', { url: receiver.url('/who'), eventTypes: ['incident.reported'] }),
      201,
    );
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(created.endpoint).toMatchObject({ wardId: w.wardId, organisationId: w.wardId, version: 1 });
    const listed = expectStatus(await t.call('GET', ENDPOINTS, { token: w.tokens.ward_manager }), 200);
    expect(listed.items.map((e: { id: string }) => e.id)).toContain(created.endpoint.id);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    for (const who of ['ward_officer', 'inspector', 'council_reviewer', 'contractor_staff']) {
      expect((await t.call('GET', ENDPOINTS, { token: w.tokens[who] })).status, who).toBe(403);
      expect(
        (await register(who, { url: receiver.url('/x'), eventTypes: ['incident.reported'] })).status,
        who,
      ).toBe(403);
    }
  });

  it("hides a ward's endpoints from another ward and from companies: 404 on every action", async () => {
    const mine = expectStatus(await t.call('GET', ENDPOINTS, { token: w.tokens.ward_chief }), 200).items[0];
    for (const who of ['other_ward_manager', 'contractor_manager']) {
      const theirs = expectStatus(await t.call('GET', ENDPOINTS, { token: w.tokens[who] }), 200);
      expect(theirs.items.map((e: { id: string }) => e.id)).not.toContain(mine.id);
      expect((await t.call('GET', `${ENDPOINTS}/${mine.id}`, { token: w.tokens[who] })).status).toBe(404);
      expect(
        (await t.call('GET', `${ENDPOINTS}/${mine.id}/deliveries`, { token: w.tokens[who] })).status,
      ).toBe(404);
      for (const action of ['ping', 'rotate-secret', 'disable'])
        expect(
          (
            await t.call('POST', `${ENDPOINTS}/${mine.id}/${action}`, {
              token: w.tokens[who],
              json: { version: 1 },
            })
          ).status,
          `${who} ${action}`,
        ).toBe(404);
    }
    // a ward's staff register only for their own ward
    expect(
      (
        await register('other_ward_manager', {
          url: receiver.url('/x'),
          eventTypes: ['incident.reported'],
          wardId: w.wardId,
        })
      ).status,
    ).toBe(404);
  });

  it('lets a company register only for a ward it works for', async () => {
    const body = { url: receiver.url('/x'), eventTypes: ['application.submitted'] };
    expect((await register('contractor_manager', body)).status).toBe(422);
    expect((await register('contractor_manager', { ...body, wardId: w.otherWardId })).status).toBe(404);
    expect((await register('other_ward_company_manager', { ...body, wardId: w.wardId })).status).toBe(404);
  });

  it('refuses unknown event types, non-URLs, and (without WEBHOOK_ALLOW_PRIVATE) http and private addresses', async () => {
    const ok = ['incident.reported'];
    expect(
      (await register('ward_chief', { url: receiver.url('/x'), eventTypes: ['contract.signed'] })).status,
    ).toBe(422);
    expect((await register('ward_chief', { url: receiver.url('/x'), eventTypes: [] })).status).toBe(422);
    expect((await register('ward_chief', { url: 'not a url', eventTypes: ok })).status).toBe(422);
    settings.allowPrivate = false;
    try {
      for (const url of [
        receiver.url('/x'),
        'https://127.0.0.1/hook',
        'https://localhost/hook',
        'https://10.1.2.3/hook',
        'https://192.168.0.10/hook',
        'https://169.254.169.254/latest/meta-data',
        'https://[::1]/hook',
        'https://[fd00::1]/hook',
        'https://[::ffff:127.0.0.1]/hook',
        'https://user:pw@hooks.example.jp/hook',
      ]) {
        const res = await register('ward_chief', { url, eventTypes: ok });
        expect(res.status, url).toBe(422);
        expect(res.body.errors[0].path).toBe('url');
      }
    } finally {
      settings.allowPrivate = true;
    }
  });
});

describe('a real submit, delivered, retried and verified', () => {
  let wardEndpoint: { id: string };
  let wardSecret: string;
  let companySecret: string;
  let approval: { id: string; version: number; number: string };

  beforeAll(async () => {
    const ward = expectStatus(
      await register('ward_manager', {
        url: receiver.url('/ward'),
        eventTypes: ['application.submitted', 'application.approved'],
      }),
      201,
    );
    wardEndpoint = ward.endpoint;
    wardSecret = ward.secret;
    companySecret = expectStatus(
      await register('contractor_manager', {
        url: receiver.url('/company'),
        eventTypes: ['application.submitted'],
        wardId: w.wardId,
      }),
      201,
    ).secret;
    // another company of the same ward: the application is not its business
    expectStatus(
      await register('other_contractor_manager', {
        url: receiver.url('/other-company'),
        eventTypes: ['application.submitted'],
        wardId: w.wardId,
      }),
      201,
    );
  });

  it('writes the event with the submit and sends nothing before the tick', async () => {
    approval = expectStatus(
      await t.call('POST', `/api/v1/contracts/${w.bicycleContractId}/subcontract-applications`, {
        token: w.tokens.contractor_manager,
        json: callCentreApplication(w),
      }),
      201,
    );
    approval = expectStatus(await step(t, w, 'contractor_manager', approval, 'submit'), 200);
    expect(receiver.received).toEqual([]);
    const pending = expectStatus(
      await t.call('GET', `${ENDPOINTS}/${wardEndpoint.id}/deliveries`, { token: w.tokens.ward_chief }),
      200,
    ).items;
    expect(pending).toMatchObject([
      {
        eventType: 'application.submitted',
        status: 'pending',
        attempts: 0,
        record: { kind: 'approval', id: approval.id },
      },
    ]);
  });

  it('delivers to the ward and to the applicant company, signed, with no personal data', async () => {
    receiver.answer('/ward', { status: 500, body: `${'x'.repeat(5000)}` });
    await tick();
    expect(receiver.at('/other-company')).toEqual([]);
    const [toCompany] = receiver.at('/company');
    expect(toCompany).toBeDefined();
    const headers = signatureHeaders(toCompany!);
    const now = t.clock.now();
    expect(await verifyWebhook(companySecret, headers, toCompany!.body, { now })).toBe(true);
    expect(await verifyWebhook(wardSecret, headers, toCompany!.body, { now })).toBe(false);
    expect(
      await verifyWebhook(companySecret, headers, toCompany!.body.replace('approval', 'incident'), { now }),
    ).toBe(false);
    expect(headers.signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);

    const payload = JSON.parse(toCompany!.body);
    expect(Object.keys(payload).sort()).toEqual(['id', 'municipality', 'occurredAt', 'record', 'type']);
    expect(Object.keys(payload.record).sort()).toEqual(['id', 'kind', 'number', 'url']);
    expect(payload).toMatchObject({
      id: headers.id,
      type: 'application.submitted',
      municipality: { id: w.wardId, name: '新宿区' },
      record: {
        kind: 'approval',
        id: approval.id,
        number: approval.number,
        url: `https://privacy.example.jp/approvals/${approval.id}`,
      },
    });
    expect(payload.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/);
    // nothing of the application, its register or the people who acted
    const application = callCentreApplication(w);
    for (const text of [
      application.title,
      application.reason,
      '氏名',
      '住所',
      '問合せ者',
      USERS.contractor_manager!.email,
      'コールセンター',
    ])
      expect(toCompany!.body, text).not.toContain(text);
  });

  it('retries the answer 500 after its back-off, with the same webhook-id, and records both attempts', async () => {
    const [first] = receiver.at('/ward');
    expect(first).toBeDefined();
    await tick();
    expect(receiver.at('/ward')).toHaveLength(1); // not due yet
    t.clock.advance(59_000);
    await tick();
    expect(receiver.at('/ward')).toHaveLength(1);
    t.clock.advance(1_000);
    await tick();
    const [, second] = receiver.at('/ward');
    expect(second).toBeDefined();
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(
      await verifyWebhook(wardSecret, signatureHeaders(second!), second!.body, { now: t.clock.now() }),
    ).toBe(true);
    const [delivery] = expectStatus(
      await t.call('GET', `${ENDPOINTS}/${wardEndpoint.id}/deliveries`, { token: w.tokens.ward_chief }),
      200,
    ).items;
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 200, lastError: null });
    expect(delivery.history.map((h: { status: number }) => h.status)).toEqual([500, 200]);
    // only a short excerpt of the 5000 characters answered is kept
    expect(delivery.history[0].responseExcerpt).toHaveLength(200);
  });

  it('sends application.approved when the chain has signed, once', async () => {
    const before = receiver.at('/ward').length;
    const approved = await signOff(t, w, approval);
    expect(approved.status).toBe('approved');
    approval = approved;
    await tick();
    const sent = receiver
      .at('/ward')
      .slice(before)
      .map((r) => JSON.parse(r.body).type);
    expect(sent).toEqual(['application.approved']);
    // the company subscribed to submissions only
    expect(receiver.at('/company')).toHaveLength(1);
  });

  it('emits nothing for a change that is rolled back, nor for a refused step', async () => {
    const count = async (db: Pick<typeof t.handle.db, 'selectFrom'> = t.handle.db) =>
      Number(
        (
          await db
            .selectFrom('webhook_events')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const actor = toActor(
      await actorQuery(t.handle.db)
        .where('users.email', '=', USERS.ward_manager!.email)
        .executeTakeFirstOrThrow(),
    );
    const ctx = {
      db: t.handle.db,
      actor,
      ability: defineAbilityFor(actor),
      requestId: 'test',
      now: t.clock.now,
    };
    await expect(
      inTransaction(ctx, async ({ tx, audit }) => {
        await audit({
          wardId: w.wardId,
          action: 'approval.approve',
          subjectType: 'Approval',
          subjectId: approval.id,
          before: { status: 'under_review' },
          after: { status: 'approved' },
        });
        // the event row exists inside the transaction…
        expect(await count(tx)).toBe(before + 1);
        throw new Error('a later write failed');
      }),
    ).rejects.toThrow('a later write failed');
    // …and is gone with it
    expect(await count()).toBe(before);
    // a step the machine refuses (approving what is approved) writes nothing either
    expect((await step(t, w, 'ward_manager', approval, 'approve')).status).toBe(409);
    expect(await count()).toBe(before);
  });

  it('on Node, delivers right after the commit without waiting for the tick', async () => {
    const before = receiver.at('/ward').length;
    const actor = toActor(
      await actorQuery(t.handle.db)
        .where('users.email', '=', USERS.ward_manager!.email)
        .executeTakeFirstOrThrow(),
    );
    const node = nodeWebhookSettings(
      t.handle.db,
      { webhookAllowPrivate: true },
      pino({ level: 'silent' }),
      t.clock.now,
    );
    const ctx = {
      db: t.handle.db,
      actor,
      ability: defineAbilityFor(actor),
      requestId: 'test',
      now: t.clock.now,
      deliverWebhooksSoon: node.deliverSoon,
    };
    await inTransaction(ctx, ({ audit }) =>
      audit({
        wardId: w.wardId,
        action: 'approval.approve',
        subjectType: 'Approval',
        subjectId: approval.id,
        before: { status: 'under_review' },
        after: { status: 'approved' },
      }),
    );
    for (let i = 0; i < 50 && receiver.at('/ward').length === before; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(
      receiver
        .at('/ward')
        .slice(before)
        .map((r) => JSON.parse(r.body).type),
    ).toEqual(['application.approved']);
  });

  it('never lets two ticks make the same attempt', async () => {
    const twice = expectStatus(
      await register('ward_chief', { url: receiver.url('/twice'), eventTypes: ['incident.reported'] }),
      201,
    ).endpoint;
    for (let i = 0; i < 5; i++)
      await t.handle.db.transaction().execute((tx) =>
        recordWebhookEvent(tx, {
          wardId: w.wardId,
          type: 'incident.reported',
          occurredAt: t.clock.now(),
          record: {
            kind: 'incident',
            id: crypto.randomUUID(),
            number: null,
            path: '/incidents/x',
            partyOrgIds: [],
          },
        }),
      );
    const deps = { db: t.handle.db, now: t.clock.now, logger: pino({ level: 'silent' }), settings };
    const results = await Promise.all([1, 2, 3].map(() => deliverDueWebhooks(deps, { limit: 2 })));
    const attempts = results.flat().map((o) => `${o.deliveryId}#${o.attempt}`);
    expect(new Set(attempts).size).toBe(attempts.length);
    await tick();
    const sent = receiver.at('/twice').map((r) => r.headers['webhook-id']);
    expect(sent).toHaveLength(5);
    expect(new Set(sent).size).toBe(5);
    expect(twice.id).toBeTruthy();
  });
});

describe('test ping, rotation, redirects and disabling', () => {
  let endpoint: { id: string; version: number };
  let secret: string;

  it('pings on request and answers what happened', async () => {
    const created = expectStatus(
      await register('ward_manager', { url: receiver.url('/ping'), eventTypes: ['incident.reported'] }),
      201,
    );
    endpoint = created.endpoint;
    secret = created.secret;
    const res = expectStatus(
      await t.call('POST', `${ENDPOINTS}/${endpoint.id}/ping`, { token: w.tokens.ward_chief }),
      200,
    );
    expect(res).toEqual({ delivered: true, status: 200, error: null });
    const [ping] = receiver.at('/ping');
    expect(JSON.parse(ping!.body)).toMatchObject({
      type: 'webhook.test',
      record: { kind: 'webhook_endpoint', id: endpoint.id },
    });
    expect(await verifyWebhook(secret, signatureHeaders(ping!), ping!.body, { now: t.clock.now() })).toBe(
      true,
    );
  });

  it('rotates the secret: a day of two signatures, the old one, then only the new', async () => {
    expect(
      (
        await t.call('POST', `${ENDPOINTS}/${endpoint.id}/rotate-secret`, {
          token: w.tokens.ward_chief,
          json: { version: 9 },
        })
      ).status,
    ).toBe(409);
    const rotated = expectStatus(
      await t.call('POST', `${ENDPOINTS}/${endpoint.id}/rotate-secret`, {
        token: w.tokens.ward_chief,
        json: { version: endpoint.version },
      }),
      200,
    );
    expect(rotated.secret).not.toBe(secret);
    endpoint = rotated.endpoint;
    expectStatus(
      await t.call('POST', `${ENDPOINTS}/${endpoint.id}/ping`, { token: w.tokens.ward_chief }),
      200,
    );
    const both = receiver.at('/ping').at(-1)!;
    expect(signatureHeaders(both).signature.split(' ')).toHaveLength(2);
    for (const s of [secret, rotated.secret])
      expect(await verifyWebhook(s, signatureHeaders(both), both.body, { now: t.clock.now() })).toBe(true);
    t.clock.advance(25 * 3600_000);
    await signInAgain('ward_chief');
    expectStatus(
      await t.call('POST', `${ENDPOINTS}/${endpoint.id}/ping`, { token: w.tokens.ward_chief }),
      200,
    );
    const after = receiver.at('/ping').at(-1)!;
    expect(await verifyWebhook(secret, signatureHeaders(after), after.body, { now: t.clock.now() })).toBe(
      false,
    );
    expect(
      await verifyWebhook(rotated.secret, signatureHeaders(after), after.body, { now: t.clock.now() }),
    ).toBe(true);
  });

  it('does not follow a redirect', async () => {
    receiver.answer('/ping', { status: 302, headers: { location: receiver.url('/elsewhere') } });
    const res = expectStatus(
      await t.call('POST', `${ENDPOINTS}/${endpoint.id}/ping`, { token: w.tokens.ward_chief }),
      200,
    );
    expect(res).toMatchObject({ delivered: false, status: 302, error: 'redirect not followed' });
    expect(receiver.at('/elsewhere')).toEqual([]);
  });

  it('stops sending once disabled and cancels what was waiting', async () => {
    const res = expectStatus(
      await t.call('POST', `${ENDPOINTS}/${endpoint.id}/disable`, {
        token: w.tokens.ward_chief,
        json: { version: endpoint.version },
      }),
      200,
    );
    expect(res.disabledAt).not.toBeNull();
    const deliveries = expectStatus(
      await t.call('GET', `${ENDPOINTS}/${endpoint.id}/deliveries`, { token: w.tokens.ward_chief }),
      200,
    ).items;
    // the refused (redirected) test was waiting for its retry
    expect(deliveries.filter((d: { status: string }) => d.status === 'cancelled')).toMatchObject([
      { status: 'cancelled', nextAttemptAt: null, lastError: 'endpoint disabled' },
    ]);
    expect(deliveries.filter((d: { status: string }) => d.status === 'pending')).toEqual([]);
    expect(
      (await t.call('POST', `${ENDPOINTS}/${endpoint.id}/ping`, { token: w.tokens.ward_chief })).status,
    ).toBe(409);
    const sent = receiver.at('/ping').length;
    t.clock.advance(3600_000);
    await tick();
    expect(receiver.at('/ping')).toHaveLength(sent);
  });
});

describe('findings past their deadline (指摘事項の改善期限超過)', () => {
  it('are found by the tick, sent once to the ward and to the inspected company', async () => {
    await signInAgain('ward_chief', 'contractor_manager', 'inspector');
    for (const [who, path] of [
      ['ward_chief', '/findings'],
      ['contractor_manager', '/company-findings'],
    ] as const)
      expectStatus(
        await register(who, { url: receiver.url(path), eventTypes: ['finding.overdue'], wardId: w.wardId }),
        201,
      );
    const today = toJapanDate(t.clock.now());
    const planned = expectStatus(
      await plan(t, w, { contractId: w.bicycleContractId, plannedOn: today }),
      201,
    );
    const started = expectStatus(await command(t, w, 'inspector', planned, 'start'), 200);
    const item = itemsOf(await detail(t, w, started.id)).find((i) => i.key === '1-5')!;
    const saved = expectStatus(
      await putItem(t, w.tokens.inspector, started.id, item, {
        checkedOn: today,
        result: 'ng',
        observation: '手順書なし',
        improvementDueOn: today,
      }),
      200,
    );
    await tick();
    expect(receiver.at('/findings')).toEqual([]);
    t.clock.advance(24 * 3600_000);
    await tick();
    await tick();
    for (const path of ['/findings', '/company-findings']) {
      const sent = receiver.at(path);
      expect(sent, path).toHaveLength(1);
      expect(JSON.parse(sent[0]!.body)).toMatchObject({
        type: 'finding.overdue',
        record: {
          kind: 'finding',
          id: saved.finding.id,
          url: `https://privacy.example.jp/inspections/${started.id}`,
        },
      });
      expect(sent[0]!.body).not.toContain('手順書なし');
    }
  });
});
