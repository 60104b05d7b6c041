import { type Kysely, sql } from 'kysely';

// 業務報告 (seed 004 4(4)②): the contractor's daily, monthly and yearly operational reports,
// requested by the scheduler, and its ad-hoc reports (随時報告); which ones a contract requires is
// its own setting (none without a row). The monthly 定例会議 (seed 004 3, 4(5)) and the city's
// improvement recommendations (改善勧告, seed 004 6) with the contractor's written answer.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table contract_operational_report_settings (
      ward_id uuid not null,
      contract_id uuid not null,
      required_kinds text[] not null
        check (required_kinds <@ array['daily', 'monthly', 'yearly', 'adhoc']::text[]),
      updated_by uuid references users (id),
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, contract_id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id) on delete cascade
    );

    create table operational_reports (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      organisation_id uuid not null references organisations (id),
      kind text not null check (kind in ('daily', 'monthly', 'yearly', 'adhoc')),
      -- 随時報告 only: トラブル, 緊急課題, 協議事項, 業務従事者交代 (with 改善策 under consultation)
      adhoc_kind text check ((kind = 'adhoc') = (adhoc_kind is not null)
        and adhoc_kind in ('trouble', 'urgent', 'consultation', 'staff_change')),
      -- the period a periodic report covers: 2026-12-08, 2026-12, FY2026; null for an ad-hoc one
      -- (nulls are distinct, so ad-hoc reports never collide in the key below)
      period text check ((kind = 'adhoc') = (period is null)),
      period_from date not null,
      period_to date not null check (period_to >= period_from),
      due_on date not null,
      status text not null
        check (status in ('issued', 'returned', 'submitted', 'received', 'signed_off', 'accepted')),
      machine_id text not null check (machine_id = 'operational-report'),
      machine_version integer not null check (machine_version >= 1),
      -- 受付 only (a daily report), or 受付 and the city's 決裁 along the chain
      receipt_only boolean not null,
      chain text[] not null,
      step integer not null default 0,
      title text,
      results text,
      service_level text,
      issues text,
      body text,
      submitted_at timestamptz,
      submitted_by uuid references users (id),
      received_on date,
      return_comment text,
      issued_at timestamptz not null,
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id) on delete cascade,
      unique (ward_id, contract_id, kind, period)
    );
    create index operational_reports_id on operational_reports (id);
    create index operational_reports_list on operational_reports (ward_id, status, due_on);
    create index operational_reports_org on operational_reports (organisation_id, status, due_on);

    create table operational_report_steps (
      ward_id uuid not null,
      operational_report_id uuid not null,
      seq integer not null,
      role text not null,
      decision text not null,
      comment text,
      user_id uuid references users (id),
      at timestamptz not null,
      primary key (ward_id, operational_report_id, seq),
      foreign key (ward_id, operational_report_id) references operational_reports (ward_id, id) on delete cascade
    );

    create table regular_meetings (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      organisation_id uuid not null references organisations (id),
      held_on date not null,
      attendees text[] not null check (cardinality(attendees) between 1 and 50),
      minutes text not null,
      recorded_by uuid not null references users (id),
      recorded_by_org_id uuid not null references organisations (id),
      recorded_at timestamptz not null,
      primary key (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id) on delete cascade
    );
    create index regular_meetings_id on regular_meetings (id);
    create index regular_meetings_contract on regular_meetings (ward_id, contract_id, held_on);

    create table improvement_recommendations (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      organisation_id uuid not null references organisations (id),
      status text not null check (status in ('recommended', 'sent_back', 'answered', 'closed')),
      machine_id text not null check (machine_id = 'improvement-recommendation'),
      machine_version integer not null check (machine_version >= 1),
      title text not null,
      contents text not null,
      due_on date not null,
      measures text,
      result text,
      answered_at timestamptz,
      answered_by uuid references users (id),
      send_back_comment text,
      closing_comment text,
      closed_at timestamptz,
      recommended_by uuid not null references users (id),
      recommended_at timestamptz not null,
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id) on delete cascade
    );
    create index improvement_recommendations_id on improvement_recommendations (id);
    create index improvement_recommendations_list on improvement_recommendations (ward_id, status, due_on);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table improvement_recommendations;
    drop table regular_meetings;
    drop table operational_report_steps;
    drop table operational_reports;
    drop table contract_operational_report_settings;
  `.execute(db);
}
