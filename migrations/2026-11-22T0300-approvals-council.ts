import { type Kysely, sql } from 'kysely';

// Approvals of delegation (委託の承認) and sub-delegation (再委託の承認) with their sign-off steps
// (決裁), the ward's suspension list (指名停止), and council report items (審議会 報告事項)
// grouped by council meeting.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table approvals (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      kind text not null check (kind in ('delegation', 'subdelegation')),
      -- delegation: the contract itself; sub-delegation: the sub-contract applied for
      contract_id uuid not null,
      parent_contract_id uuid,
      applicant_org_id uuid not null references organisations (id),
      status text not null check (status in
        ('draft', 'submitted', 'under_review', 'changes_requested', 'awaiting_council', 'approved', 'rejected', 'revoked')),
      chain text[] not null,
      step integer not null default 0,
      council_mode text not null check (council_mode in ('none', 'report', 'consult')),
      council_answer jsonb,
      -- the application as submitted: what was approved stays visible as it was approved
      application jsonb not null,
      register_revision integer not null,
      review_due_on date,
      supersedes_id uuid,
      submitted_at timestamptz,
      decided_at timestamptz,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id),
      foreign key (ward_id, parent_contract_id) references contracts (ward_id, id),
      foreign key (ward_id, supersedes_id) references approvals (ward_id, id)
    );
    create index approvals_id on approvals (id);
    create index approvals_contract on approvals (ward_id, contract_id);
    create index approvals_parent on approvals (ward_id, parent_contract_id);
    create index approvals_status on approvals (ward_id, status, created_at desc);

    create table approval_steps (
      ward_id uuid not null,
      approval_id uuid not null,
      seq integer not null,
      role text not null,
      decision text not null check (decision in ('submit', 'start_review', 'approve', 'send_back', 'reject', 'resubmit', 'revoke', 'council_answer', 'parent_ended')),
      comment text,
      user_id uuid references users (id),
      at timestamptz not null,
      primary key (ward_id, approval_id, seq),
      foreign key (ward_id, approval_id) references approvals (ward_id, id)
    );

    create table subcontractor_suspensions (
      ward_id uuid not null references organisations (id),
      company_id uuid not null references organisations (id),
      reason text not null,
      suspended_from date not null,
      suspended_to date,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      primary key (ward_id, company_id, suspended_from)
    );

    create table council_meetings (
      ward_id uuid not null references organisations (id),
      id uuid not null default gen_random_uuid(),
      title text not null,
      held_on date not null,
      created_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (ward_id, id)
    );
    create index council_meetings_id on council_meetings (id);

    create table council_report_items (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      approval_id uuid not null,
      meeting_id uuid,
      kind text not null check (kind in ('delegation', 'subdelegation')),
      title text not null,
      content jsonb not null,
      created_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, approval_id) references approvals (ward_id, id),
      foreign key (ward_id, meeting_id) references council_meetings (ward_id, id),
      unique (ward_id, approval_id)
    );
    create index council_report_items_id on council_report_items (id);
    create index council_report_items_meeting on council_report_items (ward_id, meeting_id, created_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists council_report_items, council_meetings, subcontractor_suspensions, approval_steps, approvals cascade`.execute(
    db,
  );
}
