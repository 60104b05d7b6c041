import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/test-app.js';
import { buildWorld, USERS, type World } from './helpers/world.js';

// Every role against every route: allowed, forbidden (403), or not found (404) when the record
// belongs to someone the caller may not know about. Lists are checked by what they return.

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const ROLES = Object.keys(USERS);
type Expect = Record<string, number>;

/** Expected status per caller; callers not named get `otherwise`. */
function expectFor(map: Expect, otherwise: number): (who: string) => number {
  return (who) => map[who] ?? otherwise;
}

const SHINJUKU = [
  'system_admin',
  'ward_officer',
  'ward_chief',
  'ward_manager',
  'inspector',
  'council_reviewer',
];
const SHINJUKU_COMPANIES = [
  'contractor_manager',
  'contractor_staff',
  'other_contractor_manager',
  'subcontractor_manager',
  'subcontractor_staff',
];
const all = (list: string[], status: number): Expect => Object.fromEntries(list.map((k) => [k, status]));

interface Row {
  name: string;
  method: string;
  path: () => string;
  body?: (who: string) => unknown;
  expected: (who: string) => number;
}

const rows: Row[] = [
  {
    name: 'read own ward',
    method: 'GET',
    path: () => `/api/v1/organisations/${w.wardId}`,
    expected: expectFor({ ...all(SHINJUKU, 200), ...all(SHINJUKU_COMPANIES, 200) }, 404),
  },
  {
    name: 'read another ward',
    method: 'GET',
    path: () => `/api/v1/organisations/${w.otherWardId}`,
    expected: expectFor(
      {
        system_admin: 200,
        other_ward_officer: 200,
        other_ward_manager: 200,
        other_ward_company_manager: 200,
      },
      404,
    ),
  },
  {
    name: 'read a contractor',
    method: 'GET',
    path: () => `/api/v1/organisations/${w.companies.contractor}`,
    expected: expectFor({ ...all(SHINJUKU, 200), contractor_manager: 200, contractor_staff: 200 }, 404),
  },
  {
    name: 'change a contractor',
    method: 'PATCH',
    path: () => `/api/v1/organisations/${w.companies.contractor}`,
    body: () => ({ address: '東京都新宿区西新宿二丁目8番1号' }),
    expected: expectFor(
      { ...all(SHINJUKU, 403), system_admin: 200, contractor_manager: 200, contractor_staff: 403 },
      404,
    ),
  },
  {
    // 認証: the company's staff and the ward's staff (not its council reviewers) read them
    name: "read a contractor's certifications",
    method: 'GET',
    path: () => `/api/v1/organisations/${w.companies.contractor}/certifications`,
    expected: expectFor(
      { ...all(SHINJUKU, 200), council_reviewer: 404, contractor_manager: 200, contractor_staff: 200 },
      404,
    ),
  },
  {
    name: "record a contractor's certification",
    method: 'POST',
    path: () => `/api/v1/organisations/${w.companies.contractor}/certifications`,
    body: () => ({
      kind: 'ismap',
      number: 'C23-0001-1',
      issuer: 'ISMAP運営委員会',
      validUntil: '2028-03-31',
    }),
    expected: expectFor(
      {
        ...all(SHINJUKU, 403),
        council_reviewer: 404,
        system_admin: 201,
        contractor_manager: 201,
        contractor_staff: 403,
      },
      404,
    ),
  },
  {
    name: 'register a company',
    method: 'POST',
    path: () => '/api/v1/organisations',
    body: (who) => ({ kind: 'company', name: `株式会社テスト ${who}` }),
    expected: expectFor({ system_admin: 201, ward_officer: 201, other_ward_officer: 201 }, 403),
  },
  {
    name: 'register a ward',
    method: 'POST',
    path: () => '/api/v1/organisations',
    body: (who) => ({ kind: 'ward', name: `テスト区 ${who}` }),
    expected: expectFor({ system_admin: 201 }, 403),
  },
  {
    name: "list a ward's departments",
    method: 'GET',
    path: () => `/api/v1/organisations/${w.wardId}/departments`,
    expected: expectFor({ ...all(SHINJUKU, 200), ...all(SHINJUKU_COMPANIES, 200) }, 404),
  },
  {
    name: 'add a department',
    method: 'POST',
    path: () => `/api/v1/organisations/${w.wardId}/departments`,
    body: (who) => ({ name: `新設課 ${who}` }),
    expected: expectFor(
      { ...all(SHINJUKU, 403), ...all(SHINJUKU_COMPANIES, 403), system_admin: 201, ward_officer: 201 },
      404,
    ),
  },
  {
    name: 'read a ward user',
    method: 'GET',
    path: () => `/api/v1/users/${w.userIds.ward_officer}`,
    expected: expectFor({ ...all(SHINJUKU, 200), council_reviewer: 404 }, 404),
  },
  {
    name: 'read a company user',
    method: 'GET',
    path: () => `/api/v1/users/${w.userIds.contractor_staff}`,
    expected: expectFor({ system_admin: 200, contractor_manager: 200, contractor_staff: 200 }, 404),
  },
  {
    name: 'create a company user',
    method: 'POST',
    path: () => '/api/v1/users',
    body: (who) => ({
      organisationId: w.companies.contractor,
      email: `new-${who}@cycle-support.example.jp`,
      displayName: '新人',
      password: 'a long enough password',
      roles: ['contractor_staff'],
    }),
    expected: expectFor({ system_admin: 201, contractor_manager: 201 }, 403),
  },
  {
    name: 'change a company user',
    method: 'PATCH',
    path: () => `/api/v1/users/${w.userIds.subcontractor_staff}`,
    body: () => ({ displayName: '東池袋 翔' }),
    expected: expectFor({ system_admin: 200, subcontractor_manager: 200, subcontractor_staff: 403 }, 404),
  },
  {
    name: 'read a contract',
    method: 'GET',
    path: () => `/api/v1/contracts/${w.bicycleContractId}`,
    expected: expectFor({ ...all(SHINJUKU, 200), contractor_manager: 200, contractor_staff: 200 }, 404),
  },
  {
    name: 'change a contract',
    method: 'PATCH',
    path: () => `/api/v1/contracts/${w.bicycleContractId}`,
    body: () => ({ place: '新宿区内の駐輪場及び受託者の執務室' }),
    expected: expectFor(
      {
        ...all(SHINJUKU, 403),
        system_admin: 200,
        ward_officer: 200,
        contractor_manager: 403,
        contractor_staff: 403,
      },
      404,
    ),
  },
  {
    name: 'register a contract',
    method: 'POST',
    path: () => '/api/v1/contracts',
    body: (who) => ({
      departmentId: w.departments.区民相談課,
      contractorOrgId: w.companies.otherContractor,
      title: `区民相談予約受付業務 ${who}`,
      periodFrom: '2027-04-01',
      periodTo: '2028-03-31',
      handlesPersonalInfo: true,
    }),
    // another ward's officer may register contracts, but only for its own departments
    // (a system administrator belongs to no ward: a ward's contracts are registered by its staff)
    expected: expectFor({ ward_officer: 201, other_ward_officer: 422 }, 403),
  },
  {
    name: "read a contract's register",
    method: 'GET',
    path: () => `/api/v1/contracts/${w.bicycleContractId}/register`,
    expected: expectFor({ ...all(SHINJUKU, 200), contractor_manager: 200, contractor_staff: 200 }, 404),
  },
  {
    name: "change a contract's register",
    method: 'PUT',
    path: () => `/api/v1/contracts/${w.bicycleContractId}/register`,
    body: () => ({
      subjectGroups: [{ name: '問合せ者', items: [{ name: '氏名', direction: 'collected' }] }],
      media: [],
    }),
    expected: expectFor(
      {
        ...all(SHINJUKU, 403),
        system_admin: 200,
        ward_officer: 200,
        contractor_manager: 403,
        contractor_staff: 403,
      },
      404,
    ),
  },
  {
    name: "read a contract's handler lists",
    method: 'GET',
    path: () => `/api/v1/contracts/${w.bicycleContractId}/handler-lists`,
    expected: expectFor({ ...all(SHINJUKU, 200), contractor_manager: 200, contractor_staff: 200 }, 404),
  },
  {
    name: 'register a handler',
    method: 'POST',
    path: () => '/api/v1/handlers',
    body: (who) => ({ fullName: `取扱 ${who}` }),
    expected: expectFor(
      {
        contractor_manager: 201,
        other_contractor_manager: 201,
        subcontractor_manager: 201,
        other_ward_company_manager: 201,
        system_admin: 201,
      },
      403,
    ),
  },
];

