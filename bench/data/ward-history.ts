import { periodOf } from '../../src/domain/reports/periods.js';
import { SCALE } from './scale.js';
import type { Step } from './ward-rows.js';
import { template } from './ward-rows.js';

// The ward's history: a yearly on-site inspection (実地検査) of the contractor of every contract
// handling personal information, with the protection checklist's items answered one by one —
// past years signed off 担当者 → 係長 → 課長, this year's a third signed off, a third in progress
// with every item still open, a third planned — and the six-monthly compliance reports
// (遵守状況報告) of three years, submitted, received and signed.

const inspections: Step = async (c, w) => {
  await c.query(
    `create temp table g_insp on commit drop as
     select gen_random_uuid() as id, g.id as contract_id, g.contractor as org_id, g.i, y.fy,
       case when y.fy < $1::int or (g.i / 3) % 3 = 0 then 'signed_off' when (g.i / 3) % 3 = 1 then 'in_progress' else 'planned' end as status,
       make_date(y.fy, 6 + g.i % 5, 1 + g.i % 27) as planned_on
     from g_con g cross join generate_series(g.fy, least(g.fy + $2::int - 1, $1::int)) as y(fy) where g.pi`,
    [SCALE.currentFiscalYear, SCALE.contractYears],
  );
  await c.query(
    `alter table g_insp add column started_at timestamptz, add column signed_off_at timestamptz;
     update g_insp set started_at = case when status <> 'planned' then planned_on + time '10:00' at time zone 'Asia/Tokyo' end,
       signed_off_at = case when status = 'signed_off' then planned_on + time '10:00' at time zone 'Asia/Tokyo' + interval '14 days' end`,
  );
  await c.query(
    `insert into inspections (ward_id, id, contract_id, organisation_id, template_key, template_version, purpose, template,
       applicability, fiscal_year, planned_on, place, inspector_id, status, chain, step, started_at, submitted_at,
       signed_off_at, created_by, created_at, updated_at, version, machine_id, machine_version)
     select $1, n.id, n.contract_id, n.org_id, $2, $3, $4, $5::jsonb, $6::jsonb, n.fy, n.planned_on, '委託先事業所',
       u.id, n.status, '{ward_officer,ward_chief,ward_manager}', case when n.status = 'signed_off' then 2 else 0 end,
       n.started_at, n.signed_off_at - interval '7 days', n.signed_off_at, u.id,
       n.planned_on - 30 + time '09:00' at time zone 'Asia/Tokyo', coalesce(n.signed_off_at, n.started_at, n.planned_on - 30 + time '09:00' at time zone 'Asia/Tokyo'),
       case n.status when 'signed_off' then 6 when 'in_progress' then 2 else 1 end, 'inspection', 1
     from g_insp n cross join g_wuser u where u.local = 'inspector'`,
    [
      w.wardId,
      template.key,
      template.version,
      template.purpose,
      JSON.stringify(template.template),
      JSON.stringify(template.applicability),
    ],
  );
  // one × in ten signed-off inspections, on the sixth item: a finding, reported on and closed
  await c.query(
    `insert into inspection_items (ward_id, inspection_id, item_key, position, result, checked_on, observation,
       recorded_by, recorded_at, version)
     select $1, n.id, k.key, k.pos - 1,
       case when n.status <> 'signed_off' then null when k.pos = 6 and n.i % 10 = 0 then 'ng' when k.pos % 13 = 0 then 'na' else 'ok' end,
       case when n.status = 'signed_off' then n.planned_on end,
       case when n.status = 'signed_off' and k.pos = 6 and n.i % 10 = 0 then '施錠管理の記録に漏れがあった' end,
       case when n.status = 'signed_off' then u.id end,
       case when n.status = 'signed_off' then n.started_at + k.pos * interval '2 minutes' end,
       case when n.status = 'signed_off' then 2 else 1 end
     from g_insp n cross join unnest($2::text[]) with ordinality as k(key, pos) cross join g_wuser u where u.local = 'inspector'`,
    [w.wardId, template.itemKeys],
  );
  await c.query(
    `insert into inspection_findings (ward_id, inspection_id, item_key, organisation_id, status, observation, due_on,
       improvement_report, reported_by, reported_at, closed_at, created_at, updated_at, version, machine_id, machine_version)
     select $1, n.id, $2, n.org_id, 'closed', '施錠管理の記録に漏れがあった', n.planned_on + 30, '記録簿を改め、週次で確認する',
       m.id, n.started_at + interval '10 days', n.started_at + interval '12 days', n.started_at + interval '12 minutes',
       n.started_at + interval '12 days', 3, 'finding', 1
     from g_insp n join g_cuser m on m.org_id = n.org_id and m.local = 'manager' where n.status = 'signed_off' and n.i % 10 = 0`,
    [w.wardId, template.itemKeys[5]],
  );
  await c.query(
    `insert into inspection_steps (ward_id, inspection_id, seq, role, decision, comment, user_id, at)
     select $1, n.id, st.seq, st.role, st.decision, null, u.id,
       case when st.seq = 1 then n.started_at else n.signed_off_at - (5 - st.seq) * interval '1 day' end
     from g_insp n
     cross join (values (1, 'inspector', 'start'), (2, 'inspector', 'submit'), (3, 'ward_officer', 'approve'),
                        (4, 'ward_chief', 'approve'), (5, 'ward_manager', 'approve')) as st(seq, role, decision)
     join g_wuser u on u.role = st.role
     where n.status = 'signed_off' or (n.status = 'in_progress' and st.seq = 1)`,
    [w.wardId],
  );
};

