import { type Kysely, sql } from 'kysely';

// 再委託先の監督 (seed 001 別紙7 第7条5, seed 003 丙15–16): the contractor supervises its
// sub-contractors.
// - An inspection may be made by a company: `inspecting_org_id` names the contractor that inspects
//   its sub-contractor on a sub-contract of the contract it holds, with the ward's checklist engine;
//   null is the ward's own inspection (every row so far). A company's inspection is completed by
//   the contractor's own responsible person (`complete`), not signed along the ward's chain.
// - 報告の求め (report requests): the contractor, or the ward, asks a sub-contractor for a report on
//   a topic by a date; the sub-contractor answers, the requester accepts it or sends it back.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table inspections add column inspecting_org_id uuid references organisations (id);
    create index inspections_inspecting_org on inspections (inspecting_org_id, created_at desc, id desc)
      where inspecting_org_id is not null;

    alter table inspection_steps drop constraint inspection_steps_decision_check;
    alter table inspection_steps add constraint inspection_steps_decision_check
      check (decision in ('start', 'cancel', 'submit', 'approve', 'send_back', 'complete'));

    create table report_requests (
      ward_id uuid not null references organisations (id),
      id uuid not null default gen_random_uuid(),
      -- the contract whose contractor is asked: a sub-contract when the requester is its contractor
      contract_id uuid not null,
      -- who asks: the contractor above (a company) or the ward itself
      requester_org_id uuid not null references organisations (id),
      -- who answers: the contractor of contract_id
      subject_org_id uuid not null references organisations (id),
      status text not null check (status in ('requested', 'answered', 'returned', 'accepted', 'withdrawn')),
      machine_id text not null check (machine_id = 'report-request'),
      machine_version integer not null check (machine_version >= 1),
      topic text not null,
      detail text,
      due_on date not null,
      answer_text text,
      answer_attachment_ids uuid[] not null default '{}',
      answered_by uuid references users (id),
      answered_at timestamptz,
      review_comment text,
      decided_by uuid references users (id),
      decided_at timestamptz,
      requested_by uuid not null references users (id),
      requested_at timestamptz not null,
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id)
    );
    create index report_requests_id on report_requests (id);
    create index report_requests_contract on report_requests (ward_id, contract_id, requested_at desc);
    create index report_requests_list on report_requests (ward_id, requested_at desc, id desc);
    create index report_requests_requester on report_requests (requester_org_id, status, due_on);
    create index report_requests_subject on report_requests (subject_org_id, status, due_on);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table report_requests;
    delete from inspection_steps where decision = 'complete';
    alter table inspection_steps drop constraint inspection_steps_decision_check;
    alter table inspection_steps add constraint inspection_steps_decision_check
      check (decision in ('start', 'cancel', 'submit', 'approve', 'send_back'));
    drop index inspections_inspecting_org;
    alter table inspections drop column inspecting_org_id;
  `.execute(db);
}
