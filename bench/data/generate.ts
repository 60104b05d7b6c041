import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createScryptPasswordHasher } from '../../src/adapters/scrypt-password-hasher.js';
import { tenantWardId } from '../../src/db/tenant-ward.js';
import { canonicalJson, GENESIS_HASH, type HashedAuditFields } from '../../src/domain/audit/audit-hash.js';
import { BENCH_PASSWORD, companyEmail, nationalKey, SCALE } from './scale.js';
import { stageWardAudit } from './ward-audit.js';
import { HISTORY_STEPS } from './ward-history.js';
import { STEPS, type WardContext } from './ward-rows.js';
import { WORKFLOW_STEPS } from './ward-workflows.js';

// The benchmark data generator: wards added one transaction each (two at a time, one per core),
// every row made by set-based SQL, then the ward's audit entries numbered and hashed into its
// chain exactly as appendAuditEntry would have (the same canonical JSON and SHA-256), so that
// `npm run audit:verify` passes on the result. The password is hashed once and shared.

export interface WardGeneration {
  wardNo: number;
  wardId: string;
  ms: number;
  steps: Record<string, number>;
  rows: Record<string, number>;
  auditEntries: number;
}

export interface GenerationResult {
  totalMs: number;
  wards: WardGeneration[];
  wardsAfter: number;
}

const REQUEST_ID = 'bench-generate';
const FETCH = 20_000;

export async function countBenchWards(pool: pg.Pool): Promise<number> {
  const r = await pool.query(
    `select count(*)::int as n from organisations where kind = 'ward' and name like 'ベンチ第%区'`,
  );
  return r.rows[0].n;
}

let passwordHash: Promise<string> | undefined;
const benchPasswordHash = () => {
  passwordHash ??= createScryptPasswordHasher().hash(BENCH_PASSWORD);
  return passwordHash;
};

const str = (v: string | null) => (v === null ? 'null' : JSON.stringify(v));

/** canonicalJson of an entry's fields with the top-level keys written in their sorted order
 * (only before/after go through the generic form): the same text, several times faster. */
function canonicalFields(f: HashedAuditFields): string {
  return (
    `{"action":${str(f.action)},"actorOrgId":${str(f.actorOrgId)},"actorUserId":${str(f.actorUserId)},` +
    `"after":${canonicalJson(f.after)},"at":${str(f.at)},"before":${canonicalJson(f.before)},` +
    `"chainKey":${str(f.chainKey)},"prevHash":${str(f.prevHash)},"requestId":${str(f.requestId)},` +
    `"seq":${str(f.seq)},"subjectId":${str(f.subjectId)},"subjectType":${str(f.subjectType)},"wardId":${str(f.wardId)}}`
  );
}

/**
 * Numbers the staged entries of g_audit in time order after the chain's head, hashes each over
 * the previous one, inserts them and moves the head — one chain, inside the caller's transaction.
 */
