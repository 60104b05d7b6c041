import { type Kysely, sql } from 'kysely';

// A sub-contract approved by the ward waits (approved: 承認済・未着手) until its sub-contractor's
// handler list is acknowledged, then starts through the same activation as any contract.
// A sub-contract that follows its parent into ending remembers the state it had
// (followed_parent_from), so that resuming the parent restores the chain exactly as it was.
// started_at: when the contract started (a contract that never started held no data; existing
// started contracts take their last change as an approximation).
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table contracts drop constraint if exists contracts_status_check;
    alter table contracts add constraint contracts_status_check
      check (status in ('draft', 'approved', 'active', 'ending', 'closed'));
    alter table contracts
      add column followed_parent_from text check (followed_parent_from in ('approved', 'active')),
      add column started_at timestamptz;
    update contracts set started_at = updated_at where status <> 'draft';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table contracts drop column followed_parent_from, drop column started_at;
    alter table contracts drop constraint contracts_status_check;
    alter table contracts add constraint contracts_status_check
      check (status in ('draft', 'active', 'ending', 'closed'));
  `.execute(db);
}
