import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACTS, expectStatus, transition } from '../../../test/helpers/contracts.js';
import {
  advance,
  approvedCallCentre,
  byHand,
  custodyStep,
  ERASURES,
  erasureBody,
  listedHandlers,
  ownersCsv,
  PACKAGES,
  prepare,
  registerItems,
  VEHICLE_OWNER_ITEMS,
  verifyReturn,
} from '../../../test/helpers/handover.js';
import { hasQrCode, pdfText } from '../../../test/helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { buildWorld, type World } from '../../../test/helpers/world.js';
import { decryptPackage } from '../../domain/handover/package-crypto.js';

// The seed 003 case from handover to closing, through the API: the ward hands the encrypted
// 撤去車両所有者 data to the contractor and to the call-centre sub-contractor, the media and the
// password notice on separate occasions; custody with a take-out; return with the hash check;
// erasure by the contractor and by the sub-contractor (its sub-contract ending with the contract, still readable to it); certificates
// issued, sent to the ward and the contractor, verified — a tampered one detected; and the contract
// closing only when everything in its chain is certified.

let t: TestApp;
let w: World;
let sub: { contractId: string; approvalId: string };
let contractorPeople: Record<string, string>;
let subPeople: Record<string, string>;
const HOUR = 3600 * 1000;
const KEEP = process.env.KEEP_PDFS;

const get = async (path: string, who: string) => t.call('GET', path, { token: w.tokens[who] });
/** The erasure figures of this fiscal year's council summary. */
const erasureFigures = async () => {
  const summary = expectStatus(await get('/api/v1/summaries?fiscalYear=2026', 'council_reviewer'), 200);
  return Object.fromEntries(
    summary.figures
      .filter((f: { key: string }) => /erasure|packages/.test(f.key))
      .map((f: { key: string; value: number }) => [f.key, f.value]),
  );
};
const codes = (body: { missing?: Array<{ code: string }> }) => (body.missing ?? []).map((m) => m.code);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
  sub = await approvedCallCentre(t, w);
  contractorPeople = await listedHandlers(t, w.tokens.contractor_manager!, w.bicycleContractId);
  subPeople = await listedHandlers(t, w.tokens.subcontractor_manager!, sub.contractId);
});
afterAll(() => t.close());

