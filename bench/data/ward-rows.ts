import type pg from 'pg';
import {
  BUSINESSES,
  contractRegister,
  DEPARTMENTS,
  inspectionTemplate,
  MEASURES,
  subcontractRegister,
} from './documents.js';
import { companyEmail, SCALE, WARD_USERS, wardEmail, wardName } from './scale.js';

// The rows of one generated ward, set-based: each statement is one INSERT … SELECT over
// generate_series or over the temporary tables (g_*) that hold the generated ids, so a ward is a
// few dozen statements whatever its size. Everything runs in the caller's transaction; the g_*
// tables are dropped at its commit. Timestamps lie in the ward's history (fiscal years 2023–2026)
// and are distinct per contract, as real ones are, so that lists sorted by creation behave as
// they would in production.

export interface WardContext {
  wardId: string;
  n: number;
  passwordHash: string;
  nationalOrgIds: string[];
}

export type Step = (client: pg.PoolClient, w: WardContext) => Promise<unknown>;

const SURNAMES = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '佐々木',
  '山口',
  '松本',
  '井上',
  '木村',
  '林',
  '斎藤',
  '清水',
];
const GIVEN = [
  '翔太',
  '美咲',
  '大輔',
  '陽子',
  '健一',
  '由美',
  '拓也',
  '恵',
  '直樹',
  '真由美',
  '修',
  '彩',
  '隆',
  '智子',
  '誠',
  '香織',
  '亮',
  '舞',
  '剛',
  '里奈',
];

export const register = contractRegister();
export const subRegister = subcontractRegister(register);
export const template = inspectionTemplate();

