import { type Kysely, sql } from 'kysely';

// 事前承認 (prior approvals): copying (複写・複製), use outside the purpose or provision to a third
// party (目的外利用・第三者提供), taking data out of the designated place on paper or other carriers
// (持出し; media have their own custody in handover_packages) and disposal (廃棄). Each contract
// says which kinds need the ward's prior approval and whether a disposal needs a witness (立会い);
// without a row of its own, seed 001 別紙7 holds: all four need approval, no witness.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table contract_prior_approval_settings (
      ward_id uuid not null,
      contract_id uuid not null,
      required_kinds text[] not null
        check (required_kinds <@ array['copy', 'other_use', 'take_out', 'disposal']::text[]),
      disposal_witness boolean not null,
      updated_by uuid references users (id),
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, contract_id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id)
    );

    create table prior_approvals (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      applicant_org_id uuid not null references organisations (id),
      kind text not null check (kind in ('copy', 'other_use', 'take_out', 'disposal')),
      status text not null
        check (status in ('applied', 'returned', 'approved', 'rejected', 'notified', 'withdrawn', 'done')),
      machine_id text not null check (machine_id = 'prior-approval'),
      machine_version integer not null check (machine_version >= 1),
      reason text not null,
      -- the register's items concerned: [{ key, group, name }]
      items jsonb not null,
      quantity integer check (quantity >= 0),
      period_from date not null,
      period_to date not null check (period_to >= period_from),
      place text not null,
      carrier text check (carrier in ('paper', 'device', 'other')),
      recipient text,
      needs_approval boolean not null,
      witness_required boolean not null,
      chain text[] not null,
      step integer not null default 0,
      applied_by uuid references users (id),
      applied_at timestamptz not null,
      decided_at timestamptz,
      completed_on date,
      method text,
      witness_name text,
      witnessed_on date,
      completion_note text,
      completed_by uuid references users (id),
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id)
    );
    create index prior_approvals_id on prior_approvals (id);
    create index prior_approvals_contract on prior_approvals (ward_id, contract_id, applied_at);
    create index prior_approvals_queue on prior_approvals (ward_id, status, applied_at);

    create table prior_approval_steps (
      ward_id uuid not null,
      prior_approval_id uuid not null,
      seq integer not null,
      role text not null,
      decision text not null,
      comment text,
      user_id uuid references users (id),
      at timestamptz not null,
      primary key (ward_id, prior_approval_id, seq),
      foreign key (ward_id, prior_approval_id) references prior_approvals (ward_id, id)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table prior_approval_steps;
    drop table prior_approvals;
    drop table contract_prior_approval_settings;
  `.execute(db);
}
