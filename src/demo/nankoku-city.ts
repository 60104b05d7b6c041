import type { Kysely } from 'kysely';
import type { Role } from '../../policies/actor.js';
import { defineAbilityFor } from '../../policies/app-ability.js';
import type { Database } from '../db/database.js';
import { actorQuery, toActor } from '../domain/auth/load-actor.js';
import type { PasswordHasher } from '../domain/auth/password-hasher.js';
import { createContract } from '../domain/contracts/manage-contracts.js';
import { createOrganisation } from '../domain/organisations/create-organisation.js';
import { createDepartment } from '../domain/organisations/departments.js';
import type { Direction } from '../domain/registers/register-document.js';
import { type RegisterItemInput, saveRegister } from '../domain/registers/save-register.js';
import type { UseCaseContext } from '../domain/shared/context.js';
import { createUser } from '../domain/users/manage-users.js';
import { type NankokuRoster, seedNankokuRoster } from './nankoku-roster.js';

// The second demo municipality: 南国市, a city (市), with the contract of seed 004 — the My Number
// card counter (南国市個人番号カード関係業務委託仕様書) — registered with its data items, so that a
// city's pages, documents and messages can be tried beside 新宿区's after `npm start`.

export interface NankokuDemo {
  wardId: string;
  departments: Record<string, string>;
  contractorId: string;
  /** 個人番号カード関係業務委託 (seed 004): registered with its register, not yet applied for. */
  myNumberContractId: string;
  /** Its 業務従事者名簿 (acknowledged), the devices declared and the handling areas. */
  roster: NankokuRoster;
}

export const NANKOKU_ORDINANCE = '南国市個人情報の保護に関する法律施行条例';

const item = (
  name: string,
  code: string | null,
  direction: Direction,
  myNumber = false,
): RegisterItemInput => ({
  name,
  catalogueCode: code,
  direction,
  myNumber,
});

/** The items a counter clerk handles (seed 004 2: 個人番号カード関係業務、申請支援、マイナポータル利用登録支援). */
export const MY_NUMBER_COUNTER_REGISTER = {
  subjectGroups: [
    {
      name: '個人番号カード交付対象者',
      items: [
        item('氏名', 'name', 'provided'),
        item('住所', 'address', 'provided'),
        item('生年月日', 'birth_date', 'provided'),
        item('性別', 'sex', 'provided'),
        item('個人番号（マイナンバー）', 'my_number', 'provided', true),
      ],
    },
    {
      name: '個人番号カード申請者',
      items: [
        item('氏名', 'name', 'collected'),
        item('住所', 'address', 'collected'),
        item('生年月日', 'birth_date', 'collected'),
        item('性別', 'sex', 'collected'),
        item('電話番号', 'phone', 'collected'),
        item('個人番号（マイナンバー）', 'my_number', 'collected', true),
        item('顔写真', null, 'collected'),
      ],
    },
    {
      name: 'マイナポータル利用登録者',
      items: [item('氏名', 'name', 'collected'), item('電話番号', 'phone', 'collected')],
    },
  ],
  media: [
    { kind: 'paper' as const, name: '個人番号カード交付申請書' },
    { kind: 'paper' as const, name: '届書、通知書等（届書等: 仕様書の定めなく複写複製しない）' },
    { kind: 'other' as const, name: '市が準備する機材（持込み端末は市のネットワークに接続しない）' },
  ],
  note: '南国市個人番号カード関係業務委託仕様書（seed 004）のとおり登録',
};

const CITY_MEASURES = {
  operational: [
    `契約にあたり、「個人情報の保護に関する法律」及び「${NANKOKU_ORDINANCE}」の遵守義務を付す。`,
    '業務に必要な機材、物品及び電話回線は市が準備する。',
    '統括責任者との定例会議（月1回）により、業務の状況を共有する。',
    'サービス水準が市の要求水準に達しない場合は、改善措置を講じるよう勧告する。',
  ],
  system: ['許可を得て持ち込んだ端末であっても、市のネットワークへの接続は許可しない。'],
};

const CONTRACTOR_MEASURES = {
  operational: [
    '統括責任者、業務責任者（副業務責任者を含む）及び業務従事者の名簿を各業務委託開始日に報告させる。',
    '誓約書（契約終了後及び退職後も有効）の写しを業務開始までに市へ提出させる。新たに雇用した者も、その都度提出させる。',
    '届書等は、仕様書等に定める場合を除き、全部又は一部の複写複製等を行わせない。',
    '業務日報、業務月報（翌月）、業務年報（翌年度4月20日まで）及び随時報告を提出させる。',
  ],
  system: [
    '情報端末及び記録媒体の無断持込みを禁止し、業務責任者が持ち込む場合は機器名、仕様、用途等を報告の上、事前に市の許可を得させる。',
  ],
};