const reports: Step = async (c, w) => {
  const periods = SCALE.reportPeriods.map(periodOf);
  await c.query(
    `create temp table g_period on commit drop as
     select * from unnest($1::text[], $2::date[], $3::date[], $4::date[]) as p(label, period_from, period_to, due_on)`,
    [
      periods.map((p) => p.label),
      periods.map((p) => p.from),
      periods.map((p) => p.to),
      periods.map((p) => p.dueOn),
    ],
  );
  // the contracts the scheduler would have asked, as issueReports selects them
  await c.query(
    `create temp table g_report on commit drop as
     select gen_random_uuid() as id, k.id as contract_id, k.contractor_org_id as org_id, p.label, p.period_from, p.period_to,
       p.due_on, (p.period_to + 1) + time '00:10' at time zone 'Asia/Tokyo' as issued_at,
       (p.due_on - 10 - (hashtext(k.id::text) & 7)) + time '14:00' at time zone 'Asia/Tokyo' as submitted_at
     from contracts k cross join g_period p
     where k.ward_id = $1 and k.handles_personal_info and k.period_from <= p.period_to and k.period_to >= p.period_from
       and (k.status in ('active', 'ending') or (k.status = 'closed' and k.updated_at >= p.period_to))
       and (k.parent_contract_id is null or k.contractor_access)`,
    [w.wardId],
  );
  await c.query(
    `insert into compliance_reports (ward_id, id, contract_id, organisation_id, period, period_from, period_to, due_on,
       status, answers, prefill, discrepancies, chain, step, received_on, submitted_by, submitted_at, issued_at, updated_at, version, machine_id, machine_version)
     select $1, r.id, r.contract_id, r.org_id, r.label, r.period_from, r.period_to, r.due_on, 'signed_off', '{}', '{}', '[]',
       '{ward_officer,ward_chief,ward_manager}', 2, (r.submitted_at + interval '1 day')::date, m.id, r.submitted_at,
       r.issued_at, r.submitted_at + interval '6 days', 6, 'compliance-report', 1
     from g_report r join g_cuser m on m.org_id = r.org_id and m.local = 'manager'`,
    [w.wardId],
  );
  await c.query(
    `insert into compliance_report_steps (ward_id, report_id, seq, role, decision, comment, user_id, at)
     select $1, r.id, st.seq, st.role, st.decision, null, coalesce(u.id, m.id), r.submitted_at + (st.seq - 1) * interval '1 day'
     from g_report r join g_cuser m on m.org_id = r.org_id and m.local = 'manager'
     cross join (values (1, 'contractor', 'submit'), (2, 'ward_officer', 'receive'), (3, 'ward_officer', 'sign'),
                        (4, 'ward_chief', 'sign'), (5, 'ward_manager', 'sign')) as st(seq, role, decision)
     left join g_wuser u on u.role = st.role`,
    [w.wardId],
  );
};

export const HISTORY_STEPS: Record<string, Step> = { inspections, reports };
