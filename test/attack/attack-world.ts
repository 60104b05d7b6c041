import type { AttackClient } from './attack-client.js';

// The world the attacks run against, built over HTTP like any client would: the demo's 新宿区
// (its contract, companies and staff, a sub-contracting application, an incident, an inspection,
// a council meeting) and a second ward, 練馬区, set up by the system administrator with its own
// staff, company and contract.

export const DEMO = {
  admin: 'admin@city.shinjuku.example.jp',
  officer: 'officer@city.shinjuku.example.jp',
  manager: 'manager@city.shinjuku.example.jp',
  inspector: 'inspector@city.shinjuku.example.jp',
  contractor: 'manager@cycle-support.example.jp',
  otherContractor: 'manager@mirai-info.example.jp',
  subcontractor: 'manager@callcenter.example.jp',
};
export const NERIMA = {
  officer: 'officer@city.nerima.example.jp',
  manager: 'manager@city.nerima.example.jp',
  company: 'manager@nerima-service.example.jp',
};

export interface AttackWorld {
  password: string;
  tokens: Record<string, string>;
  userIds: Record<string, string>;
  shinjukuId: string;
  nerimaId: string;
}

/** Each account signs in from its own client address (what the trusted proxy would write). */
export const clientOf = (email: string) => `192.0.2.${(hash(email) % 200) + 20}`;
function hash(s: string) {
  let h = 7;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

export async function signIn(http: AttackClient, email: string, password: string): Promise<string> {
  const res = await http.send('POST', '/api/v1/auth/sign-in', {
    json: { email, password },
    headers: { 'x-forwarded-for': clientOf(email) },
    op: 'POST /api/v1/auth/sign-in',
  });
  if (res.status !== 200 || !res.body.accessToken) {
    throw new Error(`sign-in of ${email} failed: ${res.status} ${res.text.slice(0, 300)}`);
  }
  return res.body.accessToken;
}

async function ok(res: Promise<{ status: number; body: any; text: string }>, what: string) {
  const answer = await res;
  if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${answer.text.slice(0, 400)}`);
  return answer.body;
}

export async function buildAttackWorld(http: AttackClient, password: string): Promise<AttackWorld> {
  const tokens: Record<string, string> = {};
  for (const [key, email] of Object.entries(DEMO)) tokens[key] = await signIn(http, email, password);
  const as = (who: string) => ({ token: tokens[who] });
  const session = await ok(http.send('GET', '/api/v1/auth/session', as('officer')), 'session');
  const shinjukuId = session.wardId as string;

  // 練馬区, its department, company and staff, by the system administrator
  const nerima = await ok(
    http.send('POST', '/api/v1/organisations', {
      ...as('admin'),
      json: { kind: 'ward', name: '練馬区', settings: { maxSubcontractDepth: 1 } },
    }),
    'ward',
  );
  const dept = await ok(
    http.send('POST', `/api/v1/organisations/${nerima.id}/departments`, {
      ...as('admin'),
      json: { name: '区民課' },
    }),
    'department',
  );
  const company = await ok(
    http.send('POST', '/api/v1/organisations', {
      ...as('admin'),
      json: {
        kind: 'company',
        name: '株式会社ねりまサービス',
        corporateNumber: '1011101000099',
        wardIds: [nerima.id],
      },
    }),
    'company',
  );
  const people: Array<[string, string, string | null, string]> = [
    ['nerimaOfficer', nerima.id, dept.id, 'ward_officer'],
    ['nerimaManager', nerima.id, dept.id, 'ward_manager'],
    ['nerimaCompany', company.id, null, 'contractor_manager'],
  ];
  const emails: Record<string, string> = {
    nerimaOfficer: NERIMA.officer,
    nerimaManager: NERIMA.manager,
    nerimaCompany: NERIMA.company,
  };
  const userIds: Record<string, string> = {};
  for (const [key, organisationId, departmentId, role] of people) {
    const user = await ok(
      http.send('POST', '/api/v1/users', {
        ...as('admin'),
        json: { organisationId, departmentId, email: emails[key], displayName: key, password, roles: [role] },
      }),
      `user ${key}`,
    );
    userIds[key] = user.id;
    tokens[key] = await signIn(http, emails[key]!, password);
  }

  await ok(
    http.send('POST', '/api/v1/contracts', {
      ...as('nerimaOfficer'),
      json: {
        departmentId: dept.id,
        contractorOrgId: company.id,
        title: '練馬区 窓口受付業務委託',
        periodFrom: '2026-04-01',
        periodTo: '2027-03-31',
        handlesPersonalInfo: true,
      },
    }),
    'nerima contract',
  );

  // 新宿区's case carried a little further
  const contracts = await ok(http.send('GET', '/api/v1/contracts', as('officer')), 'contracts');
  const bicycle = contracts.items[0];
  await ok(
    http.send('POST', `/api/v1/contracts/${bicycle.id}/subcontract-applications`, {
      ...as('contractor'),
      json: {
        subcontractor: { name: '株式会社コールセンター・ジャパン', corporateNumber: '1011101000003' },
        reason: '専門的な知識及びノウハウをもつ事業者に再委託するため',
        scope: '自転車対策コールセンターの運営',
        portion: 'part',
        register: {
          subjectGroups: [{ name: '問合せ者', items: [{ name: '氏名', direction: 'collected' }] }],
          media: [],
        },
        safetyMeasures: ['プライバシーマーク取得事業者とする'],
        supervisionMethod: '月1回の業務報告',
        // today in Japan: a sub-contract may not start before it is approved
        periodFrom: new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10),
        periodTo: '2027-03-31',
      },
    }),
    'sub-contracting application',
  );
  await ok(
    http.send('POST', '/api/v1/incidents', {
      ...as('contractor'),
      json: {
        contractId: bicycle.id,
        information: '氏名',
        location: '事務所',
        circumstances: '誤送付',
        discoveredAt: '2026-11-01T00:00:00Z',
      },
    }),
    'incident',
  );
  await ok(
    http.send('POST', '/api/v1/council/meetings', {
      ...as('officer'),
      json: { title: '第3回審議会', heldOn: '2026-12-20' },
    }),
    'meeting',
  );
  const templates = await ok(http.send('GET', '/api/v1/inspections/templates', as('inspector')), 'templates');
  await ok(
    http.send('POST', '/api/v1/inspections', {
      ...as('inspector'),
      json: { contractId: bicycle.id, templateKey: templates.items[0].key, plannedOn: '2026-12-15' },
    }),
    'inspection',
  );
  await ok(
    http.send('POST', '/api/v1/handlers', { ...as('nerimaCompany'), json: { fullName: '練馬 花子' } }),
    'handler',
  );
  return { password, tokens, userIds, shinjukuId, nerimaId: nerima.id };
}