describe.each(rows)('$name ($method)', (row) => {
  it.each(ROLES)('as %s', async (who) => {
    let json = row.body?.(who);
    if (row.method === 'PATCH' || row.method === 'PUT') {
      // send the current version, read as an administrator, so only permission decides
      const current = await t.call('GET', row.path(), { token: w.tokens.system_admin });
      json = { ...(json as object), version: current.body.version, baseRevision: current.body.revision };
    }
    const res = await t.call(row.method, row.path(), { token: w.tokens[who], json });
    expect(res.status, JSON.stringify(res.body)).toBe(row.expected(who));
    if (res.status >= 400) expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe('lists are filtered in SQL by the same rules', () => {
  async function ids(who: string, path: string): Promise<string[]> {
    const res = await t.call('GET', path, { token: w.tokens[who] });
    expect(res.status).toBe(200);
    return res.body.items.map((i: { id: string }) => i.id);
  }

  it('organisations: a ward sees itself and its companies, a company itself and its wards', async () => {
    const officer = await ids('ward_officer', '/api/v1/organisations?limit=200');
    expect(officer).toContain(w.wardId);
    expect(officer).toEqual(expect.arrayContaining(Object.values(w.companies)));
    expect(officer).not.toContain(w.otherWardId);
    expect(officer).not.toContain(w.otherWardCompanyId);

    const contractor = await ids('contractor_manager', '/api/v1/organisations?limit=200');
    expect(contractor.sort()).toEqual([w.wardId, w.companies.contractor].sort());

    const otherCompany = await ids('other_ward_company_manager', '/api/v1/organisations');
    expect(otherCompany.sort()).toEqual([w.otherWardId, w.otherWardCompanyId].sort());

    const admin = await ids('system_admin', '/api/v1/organisations?limit=200');
    expect(admin).toEqual(expect.arrayContaining([w.wardId, w.otherWardId, w.otherWardCompanyId]));
  });

  it('contracts: ward staff and council reviewers see their ward, a company only its own', async () => {
    const ward = await ids('ward_officer', '/api/v1/contracts?limit=200');
    expect(ward).toContain(w.bicycleContractId);
    expect(await ids('council_reviewer', '/api/v1/contracts?limit=200')).toEqual(ward);
    expect(await ids('contractor_staff', '/api/v1/contracts?limit=200')).toEqual([w.bicycleContractId]);
    for (const who of [
      'other_contractor_manager',
      'subcontractor_manager',
      'other_ward_officer',
      'other_ward_company_manager',
    ]) {
      expect(await ids(who, '/api/v1/contracts?limit=200'), who).not.toContain(w.bicycleContractId);
    }
  });

  it('users: ward staff see their ward, companies their own staff, council reviewers nobody', async () => {
    const users = await t.handle.db.selectFrom('users').select(['id', 'organisation_id']).execute();
    const of = (org: string) =>
      users
        .filter((u) => u.organisation_id === org)
        .map((u) => u.id)
        .sort();
    expect((await ids('ward_officer', '/api/v1/users?limit=200')).sort()).toEqual(of(w.wardId));
    expect((await ids('contractor_staff', '/api/v1/users?limit=200')).sort()).toEqual(
      of(w.companies.contractor),
    );
    expect(await ids('council_reviewer', '/api/v1/users')).toEqual([]);
    expect((await ids('other_ward_officer', '/api/v1/users?limit=200')).sort()).toEqual(of(w.otherWardId));
  });

  it('pages through a list with a cursor without repeating or skipping', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const path = `/api/v1/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.call('GET', path, { token: w.tokens.system_admin });
      seen.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const total = await t.handle.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(seen.length).toBe(Number(total.n));
    expect(new Set(seen).size).toBe(seen.length);
  });
});
