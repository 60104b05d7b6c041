import { councilLines } from './documents.js';
import { register, type Step, subRegister } from './ward-rows.js';

// Approvals of delegation (委託の承認) and sub-delegation (再委託の承認) with their sign-off
// steps, the council meetings and report items (報告事項) of the approved ones, and the handler
// lists (取扱者名簿) each organisation with access submitted and the ward acknowledged.
// Timeline of one application: applied (day 0), submitted (+1), review started (+2), signed by
// 担当者, 係長, 課長 (+3, +4, +5). Pending sub-delegations stop after the review started.

const CHAIN = '{ward_officer,ward_chief,ward_manager}';

/** Every approval with the times the audit and the steps refer to, in one temporary table. */
const approvals: Step = async (c, w) => {
  await c.query(
    `create temp table g_appr on commit drop as
     select gen_random_uuid() as id, 'delegation' as kind, g.id as contract_id, null::uuid as parent_contract_id,
       $1::uuid as applicant_org_id, wo.id as applicant_user, false as pending, g.created_at + interval '1 day' as applied_at,
       g.title, g.contractor as org_id
     from g_con g cross join g_wuser wo where g.pi and wo.local = 'officer'
     union all
     select s.approval_id, 'subdelegation', s.id, s.parent_id, s.parent_contractor, u.id, s.pending, s.created_at, s.title, s.contractor
     from g_sub s join g_cuser u on u.org_id = s.parent_contractor and u.local = 'manager'`,
    [w.wardId],
  );
  const lines = councilLines(register);
  await c.query(
    `insert into approvals (ward_id, id, kind, contract_id, parent_contract_id, applicant_org_id, status, chain, step,
       council_mode, application, register_revision, submitted_at, decided_at, created_by, created_at, updated_at, version, machine_id, machine_version,
       number)
     select $1, a.id, a.kind, a.contract_id, a.parent_contract_id, a.applicant_org_id,
       case when a.pending then 'under_review' else 'approved' end, $2::text[], case when a.pending then 0 else 2 end, 'report',
       case when a.kind = 'delegation' then jsonb_build_object('kind', 'delegation', 'title', k.title,
           'departmentId', k.department_id, 'contractorOrgId', k.contractor_org_id, 'selectionMethod', k.selection_method,
           'requiredCertifications', to_jsonb(k.required_certifications), 'workDescription', k.work_description,
           'reason', k.reason, 'periodFrom', k.period_from, 'periodTo', k.period_to, 'register', $3::jsonb,
           'wardMeasures', k.ward_measures, 'contractorMeasures', k.contractor_measures, 'changes', '[]'::jsonb)
         else jsonb_build_object('kind', 'subdelegation', 'subcontractorOrgId', k.contractor_org_id,
           'reason', k.reason, 'scope', k.work_description, 'portion', 'part', 'register', $4::jsonb,
           'safetyMeasures', k.contractor_measures -> 'operational', 'supervisionMethod', '月次報告及び年1回の実地確認',
           'periodFrom', k.period_from, 'periodTo', k.period_to, 'title', k.title) end,
       1, a.applied_at + interval '1 day', case when not a.pending then a.applied_at + interval '5 days' end,
       a.applicant_user, a.applied_at, a.applied_at + case when a.pending then interval '2 days' else interval '5 days' end,
       case when a.pending then 3 else 6 end, 'approval', 1,
       -- 整理番号 as the product gives it (src/domain/shared/record-numbers.ts), per fiscal year and kind
       'R' || (a.fy - 2018) || '-' || case a.kind when 'subdelegation' then '再委託' else '委託' end || '-'
         || lpad((row_number() over (partition by a.fy, a.kind order by a.applied_at, a.id))::text, 4, '0')
     from (select *, extract(year from (applied_at at time zone 'UTC') + interval '9 hours' - interval '3 months')::int as fy
             from g_appr) a
     join contracts k on k.ward_id = $1 and k.id = a.contract_id`,
    [w.wardId, CHAIN, JSON.stringify(register), JSON.stringify(subRegister)],
  );
  // the counters carry on from the generated numbers, as the migration leaves them
  await c.query(
    `insert into record_number_counters (ward_id, fiscal_year, kind, last)
     select ward_id, extract(year from (created_at at time zone 'UTC') + interval '9 hours' - interval '3 months')::int,
       kind, count(*)
     from approvals where ward_id = $1 group by 1, 2, 3`,
    [w.wardId],
  );
  await c.query(
    `insert into approval_steps (ward_id, approval_id, seq, role, decision, comment, user_id, at)
     select $1, a.id, st.seq, st.role, st.decision, null, coalesce(u.id, a.applicant_user), a.applied_at + st.seq * interval '1 day'
     from g_appr a
     cross join (values (1, 'applicant', 'submit'), (2, 'ward_officer', 'start_review'), (3, 'ward_officer', 'approve'),
                        (4, 'ward_chief', 'approve'), (5, 'ward_manager', 'approve')) as st(seq, role, decision)
     left join g_wuser u on u.role = st.role
     where st.seq <= case when a.pending then 2 else 5 end`,
    [w.wardId],
  );
  // council meetings: four a year; an item goes to the first meeting after its approval
  await c.query(
    `create temp table g_meeting on commit drop as
     select gen_random_uuid() as id, make_date(y + case when m < 4 then 1 else 0 end, m, 20) as held_on
     from generate_series(2023, 2026) y cross join unnest(array[5, 8, 11, 2]) m`,
  );
  await c.query(
    `insert into council_meetings (ward_id, id, title, held_on, created_at)
     select $1, id, '情報公開・個人情報保護審議会（' || to_char(held_on, 'YYYY年FMMM月') || '）', held_on, held_on - 30
     from g_meeting`,
    [w.wardId],
  );
  await c.query(
    `insert into council_report_items (ward_id, id, approval_id, meeting_id, kind, title, content, created_at)
     select $1, gen_random_uuid(), a.id,
       (select m.id from g_meeting m where m.held_on > (a.applied_at + interval '5 days')::date order by m.held_on limit 1),
       a.kind, subject, jsonb_build_object('kind', a.kind, 'subject', subject, 'department', d.name,
         'businessName', top.title,
         'contractor', jsonb_build_object('name', tc.name, 'selectionMethod', top.selection_method,
           'certifications', to_jsonb(top.required_certifications)),
         'subcontractor', case when a.kind = 'subdelegation' then jsonb_build_object('name', sc.name) end,
         'items', case when a.kind = 'delegation' then $2::jsonb else $4::jsonb end,
         'media', case when a.kind = 'delegation' then $3::jsonb else $5::jsonb end,
         'reason', k.reason, 'content', k.work_description,
         'period', jsonb_build_object('from', k.period_from, 'to', k.period_to),
         'wardMeasures', k.ward_measures,
         'contractorMeasures', case when a.kind = 'delegation' then k.contractor_measures
           else jsonb_build_object('operational', k.contractor_measures -> 'operational', 'system', '[]'::jsonb) end,
         'supervisionMethod', case when a.kind = 'subdelegation' then '月次報告及び年1回の実地確認' end),
       a.applied_at + interval '5 days'
     from g_appr a
     join contracts k on k.ward_id = $1 and k.id = a.contract_id
     join contracts top on top.ward_id = $1 and top.id = coalesce(a.parent_contract_id, a.contract_id)
     join departments d on d.ward_id = $1 and d.id = k.department_id
     join organisations tc on tc.id = top.contractor_org_id
     join organisations sc on sc.id = k.contractor_org_id
     cross join lateral (select case when a.kind = 'delegation' then top.title || 'の委託について'
                                     else top.title || 'の再委託について' end as subject) s
     where not a.pending`,
    [
      w.wardId,
      JSON.stringify(lines.items),
      JSON.stringify(lines.media),
      JSON.stringify(councilLines(subRegister).items),
      JSON.stringify(councilLines(subRegister).media),
    ],
  );
};

