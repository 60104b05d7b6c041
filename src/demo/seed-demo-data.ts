import type { Kysely } from 'kysely';
import type { Role } from '../../policies/actor.js';
import { defineAbilityFor } from '../../policies/app-ability.js';
import type { Database } from '../db/database.js';
import type { PasswordHasher } from '../domain/auth/password-hasher.js';
import { randomToken } from '../domain/auth/random-token.js';
import { createOrganisation } from '../domain/organisations/create-organisation.js';
import { createDepartment } from '../domain/organisations/departments.js';
import type { UseCaseContext } from '../domain/shared/context.js';
import { createUser } from '../domain/users/manage-users.js';
import { seedBicycleCase } from './bicycle-case.js';
import { bootstrapAdmin } from './bootstrap-admin.js';
import { seedDemoCertifications } from './certifications.js';
import { type NankokuDemo, seedNankokuCity } from './nankoku-city.js';
import { seedNankokuOperations } from './nankoku-operations.js';

// Demo data for a first start: 新宿区 (a 特別区) with its departments, two contractors, one
// sub-contractor, and one user for every role; then 南国市 (a 市) with its own users and the seed 004
// contract (nankoku-city.ts). Everything goes through the same use cases as the API.

export interface DemoSignIn {
  role: Role;
  email: string;
  password: string;
  organisation: string;
}

export interface DemoData {
  wardId: string;
  departments: Record<string, string>;
  companies: Record<'contractor' | 'otherContractor' | 'subcontractor', string>;
  signIns: DemoSignIn[];
  /** 総合自転車対策業務一括委託 (seed 003), active with its register and handler list. */
  bicycleContractId: string;
  /** 南国市 (a 市): its users and the My Number card counter contract of seed 004. */
  nankoku: NankokuDemo;
}