async function contextFor(db: Kysely<Database>, email: string, now: () => Date): Promise<UseCaseContext> {
  const row = await actorQuery(db).where('users.email', '=', email).executeTakeFirstOrThrow();
  const actor = toActor(row);
  return { db, actor, ability: defineAbilityFor(actor), requestId: 'demo-seed', now };
}

/**
 * 南国市 (a 市) with its 市民課, one contractor, a user for every role and the seed 004 contract.
 * `admin` is the system administrator's context; returns the ids and the sign-ins it created.
 */
export async function seedNankokuCity(
  admin: UseCaseContext,
  passwords: PasswordHasher,
  password: () => string,
): Promise<{
  demo: NankokuDemo;
  signIns: Array<{ role: Role; email: string; password: string; organisation: string }>;
}> {
  const wardId = (
    await createOrganisation(admin, {
      kind: 'ward',
      name: '南国市',
      municipalityKind: 'city',
      selfWord: '市',
      councilName: null,
      ordinanceName: NANKOKU_ORDINANCE,
      // seed 004's own provisions: 5 受託事業者の責務 (copying of 届書等, devices) for its contracts
      settings: { maxSubcontractDepth: 1, provisionsTemplate: 'nankoku-my-number-card' },
    })
  ).id;
  const departments: Record<string, string> = {};
  for (const [name, code] of [
    ['市民課', 'SHIMIN'],
    ['情報政策課', 'JOHO'],
  ] as const) {
    departments[name] = (await createDepartment(admin, wardId, { name, code })).id;
  }
  const contractorId = (
    await createOrganisation(admin, {
      kind: 'company',
      name: '株式会社南国窓口サービス',
      nameKana: 'ナンコクマドグチサービス',
      corporateNumber: '4490001000004',
      address: '高知県南国市大埇甲2301番地',
      wardIds: [wardId],
    })
  ).id;

  const people: Array<[Role, string, string, string, string | null]> = [
    [
      'ward_officer',
      'officer@city.nankoku.example.jp',
      '比江 美咲（個人情報保護担当）',
      wardId,
      departments.市民課!,
    ],
    ['ward_chief', 'chief@city.nankoku.example.jp', '岡豊 浩二（係長）', wardId, departments.市民課!],
    ['ward_manager', 'manager@city.nankoku.example.jp', '後免 直樹（課長）', wardId, departments.市民課!],
    ['inspector', 'inspector@city.nankoku.example.jp', '稲生 智子（監督員）', wardId, departments.市民課!],
    ['council_reviewer', 'council@city.nankoku.example.jp', '長岡 紀子（審議会委員）', wardId, null],
    [
      'contractor_manager',
      'manager@nankoku-madoguchi.example.jp',
      '十市 亮（統括責任者）',
      contractorId,
      null,
    ],
    ['contractor_staff', 'staff@nankoku-madoguchi.example.jp', '久礼田 彩（業務従事者）', contractorId, null],
  ];
  const signIns = [];
  for (const [role, email, displayName, organisationId, departmentId] of people) {
    const pw = password();
    await createUser(admin, passwords, {
      organisationId,
      departmentId,
      email,
      displayName,
      password: pw,
      roles: [role],
    });
    signIns.push({
      role,
      email,
      password: pw,
      organisation: organisationId === wardId ? '南国市' : '株式会社南国窓口サービス',
    });
  }

  const officer = await contextFor(admin.db, 'officer@city.nankoku.example.jp', admin.now);
  const contract = await createContract(officer, {
    departmentId: departments.市民課!,
    contractorOrgId: contractorId,
    title: '個人番号カード関係業務委託',
    contractNumber: '8南市民契約第4号',
    contractDate: '2026-03-25',
    periodFrom: '2026-04-01',
    periodTo: '2027-03-31',
    place: '南国市役所 市民課窓口（市が指定する執務場所）',
    handlesPersonalInfo: true,
    processingModes: ['on_premises'],
    workDescription:
      '個人番号カード関係業務、個人番号カード申請支援、マイナポータル利用登録支援（平日8:30～17:15、毎週水曜日は19:00まで、月2回休日交付あり）',
    reason:
      '個人番号カードの交付・申請支援の窓口業務を、業務量の変動に応じた適正な人員配置のもとで効果的かつ効率的に運営するため。',
    wardMeasures: CITY_MEASURES,
    contractorMeasures: CONTRACTOR_MEASURES,
  });
  await saveRegister(officer, contract.id, MY_NUMBER_COUNTER_REGISTER, 0);
  const contractor = await contextFor(admin.db, 'manager@nankoku-madoguchi.example.jp', admin.now);
  const roster = await seedNankokuRoster(wardId, contract.id, { officer }, contractor);

  return {
    demo: { wardId, departments, contractorId, myNumberContractId: contract.id, roster },
    signIns,
  };
}