async function chainAudit(
  client: pg.PoolClient,
  chainKey: string,
  wardId: string | null,
  t = { fetch: 0, hash: 0, insert: 0 },
): Promise<number> {
  const tenant = tenantWardId(wardId);
  await client.query(
    `insert into audit_heads (tenant_ward_id, chain_key, last_seq, last_hash) values ($1, $2, 0, $3)
     on conflict (tenant_ward_id, chain_key) do nothing`,
    [tenant, chainKey, GENESIS_HASH],
  );
  const head = (
    await client.query(
      'select last_seq, last_hash from audit_heads where tenant_ward_id = $1 and chain_key = $2 for update',
      [tenant, chainKey],
    )
  ).rows[0];
  let seq = BigInt(head.last_seq);
  let prev: string = head.last_hash;
  await client.query(
    `declare g_cur no scroll cursor for
     select ord, at, actor_user_id, actor_org_id, action, subject_type, subject_id, before, after from g_audit order by at, ord`,
  );
  let total = 0;
  for (;;) {
    let t0 = performance.now();
    const { rows } = await client.query(`fetch ${FETCH} from g_cur`);
    t.fetch += performance.now() - t0;
    t0 = performance.now();
    if (!rows.length) break;
    const ords: string[] = [];
    const seqs: string[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    for (const r of rows) {
      seq += 1n;
      const fields = {
        chainKey,
        seq: seq.toString(),
        wardId,
        at: (r.at as Date).toISOString(),
        actorUserId: r.actor_user_id,
        actorOrgId: r.actor_org_id,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        before: r.before,
        after: r.after,
        requestId: REQUEST_ID,
        prevHash: prev,
      };
      const text = canonicalFields(fields);
      // the first entry of every batch is checked against the product's canonical form
      if (ords.length === 0 && text !== canonicalJson(fields))
        throw new Error(`the generator's canonical JSON differs from the product's: ${text}`);
      const hash = createHash('sha256').update(text).digest('hex');
      ords.push(r.ord);
      seqs.push(seq.toString());
      prevs.push(prev);
      hashes.push(hash);
      prev = hash;
    }
    t.hash += performance.now() - t0;
    t0 = performance.now();
    await client.query(
      `insert into audit_entries (tenant_ward_id, chain_key, seq, ward_id, at, actor_user_id, actor_org_id, action,
         subject_type, subject_id, before, after, request_id, prev_hash, hash)
       select $8, $1, x.seq, $2, a.at, a.actor_user_id, a.actor_org_id, a.action, a.subject_type, a.subject_id,
         coalesce(a.before, 'null'::jsonb), coalesce(a.after, 'null'::jsonb), $3, x.prev, x.hash
       from unnest($4::bigint[], $5::bigint[], $6::text[], $7::text[]) as x(ord, seq, prev, hash)
       join g_audit a on a.ord = x.ord`,
      [chainKey, wardId, REQUEST_ID, ords, seqs, prevs, hashes, tenant],
    );
    total += rows.length;
    t.insert += performance.now() - t0;
  }
  await client.query('close g_cur');
  await client.query(
    'update audit_heads set last_seq = $2, last_hash = $3 where tenant_ward_id = $4 and chain_key = $1',
    [chainKey, seq.toString(), prev, tenant],
  );
  return total;
}

/** The national companies (created once, in the global chain), their users and handlers; their ids. */
async function nationalCompanies(pool: pg.Pool): Promise<string[]> {
  const emails = Array.from({ length: SCALE.nationalCompanies }, (_, k) =>
    companyEmail(nationalKey(k + 1), 'manager'),
  );
  const find = async () =>
    (
      await pool.query(
        `select u.organisation_id from unnest($1::text[]) with ordinality as e(email, k)
         join users u on lower(u.email) = lower(e.email) order by e.k`,
        [emails],
      )
    ).rows.map((r) => r.organisation_id as string);
  const existing = await find();
  if (existing.length === SCALE.nationalCompanies) return existing;
  const hash = await benchPasswordHash();
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(
      `create temp table g_nat on commit drop as
       select k, gen_random_uuid() as id, timestamptz '2022-11-01T09:00:00+09' + k * interval '1 day' as at
       from generate_series(1, $1::int) k`,
      [SCALE.nationalCompanies],
    );
    await client.query(
      `insert into organisations (id, kind, name, name_kana, corporate_number, address, settings, created_at, updated_at)
       select id, 'company', '全国ベンチ情報システム株式会社 第' || k || '事業部', 'ゼンコクベンチ', lpad((8000000000000 + k)::text, 13, '0'),
         '東京都千代田区丸の内' || k || '丁目', '{}', at, at from g_nat`,
    );
    await client.query(
      `create temp table g_natuser on commit drop as
       select n.id as org_id, n.k, r.local, r.role, gen_random_uuid() as id, n.at + interval '1 hour' as at
       from g_nat n cross join (values ('manager', 'contractor_manager'), ('staff', 'contractor_staff')) as r(local, role)`,
    );
    await client.query(
      `insert into users (id, organisation_id, ward_id, email, display_name, password_hash, roles, created_at, updated_at)
       select id, org_id, null, replace(replace($1, '{local}', local), '{key}', 'national-' || k),
         case when local = 'manager' then '統括責任者' else '取扱者' end || ' 全国' || k, $2, array[role], at, at
       from g_natuser`,
      [companyEmail('{key}', '{local}'), hash],
    );
    await client.query(
      `insert into handlers (id, organisation_id, full_name, job_title, created_at, updated_at)
       select gen_random_uuid(), n.id, '全国取扱者' || n.k || '-' || h, case when h = 1 then '取扱責任者' else '取扱者' end,
         n.at + h * interval '10 minutes', n.at + h * interval '10 minutes'
       from g_nat n cross join generate_series(1, $1::int) h`,
      [SCALE.handlersPerOrganisation],
    );
    await client.query(
      `insert into handler_pledges (handler_id, signed_on, recorded_by, recorded_at)
       select h.id, (h.created_at + interval '1 day')::date, u.id, h.created_at + interval '1 day'
       from handlers h join g_natuser u on u.org_id = h.organisation_id and u.local = 'manager'`,
    );
    await client.query(
      `create temp table g_audit (ord bigserial primary key, at timestamptz(3) not null, actor_user_id uuid, actor_org_id uuid,
         action text not null, subject_type text not null, subject_id text not null, before jsonb, after jsonb) on commit drop`,
    );
    await client.query(
      `insert into g_audit (at, actor_user_id, actor_org_id, action, subject_type, subject_id, before, after)
       select at, null::uuid, null::uuid, 'organisation.create', 'Organisation', id::text, null::jsonb,
         jsonb_build_object('kind', 'company', 'name', '全国ベンチ情報システム株式会社 第' || k || '事業部') from g_nat
       union all select at, null, org_id, 'user.create', 'User', id::text, null, jsonb_build_object('role', role) from g_natuser
       union all select h.created_at, u.id, h.organisation_id, 'handler.create', 'Handler', h.id::text, null,
         jsonb_build_object('fullName', h.full_name, 'version', 1)
       from handlers h join g_natuser u on u.org_id = h.organisation_id and u.local = 'manager'
       union all select p.recorded_at, p.recorded_by, h.organisation_id, 'handler.pledge', 'Handler', h.id::text, null,
         jsonb_build_object('signedOn', p.signed_on)
       from handlers h join g_nat n on n.id = h.organisation_id join handler_pledges p on p.handler_id = h.id`,
    );
    await chainAudit(client, 'global', null);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
  return find();
}

const TABLES = [
  'contracts',
  'register_revisions',
  'approvals',
  'approval_steps',
  'council_report_items',
  'handler_list_entries',
  'inspections',
  'inspection_items',
  'compliance_reports',
  'audit_entries',
];

/** One ward in one transaction: its rows, then its audit chain. */
async function generateWard(pool: pg.Pool, n: number, nationalOrgIds: string[]): Promise<WardGeneration> {
  const started = performance.now();
  const w: WardContext = { wardId: randomUUID(), n, passwordHash: await benchPasswordHash(), nationalOrgIds };
  const steps: Record<string, number> = {};
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`set local work_mem = '256MB'`);
    for (const [name, step] of Object.entries({ ...STEPS, ...WORKFLOW_STEPS, ...HISTORY_STEPS })) {
      const t0 = performance.now();
      await step(client, w).catch((e: Error) => {
        throw new Error(`generating ${name}: ${e.message}`, { cause: e });
      });
      steps[name] = Math.round(performance.now() - t0);
    }
    let t0 = performance.now();
    const staged = await stageWardAudit(client, w);
    steps.auditStage = Math.round(performance.now() - t0);
    t0 = performance.now();
    const auditEntries = await chainAudit(client, w.wardId, w.wardId);
    if (auditEntries !== staged)
      throw new Error(`staged ${staged} audit entries but chained ${auditEntries}`);
    steps.auditChain = Math.round(performance.now() - t0);
    const counts = await client.query(
      `select ${TABLES.map((t) => `(select count(*)::int from ${t} where ward_id = $1) as ${t}`).join(', ')}`,
      [w.wardId],
    );
    t0 = performance.now();
    await client.query('commit');
    steps.commit = Math.round(performance.now() - t0);
    return {
      wardNo: n,
      wardId: w.wardId,
      ms: Math.round(performance.now() - started),
      steps,
      rows: counts.rows[0],
      auditEntries,
    };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Adds `count` wards after the generated ones already there; two at a time. */
export async function generateWards(
  pool: pg.Pool,
  count: number,
  options: { log: (line: string) => void; parallel?: number },
): Promise<GenerationResult> {
  const started = performance.now();
  const nationalOrgIds = await nationalCompanies(pool);
  const first = (await countBenchWards(pool)) + 1;
  const numbers = Array.from({ length: count }, (_, i) => first + i);
  const wards: WardGeneration[] = [];
  const worker = async () => {
    for (let n = numbers.shift(); n !== undefined; n = numbers.shift()) {
      const ward = await generateWard(pool, n, nationalOrgIds);
      wards.push(ward);
      options.log(
        `ward ${n}: ${(ward.ms / 1000).toFixed(1)} s, ${ward.rows.contracts} contracts, ${ward.auditEntries} audit entries`,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.parallel ?? 2, count) }, worker));
  const t0 = performance.now();
  // as autovacuum would in production: planner statistics, the GIN indexes' pending lists merged
  // (until then every chain_org_ids lookup scans the list) and the visibility map set
  await pool.query('vacuum analyze');
  options.log(`vacuum analyze: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  wards.sort((a, b) => a.wardNo - b.wardNo);
  return { totalMs: Math.round(performance.now() - started), wards, wardsAfter: await countBenchWards(pool) };
}
