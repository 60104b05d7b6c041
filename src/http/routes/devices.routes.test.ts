import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTRACTS,
  contractInput,
  expectStatus,
  putRegister,
  transition,
} from '../../../test/helpers/contracts.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, signIn, type World } from '../../../test/helpers/world.js';

// 情報機器等の持込み制限 (seed 004 5(3)): a device the 業務責任者 declares (機器名, 仕様, 用途), the city
// permits in advance or refuses, the company withdraws; never connected to the city's network.
// Everyone else answers 404, and the list applies the rules in SQL.

let t: TestApp;
let w: World;
const city = {} as Record<'officer' | 'chief' | 'inspector' | 'council' | 'manager' | 'staff', string>;
const DEVICES = '/api/v1/devices';
const japanese = /[ぁ-んァ-ヶ一-龠]/;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  for (const who of ['officer', 'chief', 'inspector', 'council'] as const)
    city[who] = await signIn(t, `${who}@city.nankoku.example.jp`);
  city.manager = await signIn(t, 'manager@nankoku-madoguchi.example.jp');
  city.staff = await signIn(t, 'staff@nankoku-madoguchi.example.jp');
});
afterAll(() => t.close());

const roster = () => w.nankoku.roster;
const declaration = (overrides: Record<string, unknown> = {}) => ({
  contractId: w.nankoku.myNumberContractId,
  declarantHandlerId: roster().handlerIds['岩村 健一'],
  deviceName: 'タブレットPC',
  specification: 'iPadOS、MDM管理、セルラー通信なし',
  purpose: '業務従事者への連絡調整',
  storagePlace: '市民課内 施錠できる保管庫',
  usePlace: '市民課内 交付準備室',
  bringFrom: w.today(),
  noNetworkAcknowledged: true,
  ...overrides,
});

