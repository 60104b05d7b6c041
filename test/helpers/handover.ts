import { APPROVALS, callCentreApplication, signOff, step } from './approvals.js';
import { CONTRACTS, createHandler, expectStatus } from './contracts.js';
import type { TestApp } from './test-app.js';
import { signIn, USERS, type World } from './world.js';

// Handover packages, custody steps and erasure records as the HTTP tests set them up: through the
// API only.

export const PACKAGES = '/api/v1/handover-packages';
export const ERASURES = '/api/v1/erasures';

/** 撤去車両所有者: the items the ward provides on the encrypted USB (seed 003). */
export const VEHICLE_OWNER_ITEMS = [
  '住所',
  '氏名',
  '電話番号',
  '自転車防犯登録番号',
  '原付標識交付登録番号',
  '車体番号',
  '車両番号標',
].map((name) => ({ subjectGroup: '撤去車両所有者', name, direction: 'provided' }));

/** A CSV of removed vehicles' owners, `rows` lines (about 100 bytes each), as the ward exports it. */
export function ownersCsv(rows: number, seed = 1): Uint8Array {
  const lines = ['撤去日,住所,氏名,電話番号,自転車防犯登録番号,車体番号'];
  for (let i = 0; i < rows; i++) {
    const n = (i * 7919 + seed) % 100000;
    lines.push(
      `2026-0${(i % 9) + 1}-1${i % 10},東京都新宿区西新宿${(n % 8) + 1}-${n % 30},新宿 太郎${n},03-5273-${String(n).padStart(4, '0').slice(-4)},第${String(n).padStart(8, '0')}号,SJK${n}`,
    );
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

export interface UploadFile {
  name: string;
  type?: string;
  bytes: Uint8Array;
}

export function prepareForm(input: {
  contractId: string;
  title: string;
  items: object[] | string;
  files: UploadFile[];
}) {
  const form = new FormData();
  form.set('contractId', input.contractId);
  form.set('title', input.title);
  form.set('items', typeof input.items === 'string' ? input.items : JSON.stringify(input.items));
  for (const f of input.files) {
    form.append(
      'files',
      new File([f.bytes as Uint8Array<ArrayBuffer>], f.name, { type: f.type ?? 'text/csv' }),
    );
  }
  return form;
}

export function prepare(t: TestApp, token: string | undefined, input: Parameters<typeof prepareForm>[0]) {
  return t.call('POST', PACKAGES, { token, body: prepareForm(input) });
}

/** The handler ids of an organisation's list in force for a contract, by name. */
export async function listedHandlers(t: TestApp, token: string, contractId: string) {
  const lists = expectStatus(await t.call('GET', `${CONTRACTS}/${contractId}/handler-lists`, { token }), 200);
  const byName: Record<string, string> = {};
  for (const list of lists.current) for (const e of list.entries) byName[e.handler.fullName] = e.handlerId;
  return byName;
}

/**
 * An approved sub-contract started the only way there is: the sub-contractor accepts the flow-down
 * 特記事項 and its handler list (with pledges) is submitted and acknowledged, then the same
 * activation as any contract.
 */
export async function startSubcontract(t: TestApp, w: World, contractId: string) {
  const token = w.tokens.subcontractor_manager!;
  const provisions = expectStatus(
    await t.call('GET', `${CONTRACTS}/${contractId}/provisions`, { token }),
    200,
  );
  expectStatus(
    await t.call('POST', `${CONTRACTS}/${contractId}/provisions/acceptance`, {
      token,
      json: { acceptedName: '株式会社コールセンター・ジャパン 統括責任者', version: provisions.version },
    }),
    200,
  );
  const responsible = await createHandler(t, token, '東池袋 翔', '2026-05-20');
  const handler = await createHandler(t, token, '大久保 彩', '2026-05-20');
  const submitted = expectStatus(
    await t.call('POST', `${CONTRACTS}/${contractId}/handler-lists`, {
      token,
      json: {
        entries: [
          { handlerId: responsible.id, role: 'responsible', effectiveFrom: '2026-06-01' },
          { handlerId: handler.id, role: 'handler', effectiveFrom: '2026-06-01' },
        ],
      },
    }),
    201,
  );
  expectStatus(
    await t.call('POST', `${CONTRACTS}/${contractId}/handler-lists/${submitted.id}/acknowledge`, {
      token: w.tokens.ward_officer,
      json: { version: submitted.version },
    }),
    200,
  );
  const approved = expectStatus(
    await t.call('GET', `${CONTRACTS}/${contractId}`, { token: w.tokens.ward_officer }),
    200,
  );
  return expectStatus(
    await t.call('POST', `${CONTRACTS}/${contractId}/activate`, {
      token: w.tokens.ward_officer,
      json: { version: approved.version },
    }),
    200,
  );
}

/** A step of a package's custody as `token`, with the version it is based on. */
export function custodyStep(
  t: TestApp,
  token: string | undefined,
  pkg: { id: string; version: number },
  path: string,
  body: object,
) {
  return t.call('POST', `${PACKAGES}/${pkg.id}/${path}`, { token, json: { version: pkg.version, ...body } });
}

/** The file read back from the returned media, for the ward's hash check. */
export function verifyReturn(
  t: TestApp,
  token: string,
  pkg: { id: string; version: number },
  file: string | Uint8Array,
) {
  const form = new FormData();
  form.set('file', new File([file as BlobPart], 'returned.jwe', { type: 'application/jose' }));
  form.set('version', String(pkg.version));
  return t.call('POST', `${PACKAGES}/${pkg.id}/verify-return`, { token, body: form });
}

export const byHand = (receivedByHandlerId: string, handedAt: Date) => ({
  handedAt: handedAt.toISOString(),
  receivedByHandlerId,
  identityCheck: { method: 'employee_card' },
  method: 'by_hand',
});

/** Moves the test clock and signs everyone in again (tokens last 15 minutes of the clock). */
export async function advance(t: TestApp, w: World, ms: number): Promise<Date> {
  t.clock.advance(ms);
  for (const [key, { email }] of Object.entries(USERS)) w.tokens[key] = await signIn(t, email);
  return t.clock.now();
}

/**
 * The seed 003 call centre sub-contracted to 株式会社コールセンター・ジャパン, approved by the ward's
 * chain, with the sub-contractor's handler list (取扱責任者 and one 取扱者) acknowledged.
 */
export async function approvedCallCentre(
  t: TestApp,
  w: World,
): Promise<{ contractId: string; approvalId: string }> {
  let approval = expectStatus(
    await t.call('POST', `${CONTRACTS}/${w.bicycleContractId}/subcontract-applications`, {
      token: w.tokens.contractor_manager,
      json: callCentreApplication(w),
    }),
    201,
  );
  approval = expectStatus(await step(t, w, 'contractor_manager', approval, 'submit'), 200);
  approval = await signOff(t, w, approval);
  await startSubcontract(t, w, approval.contractId);
  const current = expectStatus(
    await t.call('GET', `${APPROVALS}/${approval.id}`, { token: w.tokens.ward_officer }),
    200,
  );
  return { contractId: current.contractId, approvalId: current.id };
}

/** The items of a contract's register as an erasure record lists them, all with one disposition. */
export async function registerItems(t: TestApp, token: string, contractId: string, disposition = 'erased') {
  const register = expectStatus(await t.call('GET', `${CONTRACTS}/${contractId}/register`, { token }), 200);
  return register.document.subjectGroups.flatMap(
    (g: { name: string; items: Array<{ name: string; direction: string }> }) =>
      g.items.map((i) => ({ subjectGroup: g.name, name: i.name, direction: i.direction, disposition })),
  );
}

/** A complete erasure record body (消去の記録) for a contract, by a listed handler. */
export function erasureBody(
  contractId: string,
  performedByHandlerId: string,
  erasedAt: Date,
  overrides: object = {},
) {
  return {
    contractId,
    scope: 'contract_end',
    items: [] as object[],
    packageIds: [] as string[],
    media: [{ kind: 'contractor_pc', description: '業務用端末2台の内蔵ディスク' }],
    devices: [{ description: '業務用ノートパソコン', serialNumber: 'PC-2026-001' }],
    paper: [{ description: '放置自転車等返還請求書（控え）', quantity: '1箱' }],
    methods: [
      {
        method: 'erasure_software',
        software: 'DataEraser Pro 5.2',
        detail: 'NIST SP 800-88 Purge 相当で消去',
      },
      { method: 'shredding', detail: '紙はクロスカットシュレッダーで裁断' },
    ],
    erasedAt: erasedAt.toISOString(),
    performedByHandlerId,
    witnesses: [{ name: '交通 花子', side: 'ward', organisationName: '新宿区 交通対策課' }],
    evidenceAttachmentIds: [] as string[],
    ...overrides,
  };
}

/** The contractor erases everything at contract end and has the certificate issued (the closing gate's last need). */
export async function certifyFinalErasure(
  t: TestApp,
  token: string,
  contractId: string,
  performedByHandlerId: string,
) {
  const items = await registerItems(t, token, contractId);
  const record = expectStatus(
    await t.call('POST', ERASURES, {
      token,
      json: erasureBody(contractId, performedByHandlerId, t.clock.now(), { items }),
    }),
    201,
  );
  return expectStatus(
    await t.call('POST', `${ERASURES}/${record.id}/certificate`, {
      token,
      json: { version: record.version },
    }),
    201,
  );
}
