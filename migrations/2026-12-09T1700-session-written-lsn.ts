import { type Kysely, sql } from 'kysely';

// Read replicas (DATABASE_REPLICA_URL): where the primary's write-ahead log stood after a session's
// last write (pg_current_wal_lsn() once the write committed). Until the replica has replayed past
// it, that session's list, summary and PDF reads go to the primary, so its user reads their own
// write; other sessions read the replica. Null: the session has written nothing since it opened
// (or no replica is configured, when nothing records it). Kept in PostgreSQL with the session, so
// every instance behind a load balancer sees it.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table sessions add column written_lsn pg_lsn`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table sessions drop column written_lsn`.execute(db);
}
