import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageClient, textOf } from '../../../test/helpers/browser.js';
import { expectStatus } from '../../../test/helpers/contracts.js';
import {
  advance,
  byHand,
  custodyStep,
  listedHandlers,
  ownersCsv,
  PACKAGES,
  prepare,
  VEHICLE_OWNER_ITEMS,
} from '../../../test/helpers/handover.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, USERS, type World } from '../../../test/helpers/world.js';
import { toLocal } from '../pages/handover/shared.js';

// Issue 16: the encrypted USB goes into the locked cabinet (seed 003 運用6) the day it arrives; the
// password notice comes on a separate, later occasion (運用8). Custody is recordable from the
// moment the media arrives, through the API and on the package's page.

const HOUR = 3600 * 1000;
let t: TestApp;
let w: World;
let people: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  people = await listedHandlers(t, w.tokens.contractor_manager!, w.bicycleContractId);
});
afterAll(() => t.close());

async function handedOverMedia() {
  let pkg = expectStatus(
    await prepare(t, w.tokens.ward_officer, {
      contractId: w.bicycleContractId,
      title: '撤去車両所有者情報',
      items: VEHICLE_OWNER_ITEMS,
      files: [{ name: '撤去車両所有者一覧.csv', bytes: ownersCsv(20) }],
    }),
    201,
  ).package;
  const at = await advance(t, w, 10 * 60 * 1000);
  pkg = expectStatus(
    await custodyStep(t, w.tokens.ward_officer, pkg, 'media-handover', byHand(people['戸山 恵']!, at)),
    200,
  );
  expect(pkg.status).toBe('media_handed_over');
  return pkg;
}

describe('storing the media before the password notice', () => {
  it('records the storage as soon as the media arrives, and the password notice later', async () => {
    let pkg = await handedOverMedia();
    const seen = expectStatus(
      await t.call('GET', `${PACKAGES}/${pkg.id}`, { token: w.tokens.contractor_manager }),
      200,
    );
    expect(seen.allowedActions).toContain('store');
    const storedAt = await advance(t, w, 30 * 60 * 1000);
    pkg = expectStatus(
      await custodyStep(t, w.tokens.contractor_manager, pkg, 'storage', {
        storedAt: storedAt.toISOString(),
        place: '執務室内の施錠できるキャビネット',
        keyHolderHandlerId: people['西新宿 健'],
      }),
      200,
    );
    expect(pkg).toMatchObject({
      status: 'stored_awaiting_password',
      storagePlace: '執務室内の施錠できるキャビネット',
    });
    // not yet openable, so not yet taken out
    const takeOut = await custodyStep(t, w.tokens.contractor_staff, pkg, 'take-outs', {
      purpose: 'delivery',
      purposeDetail: '納品',
      contents: '暗号化USB',
      handlerId: people['早稲田 拓也'],
      outAt: storedAt.toISOString(),
    });
    expect(takeOut.status).toBe(409);
    const officerView = expectStatus(
      await t.call('GET', `${PACKAGES}/${pkg.id}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(officerView.allowedActions).toContain('hand-over-password');
    // the password notice still needs its own, later occasion
    const same = await custodyStep(
      t,
      w.tokens.ward_officer,
      pkg,
      'password-handover',
      byHand(people['西新宿 健']!, new Date(storedAt.getTime() + 60 * 1000)),
    );
    expect(same.status).toBe(409);
    const later = await advance(t, w, 26 * HOUR);
    pkg = expectStatus(
      await custodyStep(
        t,
        w.tokens.ward_officer,
        pkg,
        'password-handover',
        byHand(people['西新宿 健']!, later),
      ),
      200,
    );
    expect(pkg.status).toBe('in_custody');
    // stored once: no second storage step
    const again = await custodyStep(t, w.tokens.contractor_manager, pkg, 'storage', {
      storedAt: later.toISOString(),
      place: '別のキャビネット',
      keyHolderHandlerId: people['西新宿 健'],
    });
    expect(again.status).toBe(409);
  });

  it('offers the storage form on the page while the password notice is still to come', async () => {
    const pkg = await handedOverMedia();
    const contractor = await pageClient(t, USERS.contractor_manager!.email);
    const page = await contractor.get(`/handover/${pkg.id}`);
    expect(page.html).toContain(`action="/handover/${pkg.id}/storage"`);
    const stored = await contractor.post(`/handover/${pkg.id}/storage`, {
      version: String(pkg.version),
      'store.storedAt': toLocal(t.clock.now()),
      'store.place': '執務室内の施錠できるキャビネット',
      'store.keyHolder': people['西新宿 健']!,
    });
    expect(stored.status).toBe(303);
    const after = textOf((await contractor.get(`/handover/${pkg.id}`)).html);
    expect(after).toContain('保管中（パスワード通知書未受渡し）');
    const officer = await pageClient(t, USERS.ward_officer!.email);
    expect((await officer.get(`/handover/${pkg.id}`)).html).toContain(
      `action="/handover/${pkg.id}/password-handover"`,
    );
  });
});