/** Whether the database holds anything yet (a second start reuses what is there). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  return !row;
}

export async function seedDemoData(
  db: Kysely<Database>,
  passwords: PasswordHasher,
  options: {
    now: () => Date;
    password?: string;
    /**
     * 南国市's counter contract at work (started, with operational reports, a meeting and a
     * recommendation): on for `npm start`; the tests' world keeps it a draft and seeds it where a
     * test needs it (seedNankokuOperations).
     */
    nankokuOperations?: boolean;
    /**
     * The demo companies' certifications (an ISMS expiring, another expired): on for `npm start`;
     * the tests' world leaves them out, so reminders and flags are each test's own.
     */
    certifications?: boolean;
  },
): Promise<DemoData> {
  const password = () => options.password ?? randomToken(12);
  const signIns: DemoSignIn[] = [];
  const adminPassword = password();
  const admin = await bootstrapAdmin(db, passwords, {
    operatorName: 'システム運用管理',
    email: 'admin@city.shinjuku.example.jp',
    displayName: 'システム管理者',
    password: adminPassword,
    now: options.now,
  });
  signIns.push({
    role: 'system_admin',
    email: 'admin@city.shinjuku.example.jp',
    password: adminPassword,
    organisation: 'システム運用管理',
  });
  const ctx: UseCaseContext = {
    db,
    actor: admin,
    ability: defineAbilityFor(admin),
    requestId: 'demo-seed',
    now: options.now,
  };
  // 新宿区 allows 再委託 only (丙 may not sub-contract further).
  const wardId = (
    await createOrganisation(ctx, {
      kind: 'ward',
      name: '新宿区',
      municipalityKind: 'special_ward',
      selfWord: '区',
      // seed 003 reports to 「区情報公開・個人情報保護審議会」
      councilName: '情報公開・個人情報保護審議会',
      // seed 003: 新宿区's own 特記事項 (乙), with its 丙 for sub-contractors
      settings: { maxSubcontractDepth: 1, provisionsTemplate: 'shinjuku-contractor' },
    })
  ).id;

  const departments: Record<string, string> = {};
  for (const [name, code] of [
    ['交通対策課', 'KOTSU'],
    ['区民相談課', 'SODAN'],
    ['情報政策課', 'JOHO'],
  ] as const) {
    departments[name] = (await createDepartment(ctx, wardId, { name, code })).id;
  }

  const company = async (
    name: string,
    nameKana: string,
    corporateNumber: string,
    address: string,
    representative: string,
  ) =>
    (
      await createOrganisation(ctx, {
        kind: 'company',
        name,
        nameKana,
        corporateNumber,
        address,
        representative,
        wardIds: [wardId],
      })
    ).id;
  const companies = {
    contractor: await company(
      '株式会社サイクルサポート東京',
      'サイクルサポートトウキョウ',
      '1011101000001',
      '東京都新宿区西新宿二丁目1番1号',
      '代表取締役　佐藤 健一',
    ),
    otherContractor: await company(
      '株式会社みらい情報サービス',
      'ミライジョウホウサービス',
      '1011101000002',
      '東京都千代田区丸の内一丁目1番1号',
      '代表取締役　鈴木 真理',
    ),
    subcontractor: await company(
      '株式会社コールセンター・ジャパン',
      'コールセンタージャパン',
      '1011101000003',
      '東京都豊島区東池袋一丁目1番1号',
      '代表取締役　高橋 誠',
    ),
  };

  const people: Array<[Role, string, string, string, string | null]> = [
    [
      'ward_officer',
      'officer@city.shinjuku.example.jp',
      '交通 花子（個人情報保護担当）',
      wardId,
      departments.交通対策課!,
    ],
    ['ward_chief', 'chief@city.shinjuku.example.jp', '新宿 一郎（係長）', wardId, departments.交通対策課!],
    [
      'ward_manager',
      'manager@city.shinjuku.example.jp',
      '大久保 次郎（課長）',
      wardId,
      departments.交通対策課!,
    ],
    [
      'inspector',
      'inspector@city.shinjuku.example.jp',
      '高田 三郎（監督員）',
      wardId,
      departments.交通対策課!,
    ],
    ['council_reviewer', 'council@city.shinjuku.example.jp', '四谷 桜（審議会委員）', wardId, null],
    [
      'contractor_manager',
      'manager@cycle-support.example.jp',
      '西新宿 健（統括責任者）',
      companies.contractor,
      null,
    ],
    ['contractor_staff', 'staff@cycle-support.example.jp', '戸山 恵（取扱者）', companies.contractor, null],
    [
      'contractor_manager',
      'manager@mirai-info.example.jp',
      '丸の内 誠（統括責任者）',
      companies.otherContractor,
      null,
    ],
    [
      'contractor_manager',
      'manager@callcenter.example.jp',
      '池袋 由美（取扱責任者・再委託先）',
      companies.subcontractor,
      null,
    ],
    [
      'contractor_staff',
      'staff@callcenter.example.jp',
      '東池袋 翔（取扱者・再委託先）',
      companies.subcontractor,
      null,
    ],
  ];
  const orgNames: Record<string, string> = {
    [wardId]: '新宿区',
    [companies.contractor]: '株式会社サイクルサポート東京',
    [companies.otherContractor]: '株式会社みらい情報サービス',
    [companies.subcontractor]: '株式会社コールセンター・ジャパン',
  };
  for (const [role, email, displayName, organisationId, departmentId] of people) {
    const pw = password();
    await createUser(ctx, passwords, {
      organisationId,
      departmentId,
      email,
      displayName,
      password: pw,
      roles: [role],
    });
    signIns.push({ role, email, password: pw, organisation: orgNames[organisationId]! });
  }
  const bicycleContractId = await seedBicycleCase(
    db,
    { departmentId: departments.交通対策課!, contractorOrgId: companies.contractor },
    options.now,
  );
  if (options.certifications !== false) await seedDemoCertifications(db, companies, options.now);
  const nankoku = await seedNankokuCity(ctx, passwords, password);
  signIns.push(...nankoku.signIns);
  if (options.nankokuOperations !== false) await seedNankokuOperations(db, nankoku.demo, options.now);
  return { wardId, departments, companies, signIns, bicycleContractId, nankoku: nankoku.demo };
}
