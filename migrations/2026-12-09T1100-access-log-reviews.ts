import { type Kysely, sql } from 'kysely';

// アクセスログの確認 (特定個人情報): on a My Number contract the contractor reviews the access logs
// of the systems holding 特定個人情報 on a schedule, and the city confirms each review.
// - contract_access_log_review_settings: the review interval a contract records (no row: monthly,
//   the default for every My Number contract).
// - access_log_reviews: one review due per period, issued by the daily jobs (the unique key makes
//   issuing idempotent), recorded by the contractor and confirmed (確認) or sent back by the city.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table contract_access_log_review_settings (
      ward_id uuid not null,
      contract_id uuid not null,
      review_interval text not null check (review_interval in ('monthly', 'quarterly')),
      updated_by uuid references users (id),
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, contract_id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id) on delete cascade
    );

    create table access_log_reviews (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      organisation_id uuid not null references organisations (id),
      -- 2026-11 (monthly) or FY2026-Q3 (quarterly)
      period text not null,
      period_from date not null,
      period_to date not null check (period_to >= period_from),
      due_on date not null,
      status text not null check (status in ('issued', 'returned', 'recorded', 'confirmed')),
      machine_id text not null check (machine_id = 'access-log-review'),
      machine_version integer not null check (machine_version >= 1),
      reviewed_on date,
      reviewer_name text,
      logs_reviewed text,
      anomalies_found boolean,
      anomaly_description text check (anomalies_found is not true or anomaly_description is not null),
      action_taken text,
      recorded_by uuid references users (id),
      recorded_at timestamptz,
      return_comment text,
      confirmed_by uuid references users (id),
      confirmed_at timestamptz,
      confirm_comment text,
      issued_at timestamptz not null,
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id) on delete cascade,
      unique (ward_id, contract_id, period)
    );
    create index access_log_reviews_id on access_log_reviews (id);
    create index access_log_reviews_list on access_log_reviews (ward_id, status, due_on);
    create index access_log_reviews_org on access_log_reviews (organisation_id, status, due_on);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table access_log_reviews;
    drop table contract_access_log_review_settings;
  `.execute(db);
}