describe('the device register of 南国市’s My Number counter', () => {
  it('shows the demo’s devices with what each reader may do, and nothing to strangers (404, SQL)', async () => {
    const list = expectStatus(
      await t.call('GET', `${DEVICES}?contractId=${w.nankoku.myNumberContractId}`, { token: city.officer }),
      200,
    );
    const byId = Object.fromEntries(list.items.map((d: { id: string }) => [d.id, d]));
    expect(byId[roster().permittedDeviceId]).toMatchObject({
      status: 'permitted',
      deviceName: expect.stringContaining('ノートPC'),
      declarant: { fullName: '岩村 健一' },
      noNetworkAcknowledged: true,
      allowedActions: [],
    });
    expect(byId[roster().declaredDeviceId]).toMatchObject({
      status: 'declared',
      allowedActions: ['permit', 'refuse'],
    });

    // what waits on the city: the USB memory, in the officer's inbox (and dashboard) until decided
    const inbox = expectStatus(
      await t.call('GET', '/api/v1/notifications/inbox', { token: city.officer }),
      200,
    );
    expect(inbox.waiting).toContainEqual(
      expect.objectContaining({
        kind: 'devices',
        subjectId: roster().declaredDeviceId,
        href: `/contracts/${w.nankoku.myNumberContractId}/devices`,
      }),
    );

    const mine = expectStatus(await t.call('GET', DEVICES, { token: city.manager }), 200);
    expect(mine.items.find((d: { id: string }) => d.id === roster().declaredDeviceId).allowedActions).toEqual(
      ['withdraw'],
    );
    const inspector = expectStatus(await t.call('GET', DEVICES, { token: city.inspector }), 200);
    expect(inspector.items.length).toBeGreaterThanOrEqual(2);
    expect(inspector.items[0].allowedActions).toEqual([]);

    // council reviewers, another municipality and another company see none of it
    expect(expectStatus(await t.call('GET', DEVICES, { token: city.council }), 200).items).toEqual([]);
    expect(expectStatus(await t.call('GET', DEVICES, { token: w.tokens.ward_officer }), 200).items).toEqual(
      [],
    );
    expect(
      expectStatus(await t.call('GET', DEVICES, { token: w.tokens.contractor_manager }), 200).items,
    ).toEqual([]);
    for (const token of [city.council, w.tokens.ward_officer, w.tokens.contractor_manager]) {
      const one = await t.call('GET', `${DEVICES}/${roster().permittedDeviceId}`, { token });
      const random = await t.call('GET', `${DEVICES}/${crypto.randomUUID()}`, { token });
      expect(one.status).toBe(404);
      expect(one.body.title).toEqual(random.body.title);
    }
    expect(
      (
        await t.call('GET', `${DEVICES}?contractId=${w.nankoku.myNumberContractId}`, {
          token: w.tokens.ward_officer,
        })
      ).status,
    ).toBe(404);
  });

  it('refuses an incomplete or improper declaration with ja/en 422s, others with 403/404', async () => {
    const cases: Array<[string, string | undefined, Record<string, unknown>, number, string | null]> = [
      ['no acknowledgement', city.manager, { noNetworkAcknowledged: false }, 422, 'noNetworkAcknowledged'],
      ['after the day', city.manager, { bringFrom: '2026-11-01' }, 422, 'bringFrom'],
      [
        'a worker declares',
        city.manager,
        { declarantHandlerId: roster().handlerIds['久礼田 彩'] },
        422,
        'declarantHandlerId',
      ],
      [
        'a stranger declares',
        city.manager,
        { declarantHandlerId: crypto.randomUUID() },
        422,
        'declarantHandlerId',
      ],
      ['no name', city.manager, { deviceName: '' }, 422, 'deviceName'],
      ['staff', city.staff, {}, 403, null],
      ['another company', w.tokens.contractor_manager, {}, 404, null],
      ['the city', city.officer, {}, 403, null],
    ];
    for (const [name, token, overrides, status, path] of cases) {
      const res = await t.call('POST', DEVICES, { token, json: declaration(overrides) });
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body.detail_ja ?? res.body.title_ja, name).toMatch(japanese);
      if (path)
        expect(
          res.body.errors.some((e: { path: string }) => e.path === path || e.path === `json.${path}`),
          name,
        ).toBe(true);
    }
    const unacknowledged = await t.call('POST', DEVICES, {
      token: city.manager,
      json: declaration({ noNetworkAcknowledged: false }),
    });
    const error = unacknowledged.body.errors[0];
    expect(error.message_ja).toContain('市のネットワークに接続しません');
    expect(error.message_ja).toContain('特記事項 第3項');
    expect(error.message).toContain('city');
    const list = expectStatus(await t.call('GET', DEVICES, { token: city.manager }), 200);
    expect(list.items).toHaveLength(2);
  });

  it('is permitted in advance, once, with the version read; refused with a reason; withdrawn by the company', async () => {
    const declared = expectStatus(
      await t.call('POST', DEVICES, { token: city.manager, json: declaration() }),
      201,
    );
    expect(declared).toMatchObject({ status: 'declared', allowedActions: ['withdraw'] });
    const stale = await t.call('POST', `${DEVICES}/${declared.id}/permit`, {
      token: city.officer,
      json: { version: declared.version + 1 },
    });
    expect(stale.status).toBe(409);
    expect(
      (
        await t.call('POST', `${DEVICES}/${declared.id}/permit`, {
          token: city.manager,
          json: { version: 1 },
        })
      ).status,
    ).toBe(403);
    const permitted = expectStatus(
      await t.call('POST', `${DEVICES}/${declared.id}/permit`, {
        token: city.chief,
        json: { version: declared.version, comment: '市のネットワークに接続しないこと' },
      }),
      200,
    );
    expect(permitted).toMatchObject({
      status: 'permitted',
      decisionComment: '市のネットワークに接続しないこと',
    });
    const again = await t.call('POST', `${DEVICES}/${declared.id}/permit`, {
      token: city.officer,
      json: { version: permitted.version },
    });
    expect(again.status).toBe(409);
    expect(again.body.detail_ja).toMatch(japanese);
    expect(
      (
        await t.call('POST', `${DEVICES}/${declared.id}/withdraw`, {
          token: city.officer,
          json: { version: permitted.version },
        })
      ).status,
    ).toBe(403);
    const withdrawn = expectStatus(
      await t.call('POST', `${DEVICES}/${declared.id}/withdraw`, {
        token: city.manager,
        json: { version: permitted.version, comment: '持込み終了' },
      }),
      200,
    );
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      withdrawalReason: '持込み終了',
      allowedActions: [],
    });

    const usb = roster().declaredDeviceId;
    const current = expectStatus(await t.call('GET', `${DEVICES}/${usb}`, { token: city.officer }), 200);
    const bare = await t.call('POST', `${DEVICES}/${usb}/refuse`, {
      token: city.officer,
      json: { version: current.version },
    });
    expect(bare.status).toBe(422);
    expect(bare.body.errors[0]).toMatchObject({ path: 'comment' });
    const refused = expectStatus(
      await t.call('POST', `${DEVICES}/${usb}/refuse`, {
        token: city.officer,
        json: { version: current.version, comment: '記録媒体の持込みは認めない' },
      }),
      200,
    );
    expect(refused.status).toBe('refused');
    const audit = expectStatus(
      await t.call('GET', '/api/v1/audit-entries?limit=50', { token: city.chief }),
      200,
    );
    const actions = audit.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['device.declare', 'device.permit', 'device.withdraw', 'device.refuse']),
    );
  });

  it('refuses a permission after the day the device was to be brought in: no permission after the fact', async () => {
    const declared = expectStatus(
      await t.call('POST', DEVICES, { token: city.manager, json: declaration() }),
      201,
    );
    const now = t.clock.now();
    t.clock.advance(2 * 86_400_000);
    try {
      const officer = await signIn(t, 'officer@city.nankoku.example.jp');
      const late = await t.call('POST', `${DEVICES}/${declared.id}/permit`, {
        token: officer,
        json: { version: declared.version },
      });
      expect(late.status).toBe(409);
      expect(late.body.detail_ja).toContain('事前に');
      const still = expectStatus(await t.call('GET', `${DEVICES}/${declared.id}`, { token: officer }), 200);
      expect(still).toMatchObject({ status: 'declared', version: declared.version });
    } finally {
      t.clock.set(now);
    }
  });
});