/** Organisation, departments, the ward's users, its own companies with their users and handlers. */
const organisations: Step = async (c, w) => {
  await c.query(
    `insert into organisations (id, kind, name, name_kana, address, settings, created_at, updated_at,
       municipality_kind, self_word)
     values ($1, 'ward', $2, 'ベンチダイ' || $3 || 'ク', '東京都ベンチ第' || $3 || '区役所', '{"maxSubcontractDepth": 2}',
       '2022-12-01T09:00:00+09', '2022-12-01T09:00:00+09', 'special_ward', '区')`,
    [w.wardId, wardName(w.n), w.n],
  );
  await c.query(
    `create temp table g_dep on commit drop as
       select k, gen_random_uuid() as id, ($1::text[])[k] as name from generate_series(1, $2::int) k`,
    [DEPARTMENTS, SCALE.departments],
  );
  await c.query(
    `insert into departments (ward_id, id, name, code, created_at, updated_at)
     select $1, id, name, 'D' || lpad(k::text, 2, '0'), '2022-12-02T09:00:00+09', '2022-12-02T09:00:00+09' from g_dep`,
    [w.wardId],
  );
  await c.query(
    `create temp table g_wuser on commit drop as
       select local, role, name, gen_random_uuid() as id from unnest($1::text[], $2::text[], $3::text[]) as u(local, role, name)`,
    [WARD_USERS.map((u) => u[0]), WARD_USERS.map((u) => u[1]), WARD_USERS.map((u) => u[2])],
  );
  await c.query(
    `insert into users (id, organisation_id, ward_id, email, display_name, password_hash, roles, created_at, updated_at)
     select id, $1, $1, replace($2, '@@', local), name || ' ベンチ' || $3, $4, array[role], '2022-12-03T09:00:00+09', '2022-12-03T09:00:00+09'
     from g_wuser`,
    [w.wardId, wardEmail(w.n, '@@'), w.n, w.passwordHash],
  );
  // the ward's own companies (local) and the national ones, which work for every ward
  await c.query(
    `create temp table g_org on commit drop as
       select false as national, k, gen_random_uuid() as id from generate_series(1, $1::int) k
       union all select true, k, ($2::uuid[])[k] from generate_series(1, $3::int) k`,
    [SCALE.localCompanies, w.nationalOrgIds, SCALE.nationalCompanies],
  );
  await c.query(
    `insert into organisations (id, kind, name, name_kana, corporate_number, address, settings, created_at, updated_at)
     select id, 'company', '株式会社ベンチ' || $1 || '区' || k || '号情報サービス', 'ベンチジョウホウサービス',
       lpad((9000000000000 + $1::bigint * 1000 + k)::text, 13, '0'), '東京都ベンチ第' || $1 || '区' || k || '番地', '{}',
       timestamptz '2023-01-05T09:00:00+09' + k * interval '1 hour', timestamptz '2023-01-05T09:00:00+09' + k * interval '1 hour'
     from g_org where not national`,
    [w.n],
  );
  await c.query(
    `insert into ward_companies (ward_id, company_id, linked_at)
     select $1, id, timestamptz '2023-01-05T09:00:00+09' + k * interval '1 hour' from g_org`,
    [w.wardId],
  );
  await c.query(
    `create temp table g_cuser on commit drop as
       select o.id as org_id, o.national, o.k, r.local, r.role, gen_random_uuid() as id
       from g_org o cross join (values ('manager', 'contractor_manager'), ('staff', 'contractor_staff')) as r(local, role)
       where not o.national`,
  );
  await c.query(
    `insert into g_cuser select u.organisation_id, true, o.k, split_part(u.email, '@', 1), u.roles[1], u.id
     from users u join g_org o on o.id = u.organisation_id where o.national`,
  );
  await c.query(
    `insert into users (id, organisation_id, ward_id, email, display_name, password_hash, roles, created_at, updated_at)
     select id, org_id, null, replace(replace($1, '{local}', local), '{key}', 'w' || $5 || '-contractor-' || k), ($2::text[])[1 + k % 20] || ' ' || ($3::text[])[1 + (k * 3 + length(local)) % 20],
       $4, array[role], timestamptz '2023-01-06T09:00:00+09' + k * interval '1 hour', timestamptz '2023-01-06T09:00:00+09' + k * interval '1 hour'
     from g_cuser where not national`,
    [companyEmail('{key}', '{local}'), SURNAMES, GIVEN, w.passwordHash, w.n],
  );
  await c.query(
    `create temp table g_handler on commit drop as
       select o.id as org_id, o.national, o.k, h, gen_random_uuid() as id
       from g_org o cross join generate_series(1, $1::int) h where not o.national`,
    [SCALE.handlersPerOrganisation],
  );
  await c.query(
    `insert into g_handler select h.organisation_id, true, o.k, row_number() over (partition by h.organisation_id order by h.created_at, h.id), h.id
     from handlers h join g_org o on o.id = h.organisation_id where o.national`,
  );
  await c.query(
    `insert into handlers (id, organisation_id, full_name, full_name_kana, job_title, created_at, updated_at)
     select id, org_id, ($1::text[])[1 + (k * 7 + h) % 20] || ' ' || ($2::text[])[1 + (k + h * 3) % 20], null,
       case when h = 1 then '取扱責任者' else '取扱者' end,
       timestamptz '2023-01-10T09:00:00+09' + (k * 20 + h) * interval '10 minutes', timestamptz '2023-01-10T09:00:00+09' + (k * 20 + h) * interval '10 minutes'
     from g_handler where not national`,
    [SURNAMES, GIVEN],
  );
  await c.query(
    `insert into handler_pledges (handler_id, signed_on, recorded_by, recorded_at)
     select h.id, date '2023-01-20', u.id, timestamptz '2023-01-20T10:00:00+09' + (h.k * 20 + h.h) * interval '1 minute'
     from g_handler h join g_cuser u on u.org_id = h.org_id and u.local = 'manager' where not h.national`,
  );
  await c.query(
    `insert into handler_trainings (handler_id, held_on, subject, recorded_by, recorded_at)
     select h.id, date '2023-02-01', '個人情報保護研修', u.id, timestamptz '2023-02-01T15:00:00+09' + (h.k * 20 + h.h) * interval '1 minute'
     from g_handler h join g_cuser u on u.org_id = h.org_id and u.local = 'manager' where not h.national`,
  );
};

