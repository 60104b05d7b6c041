import { type Kysely, sql } from 'kysely';

// 契約解除 (termination for breach, seed 001 別紙7 / 003 特記事項): the ward's 課長 records its grounds
// — the reason, the article breached, the date — and the contract (with its sub-contracts) moves to
// ending. One per contract: { reason, article, terminatedOn, recordedBy, recordedAt }.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table contracts add column termination jsonb`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table contracts drop column termination`.execute(db);
}
