import { approveDelegation } from './approvals.js';
import type { CallResult, TestApp } from './test-app.js';
import type { World } from './world.js';

// Contracts, registers and handler lists as the HTTP tests set them up: always through the API,
// so a fixture can never hold a state the API itself could not produce.

export const CONTRACTS = '/api/v1/contracts';

/** Fails loudly with the answer's body when a set-up call does not answer as expected. */
export function expectStatus(res: CallResult, status: number): any {
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

let serial = 1000;

/** A contract of 交通対策課 with the bicycle-measures contractor (seed 003), every field filled in. */
export function contractInput(w: World, overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    departmentId: w.departments.交通対策課,
    contractorOrgId: w.companies.contractor,
    title: '放置自転車等撤去・保管業務委託',
    contractNumber: `31契約第${serial}号`,
    contractDate: '2026-03-25',
    periodFrom: '2026-04-01',
    periodTo: '2027-03-31',
    amountYen: 48_600_000,
    place: '新宿区内の自転車等保管場所',
    handlesPersonalInfo: true,
    processingModes: ['paper_handover', 'offsite_electronic'],
    selectionMethod: '指名競争入札',
    requiredCertifications: ['pmark'],
    workDescription: '放置自転車等の撤去、保管、返還及び問合せ対応',
    reason: '専門的な人員と保管場所を要するため',
    wardMeasures: {
      operational: ['個人情報の取扱いに関する特記事項を契約に付す'],
      system: ['提供データは暗号化したUSBで手渡しする'],
    },
    contractorMeasures: {
      operational: ['取扱者名簿を提出し、誓約書を徴する'],
      system: ['管理システムへのアクセスをID・パスワードで制限する'],
    },
    ...overrides,
  };
}

export async function createContract(t: TestApp, w: World, overrides: Record<string, unknown> = {}) {
  const res = await t.call('POST', CONTRACTS, {
    token: w.tokens.ward_officer,
    json: contractInput(w, overrides),
  });
  return expectStatus(res, 201);
}

/** The register of the bicycle-measures contract: two subject groups, both directions, three media. */
export const REGISTER = {
  subjectGroups: [
    {
      name: '撤去車両所有者',
      items: [
        { name: '氏名', catalogueCode: 'name', direction: 'provided', includesPastYears: true },
        { name: '住所', catalogueCode: 'address', direction: 'provided', includesPastYears: true },
        { name: '自転車防犯登録番号', catalogueCode: 'bicycle_registration', direction: 'provided' },
        { name: '電話番号', catalogueCode: 'phone', direction: 'collected' },
      ],
    },
    {
      name: '問合せ者',
      items: [
        { name: '氏名', catalogueCode: 'name', direction: 'collected' },
        { name: '電話番号', catalogueCode: 'phone', direction: 'collected' },
        { name: '問合せ内容', catalogueCode: 'inquiry', direction: 'collected' },
      ],
    },
  ],
  media: [
    { kind: 'paper', name: '放置自転車等返還請求書' },
    { kind: 'usb', name: '暗号化USBメモリ' },
    { kind: 'cloud', name: '自転車等管理システム' },
  ],
};

export function putRegister(
  t: TestApp,
  token: string | undefined,
  contractId: string,
  baseRevision: number,
  doc: object = REGISTER,
) {
  return t.call('PUT', `${CONTRACTS}/${contractId}/register`, { token, json: { ...doc, baseRevision } });
}

/** A person of the token's company with a pledge (誓約書) signed on `pledgedOn`, or none. */
export async function createHandler(
  t: TestApp,
  token: string | undefined,
  fullName: string,
  pledgedOn?: string,
) {
  const handler = expectStatus(await t.call('POST', '/api/v1/handlers', { token, json: { fullName } }), 201);
  if (!pledgedOn) return handler;
  return expectStatus(
    await t.call('POST', `/api/v1/handlers/${handler.id}/pledges`, { token, json: { signedOn: pledgedOn } }),
    201,
  );
}

export function submitList(t: TestApp, token: string | undefined, contractId: string, entries: object[]) {
  return t.call('POST', `${CONTRACTS}/${contractId}/handler-lists`, { token, json: { entries } });
}

/** The contractor submits a list naming `responsibleId`, and the ward officer acknowledges it. */
export async function acknowledgedList(t: TestApp, w: World, contractId: string, responsibleId: string) {
  const submitted = expectStatus(
    await submitList(t, w.tokens.contractor_manager, contractId, [
      { handlerId: responsibleId, role: 'responsible', effectiveFrom: '2026-04-01' },
    ]),
    201,
  );
  const res = await t.call('POST', `${CONTRACTS}/${contractId}/handler-lists/${submitted.id}/acknowledge`, {
    token: w.tokens.ward_officer,
    json: { version: submitted.version },
  });
  return expectStatus(res, 200);
}

export function transition(
  t: TestApp,
  token: string | undefined,
  contract: { id: string; version: number },
  command: string,
) {
  return t.call('POST', `${CONTRACTS}/${contract.id}/${command}`, {
    token,
    json: { version: contract.version },
  });
}

/** A contract made active the only way there is: register saved, handler list acknowledged,
 * delegation approved by the ward's sign-off chain. */
export async function activeContract(
  t: TestApp,
  w: World,
  responsibleId: string,
  overrides: Record<string, unknown> = {},
) {
  const contract = await createContract(t, w, overrides);
  expectStatus(await putRegister(t, w.tokens.ward_officer, contract.id, 0), 200);
  await acknowledgedList(t, w, contract.id, responsibleId);
  await approveDelegation(t, w, contract.id);
  return expectStatus(await transition(t, w.tokens.ward_officer, contract, 'activate'), 200);
}

/** Rows of a table, to prove that a refusal wrote nothing. */
export async function countRows(
  t: TestApp,
  table:
    | 'contracts'
    | 'users'
    | 'register_revisions'
    | 'handler_list_submissions'
    | 'handlers'
    | 'audit_entries'
    | 'imports'
    | 'imported_history',
) {
  const row = await t.handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