/** 2,000 contracts in four fiscal-year cohorts; a third handle personal information and have a register. */
const contracts: Step = async (c, w) => {
  await c.query(
    `create temp table g_con on commit drop as
     select x.*, o.id as contractor,
       make_date(x.fy, 4, 1) as period_from, make_date(x.fy + $2::int, 3, 31) as period_to,
       case when x.fy + $2::int <= $3::int then 'closed' else 'active' end as status,
       ($4::text[])[1 + x.i % array_length($4::text[], 1)] || ' 令和' || (x.fy - 2018) || '年度 第' || x.i || '号' as title
     from (
       select i, gen_random_uuid() as id, 2023 + (i - 1) % 4 as fy, i % $5::int = 0 as pi, 1 + i % $6::int as dep_k,
         i % $7::int = 0 as nat,
         case when i % $7::int = 0 then 1 + (i / $7::int) % $8::int else 2 + i % ($9::int - 1) end as ck,
         make_timestamptz(2023 + (i - 1) % 4, 2, 1, 9, 0, 0, 'Asia/Tokyo') + ((i - 1) / 4) * interval '113 minutes'
           + (i % 997) * interval '1 millisecond' as created_at
       from generate_series(1, $1::int) i
     ) x join g_org o on o.national = x.nat and o.k = x.ck`,
    [
      SCALE.contracts,
      SCALE.contractYears,
      SCALE.currentFiscalYear,
      BUSINESSES,
      SCALE.personalInfoEvery,
      SCALE.departments,
      SCALE.nationalShareEvery,
      SCALE.nationalCompanies,
      SCALE.localCompanies,
    ],
  );
  await c.query(
    `insert into contracts (ward_id, id, department_id, depth, contractor_org_id, title, contract_number, contract_date,
       period_from, period_to, amount_yen, place, handles_personal_info, processing_modes, selection_method,
       required_certifications, work_description, reason, ward_measures, contractor_measures, status, register_revision,
       created_by, created_at, updated_at, version, machine_id, machine_version)
     select $1, g.id, d.id, 1, g.contractor, g.title, g.fy || '-' || $2 || '-' || lpad(g.i::text, 4, '0'),
       (g.created_at + interval '40 days')::date, g.period_from, g.period_to, 1000000 + (g.i * 7919) % 90000000,
       case when g.pi then '委託先事業所' end, g.pi,
       case when g.pi then '{paper_handover,on_premises}'::text[] else '{}' end,
       case when g.i % 2 = 0 then '指名競争入札' else '公募型プロポーザル' end,
       case when g.pi then '{プライバシーマーク}'::text[] else '{}' end,
       g.title || 'に係る受付、入力及び発送', '専門的な知識及び体制を要するため', $3::jsonb, $4::jsonb, g.status,
       case when g.pi then 1 else 0 end, u.id, g.created_at,
       case when g.status = 'closed' then make_timestamptz(g.fy + 3, 5, 15, 10, 0, 0, 'Asia/Tokyo') else g.created_at + interval '40 days' end,
       case when g.status = 'closed' then 5 else 3 end, 'contract-lifecycle', 1
     from g_con g join g_dep d on d.k = g.dep_k cross join g_wuser u where u.local = 'officer'`,
    [w.wardId, w.n, JSON.stringify(MEASURES.ward), JSON.stringify(MEASURES.contractor)],
  );
  await c.query(
    `insert into register_revisions (ward_id, contract_id, revision, document, changed_by, changed_at, note)
     select $1, g.id, 1, $2::jsonb, u.id, g.created_at + interval '12 hours', '初回登録'
     from g_con g cross join g_wuser u where g.pi and u.local = 'officer'`,
    [w.wardId, JSON.stringify(register)],
  );
};

/**
 * 再委託 (depth 2): three under each contract handling personal information, some to a national
 * company; the newest of them await the ward's sign-off. 再々委託 (depth 3) under approved ones.
 * A sub-contractor is never already in its chain.
 */