describe('特定個人情報: the My Number profile and its handling areas', () => {
  it('flags 南国市’s contract as a My Number contract with its areas, read by whoever reads the contract', async () => {
    const id = w.nankoku.myNumberContractId;
    const profile = expectStatus(
      await t.call('GET', `${CONTRACTS}/${id}/my-number`, { token: city.manager }),
      200,
    );
    expect(profile).toMatchObject({
      myNumberContract: true,
      areas: expect.arrayContaining([expect.stringContaining('市民課窓口')]),
      basis: { ja: expect.stringContaining('第10条') },
    });
    expect(profile.items).toEqual(expect.arrayContaining([expect.stringContaining('個人番号')]));
    expect(
      (await t.call('GET', `${CONTRACTS}/${id}/my-number`, { token: w.tokens.ward_officer })).status,
    ).toBe(404);
    const bicycle = expectStatus(
      await t.call('GET', `${CONTRACTS}/${w.bicycleContractId}/my-number`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(bicycle).toMatchObject({ myNumberContract: false, areas: [] });

    const stale = await t.call('PUT', `${CONTRACTS}/${id}/my-number/areas`, {
      token: city.officer,
      json: { areas: ['市民課窓口'], version: 0 },
    });
    expect(stale.status).toBe(409);
    const renamed = expectStatus(
      await t.call('PUT', `${CONTRACTS}/${id}/my-number/areas`, {
        token: city.officer,
        json: { areas: ['市民課窓口', '交付準備室'], version: profile.areasVersion },
      }),
      200,
    );
    expect(renamed).toMatchObject({
      areas: ['市民課窓口', '交付準備室'],
      areasVersion: profile.areasVersion + 1,
    });
    expect(
      (
        await t.call('PUT', `${CONTRACTS}/${id}/my-number/areas`, {
          token: city.manager,
          json: { areas: ['x'], version: 2 },
        })
      ).status,
    ).toBe(403);
    const notMyNumber = await t.call('PUT', `${CONTRACTS}/${w.bicycleContractId}/my-number/areas`, {
      token: w.tokens.ward_officer,
      json: { areas: ['駐輪場'], version: 0 },
    });
    expect(notMyNumber.status).toBe(422);
    expect(notMyNumber.body.detail_ja).toContain('個人番号');
    const empty = await t.call('PUT', `${CONTRACTS}/${id}/my-number/areas`, {
      token: city.officer,
      json: { areas: [' '], version: renamed.areasVersion },
    });
    expect(empty.status).toBe(422);
  });

  it('keeps a My Number contract from starting until the city names its handling areas', async () => {
    const created = expectStatus(
      await t.call('POST', CONTRACTS, {
        token: city.officer,
        json: contractInput(w, {
          departmentId: w.nankoku.departments.市民課,
          contractorOrgId: w.nankoku.contractorId,
          title: '個人番号カード交付予約受付業務委託',
          place: '南国市役所 市民課',
        }),
      }),
      201,
    );
    const register = {
      subjectGroups: [
        {
          name: '交付予約者',
          items: [
            { name: '氏名', catalogueCode: 'name', direction: 'collected' },
            { name: '個人番号', catalogueCode: 'my_number', direction: 'collected', myNumber: true },
          ],
        },
      ],
      media: [{ kind: 'paper', name: '交付予約票' }],
    };
    expectStatus(await putRegister(t, city.officer, created.id, 0, register), 200);
    const blocked = await transition(t, city.officer, created, 'activate');
    expect(blocked.status).toBe(409);
    const codes = () => (blocked.body.missing ?? []).map((m: { code: string }) => m.code);
    expect(codes()).toContain('my-number-areas-missing');
    const missing = blocked.body.missing.find((m: { code: string }) => m.code === 'my-number-areas-missing');
    expect(missing.ja).toContain('市が取扱区域を指定していません');
    expectStatus(
      await t.call('PUT', `${CONTRACTS}/${created.id}/my-number/areas`, {
        token: city.officer,
        json: { areas: ['市民課窓口'], version: 0 },
      }),
      200,
    );
    const still = await transition(t, city.officer, created, 'activate');
    expect(still.status).toBe(409);
    expect((still.body.missing ?? []).map((m: { code: string }) => m.code)).not.toContain(
      'my-number-areas-missing',
    );
  });
});

describe('the inspection that checks devices, 届書等 and pledges', () => {
  it('uses 南国市’s version 2 of the supervision checklist, with the seed 004 items', async () => {
    // the contract starts the only way there is: its delegation approved along the city's chain
    const id = w.nankoku.myNumberContractId;
    const signer = {
      officer: city.officer,
      chief: city.chief,
      manager: await signIn(t, 'manager@city.nankoku.example.jp'),
    };
    let approval = expectStatus(
      await t.call('POST', `${CONTRACTS}/${id}/delegation-approval`, {
        token: city.officer,
        json: { councilMode: 'report' },
      }),
      201,
    );
    const step = async (token: string, command: string) =>
      expectStatus(
        await t.call('POST', `/api/v1/approvals/${approval.id}/${command}`, {
          token,
          json: { version: approval.version },
        }),
        200,
      );
    approval = await step(signer.officer, 'submit');
    approval = await step(signer.officer, 'start-review');
    for (const token of Object.values(signer)) approval = await step(token, 'approve');
    const contract = expectStatus(await t.call('GET', `${CONTRACTS}/${id}`, { token: city.officer }), 200);
    expectStatus(await transition(t, city.officer, contract, 'activate'), 200);

    const planned = expectStatus(
      await t.call('POST', '/api/v1/inspections', {
        token: city.inspector,
        json: {
          contractId: w.nankoku.myNumberContractId,
          organisationId: w.nankoku.contractorId,
          templateKey: 'fukuoka-supervision',
          plannedOn: w.today(),
        },
      }),
      201,
    );
    expect(planned.templateVersion).toBe(2);
    const started = expectStatus(
      await t.call('POST', `/api/v1/inspections/${planned.id}/start`, {
        token: city.inspector,
        json: { version: planned.version },
      }),
      200,
    );
    const detail = expectStatus(
      await t.call('GET', `/api/v1/inspections/${started.id}`, { token: city.inspector }),
      200,
    );
    const items = detail.sections.flatMap(
      (s: { groups: Array<{ items: Array<{ key: string; text: string; answer: { version: number } }> }> }) =>
        s.groups.flatMap((g) => g.items),
    );
    const devices = items.find((i: { key: string }) => i.key === 'x-s004-devices-1');
    expect(devices.text).toContain('事前に市の許可を得たもの');
    expect(items.map((i: { key: string }) => i.key)).toEqual(
      expect.arrayContaining(['x-s004-devices-2', 'x-s004-copying-1', 'x-s004-pledges-1']),
    );
    const answered = await t.call('PUT', `/api/v1/inspections/${started.id}/items/x-s004-devices-1`, {
      token: city.inspector,
      json: {
        result: 'ok',
        checkedOn: w.today(),
        observation: '持込み一覧（ノートPC 1台・許可済み）と現物を照合',
        version: devices.answer.version,
      },
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
  });

  it('refuses an application to copy under 南国市’s provisions: 届書等 are copied only as the specification provides', async () => {
    const id = w.nankoku.myNumberContractId;
    const register = expectStatus(
      await t.call('GET', `${CONTRACTS}/${id}/register`, { token: city.manager }),
      200,
    );
    const itemKeys = [register.document.subjectGroups[0].items[0].key];
    const copy = await t.call('POST', '/api/v1/prior-approvals', {
      token: city.manager,
      json: {
        contractId: id,
        kind: 'copy',
        reason: '交付通知書の控えを作成するため',
        itemKeys,
        quantity: 1,
        periodFrom: w.today(),
        periodTo: w.today(),
        place: '市民課内 交付準備室',
      },
    });
    expect(copy.status).toBe(422);
    const error = copy.body.errors.find((e: { path: string }) => e.path === 'kind');
    expect(error.message_ja).toContain('届書等の複写複製等はできません');
    expect(error.message_ja).toContain('特記事項 第2項');
  });
});
