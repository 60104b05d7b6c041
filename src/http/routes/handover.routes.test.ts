import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler, expectStatus } from '../../../test/helpers/contracts.js';
import {
  advance,
  byHand,
  custodyStep,
  listedHandlers,
  ownersCsv,
  PACKAGES,
  prepare,
  VEHICLE_OWNER_ITEMS,
  verifyReturn,
} from '../../../test/helpers/handover.js';
import { expectListViews } from '../../../test/helpers/list-views.js';
import { pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';
import { decryptPackage } from '../../domain/handover/package-crypto.js';

// Preparing an encrypted package and its custody, step by step, with the refusals of each step.

let t: TestApp;
let w: World;
let people: Record<string, string>;
const HOUR = 3600 * 1000;

const rowsOf = async (
  table: 'handover_packages' | 'package_handovers' | 'package_take_outs' | 'package_hash_checks',
) =>
  Number(
    (
      await t.handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const owners = (rows = 200) => [{ name: '撤去車両所有者一覧.csv', bytes: ownersCsv(rows) }];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  people = await listedHandlers(t, w.tokens.contractor_manager!, w.bicycleContractId);
});
afterAll(() => t.close());

describe('preparing a package', () => {
  it('encrypts the files, answers the password once, and keeps neither password nor data', async () => {
    const csv = ownersCsv(500);
    const res = await prepare(t, w.tokens.ward_officer, {
      contractId: w.bicycleContractId,
      title: '撤去車両所有者情報（令和8年度分）',
      items: VEHICLE_OWNER_ITEMS,
      files: [{ name: '撤去車両所有者一覧.csv', bytes: csv }],
    });
    const body = expectStatus(res, 201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body.password).toMatch(/^([A-HJ-NP-Z2-9]{4}-){5}[A-HJ-NP-Z2-9]{4}$/);
    expect(body.package).toMatchObject({
      status: 'prepared',
      recipientOrgId: w.companies.contractor,
      jweAlg: 'PBES2-HS512+A256KW',
      jweEnc: 'A256GCM',
      pbes2Count: 210_000,
      files: [{ name: '撤去車両所有者一覧.csv', sizeBytes: csv.length }],
    });
    const { files } = await decryptPackage(body.packageFile.jwe, body.password);
    expect(files[0]!.bytes).toEqual(csv);
    const file = new TextEncoder().encode(body.packageFile.jwe);
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', file)).toString('hex');
    expect(body.package.ciphertextSha256).toBe(digest);
    const notice = new Uint8Array(Buffer.from(body.passwordNotice.base64, 'base64'));
    if (process.env.KEEP_PDFS) await writeFile(`${process.env.KEEP_PDFS}/password-notice.pdf`, notice);
    const { text, pages } = await pdfText(notice);
    expect(pages).toBe(1);
    const flat = text.replace(/\s/g, '');
    for (const expected of [
      'パスワード通知書',
      body.package.number,
      body.password,
      '株式会社サイクルサポート東京',
      '総合自転車対策業務一括委託',
      '撤去車両所有者',
      '自転車防犯登録番号',
      '別の機会',
      '令和8年11月22日',
      // how to open it, in Japanese, with the product's own page, not a command or a local address
      '受渡データの開き方（本システムの復号ページ）',
      'ブラウザで復号する',
      '/api/v1/handover-packages/open',
    ]) {
      expect(flat).toContain(expected.replace(/\s/g, ''));
    }
    expect(flat).not.toContain('npm');
    expect(flat).not.toContain(body.package.id);
    expect(flat).not.toMatch(/localhost|127\.0\.0\.1|https?:\/\//);
    // the hash, as grouped on paper for comparing by eye
    expect(flat).toContain(body.package.ciphertextSha256);

    // what the database holds: metadata only
    const row = await t.handle.db
      .selectFrom('handover_packages')
      .selectAll()
      .where('id', '=', body.package.id)
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(body.password);
    expect(stored).not.toContain(body.password.replace(/-/g, ''));
    expect(stored).not.toContain('新宿 太郎');
    expect(stored).not.toContain(body.packageFile.jwe.slice(-40));
    const audit = JSON.stringify(await t.handle.db.selectFrom('audit_entries').selectAll().execute());
    expect(audit).not.toContain(body.password);
    expect(audit).not.toContain(body.password.replace(/-/g, ''));
  });

  it('refuses items outside the contract register, naming them (422, nothing written)', async () => {
    const before = await rowsOf('handover_packages');
    const res = await prepare(t, w.tokens.ward_officer, {
      contractId: w.bicycleContractId,
      title: '撤去車両所有者情報',
      items: [
        ...VEHICLE_OWNER_ITEMS.slice(0, 2),
        { subjectGroup: '撤去車両所有者', name: '勤務先', direction: 'provided' },
        { subjectGroup: '問合せ者', name: '氏名', direction: 'provided' },
      ],
      files: owners(),
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['items.2', 'items.3']);
    expect(res.body.errors[0].message_ja).toContain('撤去車両所有者の「勤務先」');
    expect(res.body.errors[1].message_ja).toContain('問合せ者の「氏名」（委託先に提供する項目）');
    expect(await rowsOf('handover_packages')).toBe(before);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['items that are not JSON', { items: '撤去車両所有者の氏名' }, 'items'],
    ['no items', { items: [] }, 'items'],
    ['a blank title', { title: '  ' }, 'title'],
    ['no files', { files: [] }, 'files'],
    ['an empty file', { files: [{ name: 'empty.csv', bytes: new Uint8Array() }] }, 'files'],
    ['a NUL in the title', { title: 'a\u0000b' }, 'title'],
  ])('refuses %s with 422 naming the field', async (_name, override, path) => {
    const res = await prepare(t, w.tokens.ward_officer, {
      contractId: w.bicycleContractId,
      title: '撤去車両所有者情報',
      items: VEHICLE_OWNER_ITEMS,
      files: owners(),
      ...(override as object),
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path.replace(/^form\./, '')).toMatch(new RegExp(`^${path}`));
  });

  it.each<[string, number]>([
    ['contractor_manager', 403],
    ['ward_chief', 403],
    ['council_reviewer', 403],
    ['other_ward_officer', 404],
    ['subcontractor_manager', 404],
  ])('refuses %s (%i)', async (who, status) => {
    const res = await prepare(t, w.tokens[who], {
      contractId: w.bicycleContractId,
      title: '撤去車両所有者情報',
      items: VEHICLE_OWNER_ITEMS,
      files: owners(),
    });
    expect(res.status).toBe(status);
  });

  it('answers 401 without a sign-in and 413 for a body over the package limit', async () => {
    expect(
      (
        await prepare(t, undefined, {
          contractId: w.bicycleContractId,
          title: 'x',
          items: VEHICLE_OWNER_ITEMS,
          files: owners(),
        })
      ).status,
    ).toBe(401);
    const huge = new Uint8Array(57 * 1024 * 1024);
    const res = await prepare(t, w.tokens.ward_officer, {
      contractId: w.bicycleContractId,
      title: '大きすぎるファイル',
      items: VEHICLE_OWNER_ITEMS,
      files: [{ name: 'huge.bin', bytes: huge }],
    });
    expect(res.status).toBe(413);
    // the feature's JSON steps keep the API's 1 MiB
    const big = await t.call('POST', `${PACKAGES}/00000000-0000-4000-8000-000000000000/withdraw`, {
      token: w.tokens.ward_officer,
      json: { reason: 'x'.repeat(1100 * 1024), version: 1 },
    });
    expect(big.status).toBe(413);
  });
});

describe('custody of the package, step by step', () => {
  let pkg: any;
  let jwe: string;
  let mediaAt: Date;

  beforeAll(async () => {
    const body = expectStatus(
      await prepare(t, w.tokens.ward_officer, {
        contractId: w.bicycleContractId,
        title: '撤去車両所有者情報（過年度分を含む）',
        items: VEHICLE_OWNER_ITEMS,
        files: owners(1000),
      }),
      201,
    );
    pkg = body.package;
    jwe = body.packageFile.jwe;
  });

  it('refuses a receiver who is not on the handler list, and one of another company (422)', async () => {
    const outsider = await createHandler(t, w.tokens.contractor_manager, '名簿外 花子', '2026-04-01');
    const at = t.clock.now();
    const off = await custodyStep(t, w.tokens.ward_officer, pkg, 'media-handover', byHand(outsider.id, at));
    expect(off.status).toBe(422);
    expect(off.body.errors[0]).toMatchObject({ path: 'receivedByHandlerId' });
    expect(off.body.errors[0].message_ja).toContain('名簿');
    const stranger = await createHandler(t, w.tokens.other_contractor_manager, '他社 次郎', '2026-04-01');
    expect(
      (await custodyStep(t, w.tokens.ward_officer, pkg, 'media-handover', byHand(stranger.id, at))).status,
    ).toBe(422);
    expect(await rowsOf('package_handovers')).toBe(0);
  });

  it('refuses other handover methods, a future time, the wrong side, other wards and stale versions', async () => {
    const at = t.clock.now();
    const ok = byHand(people['戸山 恵']!, at);
    const by = (body: object, who = 'ward_officer', p = pkg) =>
      custodyStep(t, w.tokens[who], p, 'media-handover', body);
    const post = await by({ ...ok, method: 'post' });
    expect(post.status).toBe(422);
    expect(post.body.errors[0].path).toContain('method');
    expect(
      (await by({ ...ok, handedAt: new Date(at.getTime() + HOUR).toISOString() })).body.errors[0].path,
    ).toBe('handedAt');
    expect((await by({ ...ok, identityCheck: { method: 'other' } })).body.errors[0].path).toBe(
      'identityCheck.note',
    );
    expect((await by(ok, 'contractor_manager')).status).toBe(403);
    expect((await by(ok, 'ward_chief')).status).toBe(403);
    expect((await by(ok, 'other_ward_officer')).status).toBe(404);
    expect((await by(ok, 'other_contractor_manager')).status).toBe(404);
    expect((await by(ok, 'ward_officer', { ...pkg, version: 9 })).status).toBe(409);
    expect(await rowsOf('package_handovers')).toBe(0);
  });

  it('hands the media over by hand to a listed handler', async () => {
    mediaAt = t.clock.now();
    pkg = expectStatus(
      await custodyStep(t, w.tokens.ward_officer, pkg, 'media-handover', {
        ...byHand(people['戸山 恵']!, mediaAt),
        identityCheck: { method: 'id_card', note: '運転免許証で確認' },
      }),
      200,
    );
    expect(pkg.status).toBe('media_handed_over');
    const seen = expectStatus(
      await t.call('GET', `${PACKAGES}/${pkg.id}`, { token: w.tokens.contractor_staff }),
      200,
    );
    expect(seen.handovers[0]).toMatchObject({
      kind: 'media',
      method: 'by_hand',
      giver: { name: expect.any(String), userId: w.userIds.ward_officer },
      receiver: { name: '戸山 恵', handlerId: people['戸山 恵'] },
      identityCheck: { method: 'id_card', note: '運転免許証で確認' },
    });
  });

  it('refuses the password notice on the same occasion (409), and takes it on a later one', async () => {
    const same = await custodyStep(
      t,
      w.tokens.ward_officer,
      pkg,
      'password-handover',
      byHand(people['西新宿 健']!, new Date(mediaAt.getTime() + 10 * 60 * 1000)),
    );
    expect(same.status).toBe(409);
    expect(same.body.detail_ja).toContain('別の機会');
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
    expect(pkg.status).toBe('password_handed_over');
    // the password notice only once
    expect(
      (
        await custodyStep(
          t,
          w.tokens.ward_officer,
          pkg,
          'password-handover',
          byHand(people['西新宿 健']!, later),
        )
      ).status,
    ).toBe(409);
  });

  it('stores the media in the locked cabinet, the key with the 取扱責任者 only', async () => {
    const at = t.clock.now();
    const store = (holder: string, who = 'contractor_manager') =>
      custodyStep(t, w.tokens[who], pkg, 'storage', {
        storedAt: at.toISOString(),
        place: '執務室内の施錠できるキャビネット',
        keyHolderHandlerId: holder,
      });
    const notResponsible = await store(people['戸山 恵']!);
    expect(notResponsible.status).toBe(422);
    expect(notResponsible.body.errors[0].message_ja).toContain('取扱責任者ではありません');
    expect((await store(people['西新宿 健']!, 'contractor_staff')).status).toBe(403);
    expect((await store(people['西新宿 健']!, 'ward_officer')).status).toBe(403);
    pkg = expectStatus(await store(people['西新宿 健']!), 200);
    expect(pkg).toMatchObject({
      status: 'in_custody',
      storagePlace: '執務室内の施錠できるキャビネット',
      keyHolderHandlerId: people['西新宿 健'],
    });
  });

  it('logs a take-out for delivery at once, and the check when it comes back', async () => {
    const out = await advance(t, w, HOUR);
    pkg = expectStatus(
      await custodyStep(t, w.tokens.contractor_staff, pkg, 'take-outs', {
        purpose: 'delivery',
        purposeDetail: '区への成果品納品',
        contents: '暗号化USB（撤去車両所有者情報）',
        handlerId: people['早稲田 拓也'],
        outAt: out.toISOString(),
      }),
      200,
    );
    expect(pkg.status).toBe('taken_out');
    const back = await advance(t, w, 2 * HOUR);
    const full = expectStatus(
      await t.call('GET', `${PACKAGES}/${pkg.id}`, { token: w.tokens.contractor_staff }),
      200,
    );
    const [takeOut] = full.takeOuts;
    expect(
      (
        await custodyStep(t, w.tokens.contractor_staff, pkg, `take-outs/${takeOut.id}/bring-back`, {
          backAt: new Date(out.getTime() - 1000).toISOString(),
          check: '異常なし',
        })
      ).body.errors[0].path,
    ).toBe('backAt');
    pkg = expectStatus(
      await custodyStep(t, w.tokens.contractor_staff, pkg, `take-outs/${takeOut.id}/bring-back`, {
        backAt: back.toISOString(),
        check: '媒体の外観・ラベルを確認、異常なし',
      }),
      200,
    );
    expect(pkg.status).toBe('in_custody');
  });

  it('needs the ward’s approval for a take-out for another purpose', async () => {
    pkg = expectStatus(
      await custodyStep(t, w.tokens.contractor_manager, pkg, 'take-outs', {
        purpose: 'other',
        purposeDetail: '区役所本庁舎での打合せで照合に使用',
        contents: '暗号化USB（撤去車両所有者情報）',
        handlerId: people['西新宿 健'],
      }),
      200,
    );
    expect(pkg.status).toBe('in_custody');
    let full = expectStatus(
      await t.call('GET', `${PACKAGES}/${pkg.id}`, { token: w.tokens.ward_officer }),
      200,
    );
    const request = full.takeOuts.at(-1);
    expect(request.status).toBe('requested');
    const at = t.clock.now().toISOString();
    expect(
      (await custodyStep(t, w.tokens.contractor_manager, pkg, `take-outs/${request.id}/start`, { outAt: at }))
        .status,
    ).toBe(409);
    expect(
      (await custodyStep(t, w.tokens.contractor_manager, pkg, `take-outs/${request.id}/approve`, {})).status,
    ).toBe(403);
    pkg = expectStatus(
      await custodyStep(t, w.tokens.ward_officer, pkg, `take-outs/${request.id}/approve`, {
        comment: '当日中に戻すこと',
      }),
      200,
    );
    pkg = expectStatus(
      await custodyStep(t, w.tokens.contractor_manager, pkg, `take-outs/${request.id}/start`, { outAt: at }),
      200,
    );
    expect(pkg.status).toBe('taken_out');
    // it may not be returned to the ward while out for another purpose
    const back = await advance(t, w, HOUR);
    const early = await custodyStep(t, w.tokens.ward_officer, pkg, 'return', {
      handedAt: back.toISOString(),
      givenByHandlerId: people['西新宿 健'],
      identityCheck: { method: 'employee_card' },
      method: 'by_hand',
      passwordNoticeReturned: true,
    });
    expect(early.status).toBe(409);
    pkg = expectStatus(
      await custodyStep(t, w.tokens.contractor_manager, pkg, `take-outs/${request.id}/bring-back`, {
        backAt: back.toISOString(),
        check: '異常なし',
      }),
      200,
    );
    full = expectStatus(await t.call('GET', `${PACKAGES}/${pkg.id}`, { token: w.tokens.ward_officer }), 200);
    expect(full.takeOuts.map((x: { purpose: string; status: string }) => `${x.purpose}:${x.status}`)).toEqual(
      ['delivery:back', 'other:back'],
    );
  });

  it('takes the media and the notice back, and checks the hash: a different file is recorded and refused', async () => {
    const at = await advance(t, w, HOUR);
    const ret = (extra: object = {}) =>
      custodyStep(t, w.tokens.ward_officer, pkg, 'return', {
        handedAt: at.toISOString(),
        givenByHandlerId: people['西新宿 健'],
        identityCheck: { method: 'employee_card' },
        method: 'by_hand',
        passwordNoticeReturned: true,
        ...extra,
      });
    expect((await ret({ passwordNoticeReturned: false })).body.errors[0].path).toBe('passwordNoticeReturned');
    pkg = expectStatus(await ret(), 200);
    expect(pkg.status).toBe('returned');

    const altered = `${jwe.slice(0, -5)}AAAAA`;
    const mismatch = await verifyReturn(t, w.tokens.ward_officer!, pkg, altered);
    expect(mismatch.status).toBe(409);
    expect(mismatch.body).toMatchObject({ state: 'returned', expectedSha256: pkg.ciphertextSha256 });
    expect(await rowsOf('package_hash_checks')).toBe(1);
    pkg = { ...pkg, version: mismatch.body.version };
    expect((await verifyReturn(t, w.tokens.contractor_manager!, pkg, jwe)).status).toBe(403);
    const verified = expectStatus(await verifyReturn(t, w.tokens.ward_officer!, pkg, jwe), 200);
    expect(verified).toMatchObject({
      status: 'verified',
      check: { matches: true, sha256: pkg.ciphertextSha256 },
    });
    const full = expectStatus(
      await t.call('GET', `${PACKAGES}/${pkg.id}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect(full.hashChecks.map((c: { matches: boolean }) => c.matches)).toEqual([false, true]);
    expect(full.handovers.map((h: { kind: string }) => h.kind)).toEqual([
      'media',
      'password_notice',
      'return',
    ]);
  });
});

describe('lists', () => {
  it('shows each party exactly the packages it may see', async () => {
    const ids = async (who: string) =>
      expectStatus(await t.call('GET', `${PACKAGES}?limit=200`, { token: w.tokens[who] }), 200).items.map(
        (p: { id: string }) => p.id,
      );
    const all = await ids('ward_officer');
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(await ids('ward_manager')).toEqual(all);
    expect(await ids('contractor_staff')).toEqual(all);
    expect(await ids('other_contractor_manager')).toEqual([]);
    expect(await ids('subcontractor_manager')).toEqual([]);
    expect(await ids('other_ward_officer')).toEqual([]);
    expect(await ids('council_reviewer')).toEqual([]);
    const page = expectStatus(
      await t.call('GET', `${PACKAGES}?limit=1`, { token: w.tokens.ward_officer }),
      200,
    );
    const next = expectStatus(
      await t.call('GET', `${PACKAGES}?limit=1&cursor=${page.nextCursor}`, { token: w.tokens.ward_officer }),
      200,
    );
    expect([page.items[0].id, next.items[0].id]).toEqual(all.slice(0, 2));
  });

  it('lists compact packages with allowedActions, and with view=full as the detail gives them', async () => {
    const views = await expectListViews(t, {
      path: PACKAGES,
      tokens: [
        'ward_officer',
        'ward_manager',
        'contractor_staff',
        'subcontractor_manager',
        'council_reviewer',
      ].map((who) => w.tokens[who]!),
      same: [
        'number',
        'title',
        'contractId',
        'recipientOrgId',
        'status',
        'storagePlace',
        'storedAt',
        'preparedAt',
        'version',
      ],
      dropped: ['items', 'files', 'ciphertextSha256', 'jweAlg', 'pbes2Count', 'handovers', 'takeOuts'],
      detail: (id) => `${PACKAGES}/${id}`,
    });
    const [officer, , staff, sub, council] = views;
    // each item's allowedActions are the detail's: asked with its own chain of custody
    for (const [who, seen] of [
      ['ward_officer', officer!],
      ['contractor_staff', staff!],
    ] as const)
      for (const item of seen.compact) {
        const one = expectStatus(
          await t.call('GET', `${PACKAGES}/${item.id}`, { token: w.tokens[who] }),
          200,
        );
        expect(item.allowedActions, who).toEqual(one.allowedActions);
      }
    expect(officer!.compact.some((p) => (p.allowedActions as string[]).length > 0)).toBe(true);
    expect(sub!.full).toEqual([]);
    expect(council!.full).toEqual([]);
  });
});
