import type { Role } from '../../policies/actor.js';
import { defineAbilityFor } from '../../policies/app-ability.js';
import { type DemoData, seedDemoData } from '../../src/demo/seed-demo-data.js';
import { actorQuery, toActor } from '../../src/domain/auth/load-actor.js';
import { createOrganisation } from '../../src/domain/organisations/create-organisation.js';
import { createDepartment } from '../../src/domain/organisations/departments.js';
import { toJapanDate } from '../../src/domain/shared/japan-date.js';
import { createUser } from '../../src/domain/users/manage-users.js';
import { type TestApp, testPasswords } from './test-app.js';

export const PASSWORD = 'correct horse battery staple';

/** The demo ward (新宿区) with every role, plus a second ward (練馬区) with its own staff and a
 * company known only to it: enough to prove that nobody sees across those lines. */
export interface World extends DemoData {
  otherWardId: string;
  otherWardCompanyId: string;
  /** Access tokens by a short name: 'ward_officer', 'contractor_manager', 'other_ward_officer', … */
  tokens: Record<string, string>;
  userIds: Record<string, string>;
  /** Today in Japan by the test clock (a sub-contract may not start before it is approved). */
  today(): string;
}

export const USERS: Record<string, { email: string; role: Role }> = {
  system_admin: { email: 'admin@city.shinjuku.example.jp', role: 'system_admin' },
  ward_officer: { email: 'officer@city.shinjuku.example.jp', role: 'ward_officer' },
  ward_chief: { email: 'chief@city.shinjuku.example.jp', role: 'ward_chief' },
  ward_manager: { email: 'manager@city.shinjuku.example.jp', role: 'ward_manager' },
  inspector: { email: 'inspector@city.shinjuku.example.jp', role: 'inspector' },
  council_reviewer: { email: 'council@city.shinjuku.example.jp', role: 'council_reviewer' },
  contractor_manager: { email: 'manager@cycle-support.example.jp', role: 'contractor_manager' },
  contractor_staff: { email: 'staff@cycle-support.example.jp', role: 'contractor_staff' },
  other_contractor_manager: { email: 'manager@mirai-info.example.jp', role: 'contractor_manager' },
  subcontractor_manager: { email: 'manager@callcenter.example.jp', role: 'contractor_manager' },
  subcontractor_staff: { email: 'staff@callcenter.example.jp', role: 'contractor_staff' },
  other_ward_officer: { email: 'officer@city.nerima.example.jp', role: 'ward_officer' },
  other_ward_manager: { email: 'manager@city.nerima.example.jp', role: 'ward_manager' },
  other_ward_company_manager: { email: 'manager@nerima-service.example.jp', role: 'contractor_manager' },
};

export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<string> {
  const res = await t.call('POST', '/api/v1/auth/sign-in', { json: { email, password } });
  if (res.status !== 200)
    throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const { db } = t.handle;
  const demo = await seedDemoData(db, testPasswords, {
    now: t.clock.now,
    password: PASSWORD,
    nankokuOperations: false,
    certifications: false,
  });

  // 練馬区, set up by the demo's system administrator like any other ward
  const admin = toActor(
    await actorQuery(db).where('users.email', '=', USERS.system_admin!.email).executeTakeFirstOrThrow(),
  );
  const ctx = { db, actor: admin, ability: defineAbilityFor(admin), requestId: 'world', now: t.clock.now };
  const otherWardId = (
    await createOrganisation(ctx, { kind: 'ward', name: '練馬区', settings: { maxSubcontractDepth: 1 } })
  ).id;
  const dept = await createDepartment(ctx, otherWardId, { name: '区民課' });
  const otherWardCompany = await createOrganisation(ctx, {
    kind: 'company',
    name: '株式会社ねりまサービス',
    wardIds: [otherWardId],
  });
  const extra: Array<[string, string, string | null, Role]> = [
    ['other_ward_officer', otherWardId, dept.id, 'ward_officer'],
    ['other_ward_manager', otherWardId, dept.id, 'ward_manager'],
    ['other_ward_company_manager', otherWardCompany.id, null, 'contractor_manager'],
  ];
  for (const [key, organisationId, departmentId, role] of extra) {
    await createUser(ctx, testPasswords, {
      organisationId,
      departmentId,
      email: USERS[key]!.email,
      displayName: key,
      password: PASSWORD,
      roles: [role],
    });
  }

  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const users = await db.selectFrom('users').select(['id', 'email']).execute();
  for (const [key, { email }] of Object.entries(USERS)) {
    tokens[key] = await signIn(t, email);
    userIds[key] = users.find((u) => u.email === email)!.id;
  }
  return {
    ...demo,
    otherWardId,
    otherWardCompanyId: otherWardCompany.id,
    tokens,
    userIds,
    today: () => toJapanDate(t.clock.now()),
  };
}