describe('seed 003: 撤去車両所有者 data from handover to a closed contract', () => {
  let main: any; // the package for the contractor
  let mainFile: string;
  let mainPassword: string;
  let callCentre: any; // the package for the sub-contractor
  let contractorCertificate: any;
  let subRecord: any;
  let subCertificate: any;

  it('prepares the encrypted packages; items outside the sub-contract register are refused', async () => {
    const res = expectStatus(
      await prepare(t, w.tokens.ward_officer, {
        contractId: w.bicycleContractId,
        title: '撤去車両所有者情報（過年度分を含む）',
        items: VEHICLE_OWNER_ITEMS,
        files: [
          { name: '撤去車両所有者一覧.csv', bytes: ownersCsv(2000) },
          { name: '過年度分.csv', bytes: ownersCsv(500, 7) },
        ],
      }),
      201,
    );
    main = res.package;
    mainFile = res.packageFile.jwe;
    mainPassword = res.password;
    expect((await decryptPackage(mainFile, mainPassword)).files).toHaveLength(2);

    // the call centre's register has only 住所・氏名・電話番号 of the owners
    const outside = await prepare(t, w.tokens.ward_officer, {
      contractId: sub.contractId,
      title: '撤去車両所有者情報（コールセンター用）',
      items: VEHICLE_OWNER_ITEMS,
      files: [{ name: 'owners.csv', bytes: ownersCsv(100) }],
    });
    expect(outside.status).toBe(422);
    expect(outside.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'items.3',
      'items.4',
      'items.5',
      'items.6',
    ]);
    callCentre = expectStatus(
      await prepare(t, w.tokens.ward_officer, {
        contractId: sub.contractId,
        title: '撤去車両所有者情報（コールセンター用）',
        items: VEHICLE_OWNER_ITEMS.slice(0, 3),
        files: [{ name: 'owners.csv', bytes: ownersCsv(300) }],
      }),
      201,
    ).package;
    expect(callCentre.recipientOrgId).toBe(w.companies.subcontractor);
    // the contractor supervises the sub-contractor's package; the sub-contractor never sees the contractor's
    expect((await get(`${PACKAGES}/${callCentre.id}`, 'contractor_manager')).status).toBe(200);
    expect((await get(`${PACKAGES}/${main.id}`, 'subcontractor_manager')).status).toBe(404);
  });

  it('hands the media over by hand; a receiver off the list and the same occasion are refused', async () => {
    const at = t.clock.now();
    const wrongCompany = await custodyStep(
      t,
      w.tokens.ward_officer,
      callCentre,
      'media-handover',
      byHand(contractorPeople['戸山 恵']!, at),
    );
    expect(wrongCompany.status).toBe(422);
    expect(wrongCompany.body.errors[0].path).toBe('receivedByHandlerId');
    main = expectStatus(
      await custodyStep(
        t,
        w.tokens.ward_officer,
        main,
        'media-handover',
        byHand(contractorPeople['戸山 恵']!, at),
      ),
      200,
    );
    callCentre = expectStatus(
      await custodyStep(
        t,
        w.tokens.ward_officer,
        callCentre,
        'media-handover',
        byHand(subPeople['大久保 彩']!, at),
      ),
      200,
    );
    const same = await custodyStep(
      t,
      w.tokens.ward_officer,
      main,
      'password-handover',
      byHand(contractorPeople['西新宿 健']!, t.clock.now()),
    );
    expect(same.status).toBe(409);
  });

  it('hands the password notices over on a later occasion and stores the media', async () => {
    const later = await advance(t, w, 24 * HOUR);
    main = expectStatus(
      await custodyStep(
        t,
        w.tokens.ward_officer,
        main,
        'password-handover',
        byHand(contractorPeople['西新宿 健']!, later),
      ),
      200,
    );
    callCentre = expectStatus(
      await custodyStep(
        t,
        w.tokens.ward_officer,
        callCentre,
        'password-handover',
        byHand(subPeople['東池袋 翔']!, later),
      ),
      200,
    );
    const cabinet = { storedAt: later.toISOString(), place: '執務室内の施錠できるキャビネット' };
    main = expectStatus(
      await custodyStep(t, w.tokens.contractor_manager, main, 'storage', {
        ...cabinet,
        keyHolderHandlerId: contractorPeople['西新宿 健'],
      }),
      200,
    );
    callCentre = expectStatus(
      await custodyStep(t, w.tokens.subcontractor_manager, callCentre, 'storage', {
        ...cabinet,
        keyHolderHandlerId: subPeople['東池袋 翔'],
      }),
      200,
    );
    expect([main.status, callCentre.status]).toEqual(['in_custody', 'in_custody']);
  });

  it('logs a take-out and its return to the cabinet', async () => {
    const out = await advance(t, w, HOUR);
    main = expectStatus(
      await custodyStep(t, w.tokens.contractor_staff, main, 'take-outs', {
        purpose: 'delivery',
        purposeDetail: '区への成果品納品',
        contents: '暗号化USB（撤去車両所有者情報）',
        handlerId: contractorPeople['早稲田 拓也'],
        outAt: out.toISOString(),
      }),
      200,
    );
    const back = await advance(t, w, HOUR);
    const { takeOuts } = expectStatus(await get(`${PACKAGES}/${main.id}`, 'contractor_staff'), 200);
    main = expectStatus(
      await custodyStep(t, w.tokens.contractor_staff, main, `take-outs/${takeOuts[0].id}/bring-back`, {
        backAt: back.toISOString(),
        check: '媒体の外観・封印を確認、異常なし',
      }),
      200,
    );
    expect(main.status).toBe('in_custody');
  });

  it('takes the media back and checks the hash; a tampered file is caught', async () => {
    const at = await advance(t, w, 24 * HOUR);
    main = expectStatus(
      await custodyStep(t, w.tokens.ward_officer, main, 'return', {
        handedAt: at.toISOString(),
        givenByHandlerId: contractorPeople['西新宿 健'],
        identityCheck: { method: 'employee_card' },
        method: 'by_hand',
        passwordNoticeReturned: true,
      }),
      200,
    );
    const tampered = await verifyReturn(
      t,
      w.tokens.ward_officer!,
      main,
      mainFile.replace(/.$/, mainFile.endsWith('A') ? 'B' : 'A'),
    );
    expect(tampered.status).toBe(409);
    main = expectStatus(
      await verifyReturn(t, w.tokens.ward_officer!, { ...main, version: tampered.body.version }, mainFile),
      200,
    );
    expect(main.status).toBe('verified');
  });

  it('refuses to close while anything in the chain is outstanding, saying exactly what', async () => {
    let contract = expectStatus(await get(`${CONTRACTS}/${w.bicycleContractId}`, 'ward_officer'), 200);
    contract = expectStatus(await transition(t, w.tokens.ward_officer, contract, 'begin-ending'), 200);
    // ending the contract ends the sub-contract with it, in its own state: the sub-contractor keeps
    // reading what it must certify, and its approval is not revoked
    const ended = expectStatus(await get(`${CONTRACTS}/${sub.contractId}`, 'subcontractor_manager'), 200);
    expect(ended).toMatchObject({ status: 'ending', endedWithParent: true });
    expect((await get(`${CONTRACTS}/${sub.contractId}/register`, 'subcontractor_manager')).status).toBe(200);

    const refused = await transition(t, w.tokens.ward_officer, contract, 'close');
    expect(refused.status).toBe(409);
    expect(codes(refused.body)).toEqual([
      'item-not-disposed', // 問合せ者 (collected)
      'item-not-disposed', // 撤去車両返還希望者 (collected)
      'item-not-disposed', // 駐輪施設利用希望者 (collected)
      'item-not-disposed', // 駐輪施設利用希望者 (provided)
      'erasure-not-certified',
      'package-outstanding', // the call centre's package
      'item-not-disposed', // 問合せ者 at the call centre
      'item-not-disposed', // 撤去車両所有者 at the call centre
      'erasure-not-certified',
    ]);
    const text = refused.body.missing.map((m: { ja: string }) => m.ja).join('\n');
    expect(text).toContain(`受渡データ「撤去車両所有者情報（コールセンター用）」（${callCentre.id}`);
    expect(text).toContain('保管中');
    expect(text).toContain(
      '問合せ者（委託先が収集する項目）の「氏名」「住所」「電話番号」「問合せ内容」のデータに消去又は返還の記録がありません',
    );
    expect(text).toContain(
      '株式会社サイクルサポート東京が「総合自転車対策業務一括委託」の業務終了時の消去証明書を提出していません',
    );
    expect(text).toContain(
      '株式会社コールセンター・ジャパンが「自転車対策コールセンター運営業務」の業務終了時の消去証明書を提出していません',
    );
    // the owners' data came back with the package and is not asked for again
    expect(text).not.toContain('総合自転車対策業務一括委託：撤去車両所有者');
    // the council summary counts the same debts for the ward
    expect(await erasureFigures()).toEqual({
      erasure_certificates_issued: 0,
      erasure_certificates_missing: 2,
      packages_outstanding: 1,
    });
  });

  it('records the contractor’s erasure with evidence, and refuses careless records', async () => {
    const at = t.clock.now();
    const items = (await registerItems(t, w.tokens.contractor_manager!, w.bicycleContractId)).filter(
      (i: { subjectGroup: string }) => i.subjectGroup !== '撤去車両所有者',
    );
    const form = new FormData();
    form.set(
      'file',
      new File(
        [
          Uint8Array.from(
            atob(
              'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
            ),
            (c) => c.charCodeAt(0),
          ),
        ],
        '消去作業写真.png',
        { type: 'image/png' },
      ),
    );
    form.set('purpose', 'photo');
    form.set('wardId', w.wardId);
    const photo = expectStatus(
      await t.call('POST', '/api/v1/attachments', { token: w.tokens.contractor_manager, body: form }),
      201,
    );
    const body = erasureBody(w.bicycleContractId, contractorPeople['西新宿 健']!, at, {
      items,
      evidenceAttachmentIds: [photo.id],
    });
    const post = (json: object, who = 'contractor_manager') =>
      t.call('POST', ERASURES, { token: w.tokens[who], json });

    const refusals: Array<[object, string, number, string?]> = [
      [
        {
          ...body,
          items: [
            ...items,
            { subjectGroup: '撤去車両所有者', name: '勤務先', direction: 'provided', disposition: 'erased' },
          ],
        },
        'contractor_manager',
        422,
        `items.${items.length}`,
      ],
      [
        { ...body, methods: [{ method: 'erasure_software' }] },
        'contractor_manager',
        422,
        'methods.0.software',
      ],
      [
        { ...body, performedByHandlerId: subPeople['東池袋 翔'] },
        'contractor_manager',
        422,
        'performedByHandlerId',
      ],
      [{ ...body, packageIds: [callCentre.id] }, 'contractor_manager', 422, 'packageIds.0'],
      [
        { ...body, evidenceAttachmentIds: ['00000000-0000-4000-8000-000000000000'] },
        'contractor_manager',
        422,
        'evidenceAttachmentIds.0',
      ],
      [
        { ...body, erasedAt: new Date(at.getTime() + 2 * HOUR).toISOString() },
        'contractor_manager',
        422,
        'erasedAt',
      ],
      [body, 'contractor_staff', 403],
      [body, 'ward_officer', 403],
      [body, 'subcontractor_manager', 404],
      [body, 'other_ward_company_manager', 404],
    ];
    for (const [json, who, status, path] of refusals) {
      const res = await post(json, who);
      expect(res.status, `${who} ${JSON.stringify(res.body)}`).toBe(status);
      if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await get(ERASURES, 'ward_officer')).body.items).toEqual([]);

    const record = expectStatus(await post(body), 201);
    expect(record).toMatchObject({
      status: 'recorded',
      organisationId: w.companies.contractor,
      scope: 'contract_end',
    });
    expect(
      (
        await t.call('POST', `${ERASURES}/${record.id}/certificate`, {
          token: w.tokens.contractor_manager,
          json: { version: 9 },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await t.call('POST', `${ERASURES}/${record.id}/certificate`, {
          token: w.tokens.ward_officer,
          json: { version: 1 },
        })
      ).status,
    ).toBe(403);
    contractorCertificate = expectStatus(
      await t.call('POST', `${ERASURES}/${record.id}/certificate`, {
        token: w.tokens.contractor_manager,
        json: { version: record.version },
      }),
      201,
    );
    expect(contractorCertificate.certificateNumber).toBe('2026-0001');
    expect(contractorCertificate.payload).toMatchObject({
      certifiedBy: { name: '株式会社サイクルサポート東京' },
      recipients: [{ role: 'ward', name: '新宿区' }],
      evidence: [{ filename: '消去作業写真.png', sha256: photo.sha256 }],
    });
    expect(
      (
        await t.call('POST', `${ERASURES}/${record.id}/certificate`, {
          token: w.tokens.contractor_manager,
          json: { version: record.version + 1 },
        })
      ).status,
    ).toBe(409);
  });

  it('lets the sub-contractor record and certify its erasure under its ending sub-contract', async () => {
    const at = t.clock.now();
    const items = [
      ...['氏名', '住所', '電話番号', '問合せ内容'].map((name) => ({
        subjectGroup: '問合せ者',
        name,
        direction: 'collected',
        disposition: 'erased',
      })),
      ...['住所', '氏名', '電話番号'].map((name) => ({
        subjectGroup: '撤去車両所有者',
        name,
        direction: 'provided',
        disposition: 'erased',
      })),
    ];
    subRecord = expectStatus(
      await t.call('POST', ERASURES, {
        token: w.tokens.subcontractor_manager,
        json: erasureBody(sub.contractId, subPeople['東池袋 翔']!, at, {
          items,
          packageIds: [callCentre.id],
          paper: [],
          devices: [{ description: 'コールセンター端末', serialNumber: 'CC-07' }],
          methods: [
            { method: 'erasure_software', software: 'DataEraser Pro 5.2' },
            { method: 'physical_destruction', detail: '暗号化USBは区の指示により物理破壊' },
          ],
          witnesses: [
            { name: '西新宿 健', side: 'contractor', organisationName: '株式会社サイクルサポート東京' },
          ],
        }),
      }),
      201,
    );
    expect((await get(`${ERASURES}/${subRecord.id}`, 'subcontractor_staff')).status).toBe(200);
    subCertificate = expectStatus(
      await t.call('POST', `${ERASURES}/${subRecord.id}/certificate`, {
        token: w.tokens.subcontractor_manager,
        json: { version: subRecord.version },
      }),
      201,
    );
    expect(subCertificate.certificateNumber).toBe('2026-0002');
    expect(subCertificate.payload.recipients.map((r: { name: string }) => r.name)).toEqual([
      '新宿区',
      '株式会社サイクルサポート東京',
    ]);
    expect(subCertificate.payload.parentContract).toMatchObject({ title: '総合自転車対策業務一括委託' });
    expect((await get(`${PACKAGES}/${callCentre.id}`, 'ward_officer')).body.status).toBe('erased');
  });

  it('sends a sub-contractor’s certificate to both the ward and the contractor, and to nobody else', async () => {
    for (const who of [
      'ward_officer',
      'ward_manager',
      'contractor_manager',
      'contractor_staff',
      'subcontractor_manager',
    ]) {
      expect((await get(`${ERASURES}/${subRecord.id}/certificate`, who)).status, who).toBe(200);
    }
    for (const who of ['other_contractor_manager', 'other_ward_officer', 'council_reviewer']) {
      expect((await get(`${ERASURES}/${subRecord.id}/certificate`, who)).status, who).toBe(404);
    }
    const notified = async (who: string) =>
      expectStatus(await get('/api/v1/notifications', who), 200).items.filter(
        (n: { subjectId: string }) => n.subjectId === subRecord.id,
      );
    expect(await notified('ward_officer')).toHaveLength(1);
    expect(await notified('contractor_manager')).toHaveLength(1);
    expect(await notified('other_contractor_manager')).toHaveLength(0);
    const ids = async (who: string) =>
      expectStatus(await get(ERASURES, who), 200)
        .items.map((r: { id: string }) => r.id)
        .sort();
    expect((await ids('ward_officer')).length).toBe(2);
    expect(await ids('contractor_manager')).toEqual(await ids('ward_officer'));
    expect(await ids('subcontractor_manager')).toEqual([subRecord.id]);
    expect(await ids('other_contractor_manager')).toEqual([]);
  });

  it('verifies certificates publicly: valid, tampered, unknown', async () => {
    const verify = (json: object) => t.call('POST', '/api/v1/certificate-verification', { json });
    const valid = expectStatus(await verify({ jws: subCertificate.jws }), 200);
    expect(valid).toMatchObject({
      result: 'valid',
      certificate: { certificateNumber: '2026-0002', certifiedBy: '株式会社コールセンター・ジャパン' },
    });
    // instants in Japan time with the offset, never a UTC "Z" (the PDF prints Japan time)
    for (const at of [valid.certificate.issuedAt, valid.certificate.erasedAt]) {
      expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    }
    expect(new Date(valid.certificate.erasedAt).getTime()).toBe(new Date(subRecord.erasedAt).getTime());
    expect(
      expectStatus(
        await verify({ certificateNumber: '2026-0001', sha256: contractorCertificate.payloadSha256 }),
        200,
      ).result,
    ).toBe('valid');

    // someone moves the erasure date and keeps the signature
    const [header, payload, signature] = subCertificate.jws.split('.');
    const content = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...content, erasedAt: '2027-03-31T00:00:00.000Z' })).toString(
      'base64url',
    );
    expect(expectStatus(await verify({ jws: [header, forged, signature].join('.') }), 200)).toEqual({
      result: 'tampered',
    });
    expect(
      expectStatus(
        await verify({ certificateNumber: '2026-0002', sha256: contractorCertificate.payloadSha256 }),
        200,
      ).result,
    ).toBe('tampered');
    expect(
      expectStatus(await verify({ certificateNumber: '2026-0099', sha256: 'ab'.repeat(32) }), 200).result,
    ).toBe('unknown');
    expect(expectStatus(await verify({ jws: 'not.a.certificate' }), 200).result).toBe('unknown');
    // an access token is signed with the same key but is no certificate
    expect(expectStatus(await verify({ jws: w.tokens.ward_officer }), 200).result).toBe('unknown');
    expect((await verify({})).status).toBe(422);
    const keys = expectStatus(await t.call('GET', '/api/v1/certificate-verification/keys'), 200);
    expect(keys.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', kid: subCertificate.kid });
    expect(keys.keys[0]).not.toHaveProperty('d');
  });

  it('draws both certificates as Japanese PDFs from the signed content', async () => {
    for (const [name, record, certificate, expected] of [
      [
        'erasure-certificate-contractor',
        contractorCertificate.erasureRecordId,
        contractorCertificate,
        [
          '株式会社サイクルサポート東京',
          '新宿区長',
          '問合せ者',
          '消去作業写真.png',
          '代表者代表取締役佐藤健一',
          '東京都新宿区西新宿二丁目1番1号',
        ],
      ],
      [
        'erasure-certificate-subcontractor',
        subRecord.id,
        subCertificate,
        [
          '株式会社コールセンター・ジャパン',
          '株式会社サイクルサポート東京御中',
          '再委託',
          '撤去車両所有者情報（コールセンター用）',
          '物理的破壊',
          '代表者代表取締役高橋誠',
        ],
      ],
    ] as const) {
      const res = await t.app.request(`${ERASURES}/${record}/certificate/pdf`, {
        headers: { authorization: `Bearer ${w.tokens.contractor_manager}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (KEEP) await writeFile(`${KEEP}/${name}.pdf`, bytes);
      const flat = (await pdfText(bytes)).text.replace(/\s/g, '');
      for (const e of [
        '消去証明書',
        `第${certificate.certificateNumber}号`,
        'DataEraser Pro 5.2',
        certificate.payloadSha256,
        // the seal box, and the public page with this certificate's number and code (also the QR code)
        '印',
        `/verify?number=${certificate.certificateNumber}&code=${certificate.payloadSha256}`,
        ...expected,
      ]) {
        expect(flat).toContain(e.replace(/\s/g, ''));
      }
      expect(await hasQrCode(bytes)).toBe(true);
    }
    expect(
      (await get(`${ERASURES}/${subRecord.id}/certificate/pdf`, 'other_contractor_manager')).status,
    ).toBe(404);
  });

  it('closes the contract once everything in its chain is certified', async () => {
    const contract = expectStatus(await get(`${CONTRACTS}/${w.bicycleContractId}`, 'ward_officer'), 200);
    const closed = expectStatus(await transition(t, w.tokens.ward_officer, contract, 'close'), 200);
    expect(closed.status).toBe('closed');
    // the sub-contract, certified with the rest of the chain, closes with it
    const subContract = expectStatus(await get(`${CONTRACTS}/${sub.contractId}`, 'ward_officer'), 200);
    expect(subContract.status).toBe('closed');
    // a closed contract takes no more erasure records
    const late = await t.call('POST', ERASURES, {
      token: w.tokens.contractor_manager,
      json: erasureBody(w.bicycleContractId, contractorPeople['西新宿 健']!, t.clock.now(), {
        items: [{ ...VEHICLE_OWNER_ITEMS[0], disposition: 'erased' }],
      }),
    });
    expect(late.status).toBe(409);
    const actions = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('action', 'like', 'erasure.%')
      .execute();
    expect(await erasureFigures()).toEqual({
      erasure_certificates_issued: 2,
      erasure_certificates_missing: 0,
      packages_outstanding: 0,
    });
    expect(actions.map((a) => a.action).sort()).toEqual([
      'erasure.certify',
      'erasure.certify',
      'erasure.record',
      'erasure.record',
    ]);
  });
});
