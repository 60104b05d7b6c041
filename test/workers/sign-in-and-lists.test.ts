import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createScryptPasswordHasher } from '../../src/adapters/scrypt-password-hasher.js';
import { createDatabase } from '../../src/db/create-database.js';
import { pageClient, textOf } from '../helpers/browser.js';
import { CONTRACTS, createContract, expectStatus } from '../helpers/contracts.js';
import type { TestApp } from '../helpers/test-app.js';
import { PASSWORD, USERS } from '../helpers/world.js';
import { workerTestApp, workerWorld } from './worker-test-app.js';

// Sign-in and permission-filtered lists, served by the Worker in workerd (`wrangler dev`) on
// PostgreSQL through its Hyperdrive binding.

const run = inject('workerRun');
const w = workerWorld();
let t: TestApp;

beforeAll(async () => {
  t = workerTestApp(run.url, await createDatabase({ databaseUrl: run.databaseUrl, poolSize: 2 }));
});
afterAll(() => t.close());

describe('signing in on the Worker', () => {
  it('verifies the scrypt hashes the Node server stored, and refuses a wrong password', async () => {
    // every user of the world signed in through the Worker in the global setup (Node-made hashes)
    expect(Object.keys(w.tokens)).toHaveLength(Object.keys(USERS).length);
    const ok = await t.call('POST', '/api/v1/auth/sign-in', {
      json: { email: USERS.ward_chief!.email, password: PASSWORD },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.accessToken).toEqual(expect.any(String));
    const wrong = await t.call('POST', '/api/v1/auth/sign-in', {
      json: { email: USERS.ward_chief!.email, password: 'not the password' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
  });

  it('stores hashes the Node server verifies (production scrypt cost, in workerd)', async () => {
    const password = 'ワーカーで設定した合言葉 2026';
    const user = expectStatus(
      await t.call('POST', '/api/v1/users', {
        token: w.tokens.system_admin,
        json: {
          organisationId: w.wardId,
          departmentId: w.departments.情報政策課,
          email: 'worker-made@city.shinjuku.example.jp',
          displayName: 'ワーカー 作成',
          password,
          roles: ['ward_officer'],
        },
      }),
      201,
    );
    const row = await t.handle.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const node = createScryptPasswordHasher();
    expect(await node.verify(password, row.password_hash)).toBe(true);
    expect(await node.verify('違う合言葉', row.password_hash)).toBe(false);
    // and the Worker signs the same user in again from that hash
    const again = await t.call('POST', '/api/v1/auth/sign-in', {
      json: { email: 'worker-made@city.shinjuku.example.jp', password },
    });
    expect(again.status).toBe(200);
  });

  it('signs in on the pages with cookies and serves the dashboard', async () => {
    const officer = await pageClient(t, USERS.ward_officer!.email);
    const page = await officer.get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(textOf(page.html)).toContain('新宿区');
    const list = await officer.get('/contracts');
    expect(list.status).toBe(200);
    expect(textOf(list.html)).toContain('総合自転車対策業務一括委託');
  });
});

describe('lists filtered by permission in SQL, on the Worker', () => {
  let otherCompanyContract: string;

  beforeAll(async () => {
    otherCompanyContract = (
      await createContract(t, w, {
        title: '窓口案内業務委託（ワーカー試験）',
        contractorOrgId: w.companies.otherContractor,
      })
    ).id;
  });

  const titles = async (who: string) => {
    const res = expectStatus(await t.call('GET', `${CONTRACTS}?limit=50`, { token: w.tokens[who] }), 200);
    return res.items.map((c: { id: string }) => c.id);
  };

  it('shows each viewer only what its policies allow', async () => {
    const officer = await titles('ward_officer');
    expect(officer).toEqual(expect.arrayContaining([w.bicycleContractId, otherCompanyContract]));
    expect(await titles('contractor_manager')).toContain(w.bicycleContractId);
    expect(await titles('contractor_manager')).not.toContain(otherCompanyContract);
    // another company sees none of them, another ward nothing of 新宿区
    expect(await titles('other_contractor_manager')).not.toContain(w.bicycleContractId);
    expect(await titles('other_ward_officer')).toEqual([]);
  });

  it('answers a record the viewer may not see exactly like one that does not exist', async () => {
    const hidden = await t.call('GET', `${CONTRACTS}/${w.bicycleContractId}`, {
      token: w.tokens.other_ward_officer,
    });
    const missing = await t.call('GET', `${CONTRACTS}/00000000-0000-4000-8000-000000000000`, {
      token: w.tokens.other_ward_officer,
    });
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.type).toBe(missing.body.type);
    expect(hidden.body.title_ja).toBe(missing.body.title_ja);
  });
});
