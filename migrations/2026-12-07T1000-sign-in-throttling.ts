import { type Kysely, sql } from 'kysely';

// Sign-in throttling per (address, client) and per client: the per-client count reads failures by
// client address and time. The counting itself is made atomic with advisory locks per address and
// per client (src/domain/auth/sign-in-throttle.ts), which need no table.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index sign_in_attempts_ip_at on sign_in_attempts (ip, at) where ip is not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists sign_in_attempts_ip_at`.execute(db);
}
