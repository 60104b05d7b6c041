import { type Kysely, sql } from 'kysely';

// Indexes for the contract list as the benchmarks (issue 9) found it used:
// - the list is read newest first as ORDER BY created_at DESC, id DESC, but contracts_list had id
//   ascending, so PostgreSQL read the ward's rows by created_at and sorted each run of equal
//   timestamps again (an incremental sort); with both columns descending, a page — and the cursor's
//   row comparison (created_at, id) < (…) — is one index range scan that stops after limit + 1 rows.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    drop index contracts_list;
    create index contracts_list on contracts (ward_id, created_at desc, id desc);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index contracts_list;
    create index contracts_list on contracts (ward_id, created_at desc, id);
  `.execute(db);
}
