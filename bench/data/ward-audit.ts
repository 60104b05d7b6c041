import type pg from 'pg';
import type { WardContext } from './ward-rows.js';

// The audit entries of everything generated for one ward, staged in g_audit (without seq and
// hashes) by one INSERT … SELECT per kind of event, with the actor, the time and the before/after
// the use case would have written. chainAudit (generate.ts) then numbers them in time order and
// hashes them into the ward's chain.

const STAGE = `create temp table g_audit (
  ord bigserial primary key,
  at timestamptz(3) not null,
  actor_user_id uuid,
  actor_org_id uuid,
  action text not null,
  subject_type text not null,
  subject_id text not null,
  before jsonb,
  after jsonb
) on commit drop`;

const INTO =
  'insert into g_audit (at, actor_user_id, actor_org_id, action, subject_type, subject_id, before, after)';

/** One statement per kind of event; $1 is always the ward id. */
const EVENTS: string[] = [
  // the ward, its departments, its people and companies
  `select o.created_at, null::uuid, null::uuid, 'organisation.create', 'Organisation', o.id::text, null, jsonb_build_object('kind', 'ward', 'name', o.name)
   from organisations o where o.id = $1`,
  `select d.created_at, null, $1, 'department.create', 'Department', d.id::text, null, jsonb_build_object('name', d.name, 'code', d.code)
   from departments d where d.ward_id = $1`,
  `select u.created_at, null, $1, 'user.create', 'User', u.id::text, null, jsonb_build_object('email', u.email, 'roles', to_jsonb(u.roles))
   from users u where u.ward_id = $1`,
  `select o.created_at, w.id, $1, 'organisation.create', 'Organisation', o.id::text, null, jsonb_build_object('kind', 'company', 'name', o.name)
   from g_org g join organisations o on o.id = g.id cross join g_wuser w where not g.national and w.local = 'officer'`,
  `select u.created_at, w.id, $1, 'user.create', 'User', u.id::text, null, jsonb_build_object('email', u.email, 'roles', to_jsonb(u.roles))
   from g_cuser g join users u on u.id = g.id cross join g_wuser w where not g.national and w.local = 'officer'`,
  `select h.created_at, m.id, h.organisation_id, 'handler.create', 'Handler', h.id::text, null, jsonb_build_object('fullName', h.full_name, 'version', 1)
   from g_handler g join handlers h on h.id = g.id join g_cuser m on m.org_id = g.org_id and m.local = 'manager' where not g.national`,
  `select p.recorded_at, p.recorded_by, g.org_id, 'handler.pledge', 'Handler', g.id::text, null, jsonb_build_object('signedOn', p.signed_on)
   from g_handler g join handler_pledges p on p.handler_id = g.id where not g.national`,
  `select t.recorded_at, t.recorded_by, g.org_id, 'handler.training', 'Handler', g.id::text, null, jsonb_build_object('heldOn', t.held_on, 'subject', t.subject)
   from g_handler g join handler_trainings t on t.handler_id = g.id where not g.national`,
  // contracts: created, register saved, activated; the oldest cohort ended and closed
  `select k.created_at, k.created_by, $1, 'contract.create', 'Contract', k.id::text, null,
     jsonb_build_object('title', k.title, 'contractorOrgId', k.contractor_org_id, 'status', 'draft', 'version', 1)
   from g_con g join contracts k on k.ward_id = $1 and k.id = g.id`,
  `select r.changed_at, r.changed_by, $1, 'register.save', 'Contract', r.contract_id::text, null, jsonb_build_object('revision', 1, 'items', 40)
   from g_con g join register_revisions r on r.ward_id = $1 and r.contract_id = g.id`,
  `select g.created_at + interval '40 days', w.id, $1, 'contract.activate', 'Contract', g.id::text,
     jsonb_build_object('status', 'draft', 'version', 1), jsonb_build_object('status', 'active', 'version', 2)
   from g_con g cross join g_wuser w where w.local = 'officer'`,
  `select make_timestamptz(g.fy + 3, 4, 1, 9, 0, 0, 'Asia/Tokyo'), w.id, $1, 'contract.begin-ending', 'Contract', g.id::text,
     jsonb_build_object('status', 'active', 'version', 3), jsonb_build_object('status', 'ending', 'version', 4)
   from g_con g cross join g_wuser w where w.local = 'officer' and g.status = 'closed'`,
  `select make_timestamptz(g.fy + 3, 5, 15, 10, 0, 0, 'Asia/Tokyo'), w.id, $1, 'contract.close', 'Contract', g.id::text,
     jsonb_build_object('status', 'ending', 'version', 4), jsonb_build_object('status', 'closed', 'version', 5)
   from g_con g cross join g_wuser w where w.local = 'officer' and g.status = 'closed'`,
  // applications and their sign-off steps (the sub-contract is created with its application)
  `select a.applied_at, a.applicant_user, a.applicant_org_id, 'approval.apply', 'Approval', a.id::text, null,
     jsonb_build_object('kind', a.kind, 'contractId', a.contract_id, 'title', a.title, 'status', 'draft', 'version', 1)
   from g_appr a`,
  `select s.at, s.user_id, case when s.role = 'applicant' then a.applicant_org_id else $1 end,
     'approval.' || replace(s.decision, '_', '-'), 'Approval', a.id::text,
     jsonb_build_object('status', case s.seq when 1 then 'draft' when 2 then 'submitted' else 'under_review' end,
       'step', greatest(s.seq - 3, 0), 'version', s.seq),
     jsonb_build_object('status', case s.seq when 1 then 'submitted' when 5 then 'approved' else 'under_review' end,
       'step', case when s.seq >= 3 then least(s.seq - 2, 2) else 0 end, 'version', s.seq + 1,
       'role', case when s.role = 'applicant' then 'ward_officer' else s.role end, 'comment', null)
   from g_appr a join approval_steps s on s.ward_id = $1 and s.approval_id = a.id`,
  // handler lists
  `select l.submitted_at, s.submitted_by, l.org_id, 'handler_list.submit', 'HandlerList', l.id::text, null,
     jsonb_build_object('contractId', l.contract_id, 'handlers', 15, 'status', 'submitted')
   from g_list l join handler_list_submissions s on s.ward_id = $1 and s.id = l.id`,
  `select s.decided_at, s.decided_by, $1, 'handler_list.acknowledge', 'HandlerList', l.id::text,
     jsonb_build_object('status', 'submitted', 'version', 1), jsonb_build_object('status', 'acknowledged', 'version', 2)
   from g_list l join handler_list_submissions s on s.ward_id = $1 and s.id = l.id`,
  // inspections: planned, started, each item saved, submitted, signed
  `select i.created_at, i.inspector_id, $1, 'inspection.plan', 'Inspection', i.id::text, null,
     jsonb_build_object('contractId', i.contract_id, 'organisationId', i.organisation_id,
       'template', i.template_key || '@' || i.template_version, 'plannedOn', i.planned_on, 'assistantIds', '[]'::jsonb)
   from g_insp n join inspections i on i.ward_id = $1 and i.id = n.id`,
  `select s.at, s.user_id, $1, 'inspection.' || replace(s.decision, '_', '-'), 'Inspection', s.inspection_id::text,
     jsonb_build_object('status', case s.seq when 1 then 'planned' when 2 then 'in_progress' else 'submitted' end, 'version', s.seq),
     jsonb_build_object('status', case s.seq when 1 then 'in_progress' when 5 then 'signed_off' else 'submitted' end,
       'step', case when s.seq >= 3 then least(s.seq - 2, 2) else 0 end, 'version', s.seq + 1)
   from g_insp n join inspection_steps s on s.ward_id = $1 and s.inspection_id = n.id`,
  `select t.recorded_at, t.recorded_by, $1, 'inspection.item', 'Inspection', t.inspection_id::text,
     jsonb_build_object('itemKey', t.item_key, 'result', null, 'checkedOn', null, 'version', 1),
     jsonb_build_object('itemKey', t.item_key, 'result', t.result, 'checkedOn', t.checked_on, 'observation', t.observation,
       'photoIds', '[]'::jsonb, 'remoteMethod', null, 'version', 2, 'finding', null, 'withdrawnFinding', null)
   from g_insp n join inspection_items t on t.ward_id = $1 and t.inspection_id = n.id where t.result is not null`,
  // compliance reports: issued per period by the scheduler, then submitted, received and signed
  `select min(r.issued_at), null, null, 'compliance_report.issue', 'ComplianceReportPeriod', r.label, null,
     jsonb_build_object('period', r.label, 'count', count(*))
   from g_report r group by r.label`,
  `select s.at, s.user_id, case when s.role = 'contractor' then r.org_id else $1 end,
     'compliance_report.' || s.decision, 'ComplianceReport', r.id::text,
     jsonb_build_object('status', case s.seq when 1 then 'issued' when 2 then 'submitted' else 'received' end, 'version', s.seq),
     jsonb_build_object('status', case s.seq when 1 then 'submitted' when 5 then 'signed_off' else 'received' end, 'version', s.seq + 1)
   from g_report r join compliance_report_steps s on s.ward_id = $1 and s.report_id = r.id`,
];

/** Stages every audit entry of the ward; returns how many. */
export async function stageWardAudit(client: pg.PoolClient, w: WardContext): Promise<number> {
  await client.query(STAGE);
  let total = 0;
  for (const [i, select] of EVENTS.entries()) {
    const r = await client
      .query(`${INTO} ${select}`, select.includes('$1') ? [w.wardId] : [])
      .catch((e: Error) => {
        throw new Error(`staging audit event ${i} (${select.slice(0, 120)}): ${e.message}`, { cause: e });
      });
    total += r.rowCount ?? 0;
  }
  return total;
}
