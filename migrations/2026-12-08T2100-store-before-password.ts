import { type Kysely, sql } from 'kysely';

// The encrypted media may be stored in the locked cabinet (seed 003 運用6) from the day it arrives,
// before the password notice is handed over on its later occasion (運用8): a package may be
// 'stored_awaiting_password'. Frozen once released: later changes go into new migrations.

const STATES = [
  'prepared',
  'media_handed_over',
  'password_handed_over',
  'in_custody',
  'taken_out',
  'returned',
  'verified',
  'erased',
  'withdrawn',
];

async function allow(db: Kysely<any>, states: string[]) {
  await sql`
    alter table handover_packages drop constraint handover_packages_status_check;
    alter table handover_packages add constraint handover_packages_status_check
      check (status in (${sql.join(states.map((s) => sql.lit(s)))}))`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await allow(db, [...STATES, 'stored_awaiting_password']);
}

export async function down(db: Kysely<any>): Promise<void> {
  await allow(db, STATES);
}
