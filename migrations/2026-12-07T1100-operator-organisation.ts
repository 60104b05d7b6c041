import { type Kysely, sql } from 'kysely';

// The operator (システム運用者): the organisation that runs the system and employs its system
// administrators. They work across wards, so they belong to none: an administrator who belonged
// to a ward made every company they registered known to that ward as well.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table organisations drop constraint organisations_kind_check;
    alter table organisations add constraint organisations_kind_check
      check (kind in ('ward', 'company', 'operator'));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table organisations drop constraint organisations_kind_check;
    alter table organisations add constraint organisations_kind_check check (kind in ('ward', 'company'));
  `.execute(db);
}
