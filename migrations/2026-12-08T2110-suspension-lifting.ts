import { type Kysely, sql } from 'kysely';

// A suspension (指名停止) may be lifted early (解除): the date it ends and why, recorded once. Each
// suspension gets an id to be named by and a version, like every mutable record.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table subcontractor_suspensions
      add column id uuid not null default gen_random_uuid(),
      add column version integer not null default 1,
      add column lifted_on date,
      add column lift_reason text,
      add column lifted_by uuid references users (id),
      add column lifted_at timestamptz,
      add constraint subcontractor_suspensions_lift_check
        check ((lifted_on is null) = (lift_reason is null) and (lifted_on is null) = (lifted_at is null));
    create unique index subcontractor_suspensions_id on subcontractor_suspensions (id);
    create index subcontractor_suspensions_company on subcontractor_suspensions (ward_id, company_id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table subcontractor_suspensions
      drop constraint subcontractor_suspensions_lift_check,
      drop column lifted_at, drop column lifted_by, drop column lift_reason, drop column lifted_on,
      drop column version, drop column id`.execute(db);
}
