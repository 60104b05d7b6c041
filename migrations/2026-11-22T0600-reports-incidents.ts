import { type Kysely, sql } from 'kysely';

// Six-monthly compliance reports (個人情報特記事項の遵守に関する報告書, seed 001 別紙5), incidents
// (事故報告), and reminders (通知) with their once-per-deadline-and-recipient guarantee.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table compliance_reports (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      organisation_id uuid not null references organisations (id),
      -- '2026H1' = April–September 2026, '2026H2' = October 2026–March 2027
      period text not null check (period ~ '^[0-9]{4}H[12]$'),
      period_from date not null,
      period_to date not null,
      due_on date not null,
      status text not null check (status in ('issued', 'draft', 'submitted', 'returned', 'received', 'signed_off')),
      answers jsonb not null default '{}'::jsonb,
      prefill jsonb not null default '{}'::jsonb,
      discrepancies jsonb not null default '[]'::jsonb,
      chain text[] not null,
      step integer not null default 0,
      received_on date,
      return_comment text,
      submitted_by uuid references users (id),
      submitted_at timestamptz,
      issued_at timestamptz not null,
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (ward_id, id),
      -- exactly one request per contract, organisation and period, however often issuing runs
      unique (ward_id, contract_id, organisation_id, period),
      foreign key (ward_id, contract_id) references contracts (ward_id, id)
    );
    create index compliance_reports_id on compliance_reports (id);
    create index compliance_reports_org on compliance_reports (organisation_id, period);
    create index compliance_reports_due on compliance_reports (ward_id, status, due_on);

    create table compliance_report_steps (
      ward_id uuid not null,
      report_id uuid not null,
      seq integer not null,
      role text not null,
      decision text not null,
      comment text,
      user_id uuid references users (id),
      at timestamptz not null,
      primary key (ward_id, report_id, seq),
      foreign key (ward_id, report_id) references compliance_reports (ward_id, id)
    );

    create table incidents (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      reporting_org_id uuid not null references organisations (id),
      status text not null check (status in ('reported', 'in_progress', 'responded', 'closed')),
      information text not null,
      record_count integer,
      location text not null,
      circumstances text not null,
      occurred_at timestamptz,
      discovered_at timestamptz not null,
      reported_at timestamptz not null,
      reported_by uuid references users (id),
      ward_instructions text,
      response text,
      root_cause text,
      prevention text,
      published boolean not null default false,
      published_on date,
      chain text[] not null,
      step integer not null default 0,
      closed_at timestamptz,
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id)
    );
    create index incidents_id on incidents (id);
    create index incidents_contract on incidents (ward_id, contract_id, discovered_at);

    create table incident_steps (
      ward_id uuid not null,
      incident_id uuid not null,
      seq integer not null,
      role text not null,
      decision text not null,
      comment text,
      user_id uuid references users (id),
      at timestamptz not null,
      primary key (ward_id, incident_id, seq),
      foreign key (ward_id, incident_id) references incidents (ward_id, id)
    );

    -- In-app reminders; mailed_at is set once the mail went out (when SMTP_URL is configured).
    create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id),
      ward_id uuid,
      kind text not null,
      subject_type text not null,
      subject_id text not null,
      -- one reminder per deadline and recipient: the key names the deadline and its stage
      deadline_key text not null,
      title text not null,
      body text not null,
      due_on date,
      created_at timestamptz not null,
      read_at timestamptz,
      mailed_at timestamptz,
      unique (user_id, deadline_key)
    );
    create index notifications_user on notifications (user_id, created_at desc);
    create index notifications_unmailed on notifications (created_at) where mailed_at is null;

    -- When each scheduled job last ran, so a server that was down catches up on start.
    create table job_runs (
      job text primary key,
      last_run_at timestamptz not null
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists job_runs, notifications, incident_steps, incidents, compliance_report_steps, compliance_reports cascade`.execute(
    db,
  );
}
