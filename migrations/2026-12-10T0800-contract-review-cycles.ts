import { type Kysely, sql } from 'kysely';

// 見直し周期 (review cycles): a contract may be reviewed again every N months.
// - contract_review_cycles: the interval the municipality set for a contract (null months: no cycle).
// - contract_reviews: one review per cycle, due on a day; completing it records who, when and a
//   note with what had changed since the previous one, and the next review is issued in the same
//   transaction. At most one review of a contract is open (the partial unique index).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table contract_review_cycles (
      ward_id uuid not null,
      contract_id uuid not null,
      interval_months integer check (interval_months between 1 and 60),
      updated_by uuid references users (id),
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, contract_id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id) on delete cascade
    );

    create table contract_reviews (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      status text not null check (status in ('due', 'completed', 'cancelled')),
      machine_id text not null check (machine_id = 'contract-review'),
      machine_version integer not null check (machine_version >= 1),
      interval_months integer not null check (interval_months between 1 and 60),
      -- what changed is counted from this instant: the previous review, or when the cycle was set
      since timestamptz not null,
      due_on date not null,
      completed_by uuid references users (id),
      completed_at timestamptz,
      note text check (status <> 'completed' or note is not null),
      changes jsonb,
      issued_at timestamptz not null,
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id) on delete cascade
    );
    create index contract_reviews_id on contract_reviews (id);
    create unique index contract_reviews_open on contract_reviews (ward_id, contract_id) where status = 'due';
    create index contract_reviews_due on contract_reviews (ward_id, status, due_on);
    create index contract_reviews_contract on contract_reviews (ward_id, contract_id, issued_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table contract_reviews;
    drop table contract_review_cycles;
  `.execute(db);
}