/** Handler lists: each organisation with access submits its 15 handlers; the officer acknowledges. */
const handlerLists: Step = async (c, w) => {
  await c.query(
    `create temp table g_list on commit drop as
     select gen_random_uuid() as id, k.id as contract_id, k.contractor_org_id as org_id, k.period_from,
       greatest(k.created_at, make_timestamptz(extract(year from k.period_from)::int, 3, 20, 10, 0, 0, 'Asia/Tokyo'))
         + interval '10 days' as submitted_at
     from contracts k where k.ward_id = $1 and k.handles_personal_info and k.contractor_access`,
    [w.wardId],
  );
  await c.query(
    `insert into handler_list_submissions (ward_id, id, contract_id, organisation_id, status, submitted_by, submitted_at,
       decided_by, decided_at, comment, version, machine_id, machine_version)
     select $1, l.id, l.contract_id, l.org_id, 'acknowledged', u.id, l.submitted_at, o.id, l.submitted_at + interval '2 days', null, 2, 'handler-list', 1
     from g_list l join g_cuser u on u.org_id = l.org_id and u.local = 'manager' cross join g_wuser o where o.local = 'officer'`,
    [w.wardId],
  );
  await c.query(
    `insert into handler_list_entries (ward_id, submission_id, handler_id, role, effective_from)
     select $1, l.id, h.id, case when h.h = 1 then 'responsible' else 'handler' end, l.period_from
     from g_list l join g_handler h on h.org_id = l.org_id`,
    [w.wardId],
  );
};

export const WORKFLOW_STEPS: Record<string, Step> = { approvals, handlerLists };