const subcontracts: Step = async (c, w) => {
  await c.query(
    `create temp table g_sub on commit drop as
     select x.*, o.id as contractor from (
       select gen_random_uuid() as id, gen_random_uuid() as approval_id, g.i, s, 2 as depth, g.id as parent_id, g.fy,
         g.title as parent_title, g.dep_k, g.period_from, g.period_to, g.contractor as parent_contractor,
         array[g.contractor] as chain, g.nat as top_nat, g.ck as top_ck,
         (s = 3 and g.fy >= 2024) or (s = 2 and g.fy = 2026) as pending,
         s = 1 and g.i % 8 = 0 as nat,
         case when s = 1 and g.i % 8 = 0
           then case when g.nat and g.ck = 1 + (g.i / 8) % $1::int then 1 + (1 + (g.i / 8) % $1::int) % $1::int else 1 + (g.i / 8) % $1::int end
           else case when not g.nat and g.ck = 1 + (g.i * 7 + s * 13) % $2::int then 1 + (1 + (g.i * 7 + s * 13) % $2::int) % $2::int
                     else 1 + (g.i * 7 + s * 13) % $2::int end
         end as ck
       from g_con g cross join generate_series(1, 3) s where g.pi
     ) x join g_org o on o.national = x.nat and o.k = x.ck`,
    [SCALE.nationalCompanies, SCALE.localCompanies],
  );
  // 再々委託: a local company outside the chain (the top contractor and the level-2 sub-contractor)
  await c.query(
    `insert into g_sub (id, approval_id, i, s, depth, parent_id, fy, parent_title, dep_k, period_from, period_to,
       parent_contractor, chain, top_nat, top_ck, pending, nat, ck, contractor)
     select gen_random_uuid(), gen_random_uuid(), y.i, y.s, 3, y.parent_id, y.fy, y.parent_title, y.dep_k, y.period_from,
       y.period_to, y.parent_contractor, y.chain, y.top_nat, y.top_ck, false, false, y.ck, o.id
     from (
       select x.*, case when x.a not in (x.t, x.m) then x.a when 1 + x.a % $2::int not in (x.t, x.m) then 1 + x.a % $2::int
                        else 1 + (x.a + 1) % $2::int end as ck
       from (
         select s.i, s.s + 10 as s, s.id as parent_id, s.fy, s.parent_title, s.dep_k, s.period_from, s.period_to,
           s.contractor as parent_contractor, s.chain || s.contractor as chain, s.top_nat, s.top_ck,
           1 + (s.i * 5 + s.s) % $2::int as a, case when s.top_nat then 0 else s.top_ck end as t,
           case when s.nat then 0 else s.ck end as m
         from g_sub s where not s.pending and s.s in (1, 2) order by s.fy, s.i, s.s limit $1::int
       ) x
     ) y join g_org o on not o.national and o.k = y.ck`,
    [SCALE.subSubcontracts, SCALE.localCompanies],
  );
  await c.query(
    `alter table g_sub add column created_at timestamptz, add column status text, add column title text`,
  );
  await c.query(
    `update g_sub set
       created_at = case when pending
         then timestamptz '2026-10-01T09:00:00+09' + ((fy - 2024) * 700 + i / 3) * interval '41 minutes' + s * interval '3 minutes'
         else make_timestamptz(fy, 3, 15, 9, 0, 0, 'Asia/Tokyo') + (i / 3) * interval '29 minutes' + s * interval '7 minutes'
           + depth * interval '5 days' end,
       status = case when pending then 'draft' when fy + $1::int <= $2::int then 'closed' else 'active' end,
       title = parent_title || case when depth = 2 then '（再委託' || s || '）' else '（再々委託）' end`,
    [SCALE.contractYears, SCALE.currentFiscalYear],
  );
  await c.query(
    `insert into contracts (ward_id, id, department_id, parent_contract_id, depth, contractor_org_id, chain_org_ids,
       contractor_access, title, period_from, period_to, handles_personal_info, processing_modes, work_description, reason,
       ward_measures, contractor_measures, status, register_revision, created_by, created_at, updated_at, version, machine_id, machine_version)
     select $1, s.id, d.id, s.parent_id, s.depth, s.contractor, s.chain, not s.pending, s.title, s.period_from, s.period_to,
       true, '{paper_handover,on_premises}', '問合せ受付及び入力作業の一部', '繁忙期の受付体制を確保するため',
       $2::jsonb, $3::jsonb, s.status, 1, u.id, s.created_at,
       case when s.status = 'closed' then make_timestamptz(s.fy + 3, 5, 15, 10, 0, 0, 'Asia/Tokyo')
            when s.pending then s.created_at else s.created_at + interval '10 days' end,
       case when s.pending then 1 when s.status = 'closed' then 3 else 2 end, 'contract-lifecycle', 1
     from g_sub s join g_dep d on d.k = s.dep_k join g_cuser u on u.org_id = s.parent_contractor and u.local = 'manager'
     order by s.depth`,
    [
      w.wardId,
      JSON.stringify(MEASURES.ward),
      JSON.stringify({ operational: MEASURES.contractor.operational, system: [] }),
    ],
  );
  await c.query(
    `insert into register_revisions (ward_id, contract_id, revision, document, changed_by, changed_at, note)
     select $1, s.id, 1, $2::jsonb, u.id, s.created_at, '再委託申請'
     from g_sub s join g_cuser u on u.org_id = s.parent_contractor and u.local = 'manager'`,
    [w.wardId, JSON.stringify(subRegister)],
  );
};

export const STEPS: Record<string, Step> = { organisations, contracts, subcontracts };
