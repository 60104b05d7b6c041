import { type Kysely, sql } from 'kysely';

// Webhooks (issue 22): a ward or a company registers endpoints for event types; an outbox row is
// written in the transaction of the change that causes it, and deliveries are made after commit.
// - webhook_endpoints: owned by an organisation (the ward itself, or a company) and keyed by the
//   ward whose events it receives: a company working for two wards registers in each. So every row
//   lives with its ward (docs/scale-out.md). The secret is kept as written: an HMAC needs the key
//   itself, and the app holds no key-encryption key apart from this database (as TOTP secrets and
//   signing keys). A rotated secret keeps signing beside the new one for a day.
// - webhook_events: the outbox, written only when an endpoint subscribes; never residents' data,
//   only the record's kind, id, number and page. dedupe_key makes scheduler-found events
//   (a finding past its deadline) once-only.
// - webhook_deliveries: one per event and endpoint; attempts, next attempt, last status.
// - webhook_delivery_attempts: every attempt, with a short excerpt of the answer.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table webhook_endpoints (
      ward_id uuid not null references organisations (id),
      id uuid not null default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      url text not null check (url ~ '^https?://'),
      description text,
      event_types text[] not null check (cardinality(event_types) > 0),
      secret text not null,
      previous_secret text,
      previous_secret_until timestamptz,
      created_by uuid references users (id),
      created_at timestamptz not null,
      disabled_at timestamptz,
      disabled_by uuid references users (id),
      version integer not null default 1,
      primary key (ward_id, id)
    );
    create index webhook_endpoints_org on webhook_endpoints (organisation_id, ward_id);
    create index webhook_endpoints_id on webhook_endpoints (id);

    create table webhook_events (
      ward_id uuid not null references organisations (id),
      id uuid not null default gen_random_uuid(),
      type text not null,
      occurred_at timestamptz not null,
      record_kind text not null,
      record_id uuid not null,
      record_number text,
      record_path text not null,
      -- the companies the record concerns: their endpoints receive it too
      party_org_ids uuid[] not null default '{}',
      dedupe_key text,
      primary key (ward_id, id),
      unique (ward_id, dedupe_key)
    );

    create table webhook_deliveries (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      event_id uuid not null,
      endpoint_id uuid not null,
      status text not null check (status in ('pending', 'delivered', 'failed', 'cancelled')),
      attempts integer not null default 0,
      next_attempt_at timestamptz,
      last_status integer,
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz not null,
      primary key (ward_id, id),
      unique (ward_id, event_id, endpoint_id),
      foreign key (ward_id, event_id) references webhook_events (ward_id, id) on delete cascade,
      foreign key (ward_id, endpoint_id) references webhook_endpoints (ward_id, id) on delete cascade
    );
    create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
    create index webhook_deliveries_endpoint on webhook_deliveries (ward_id, endpoint_id, created_at);

    create table webhook_delivery_attempts (
      ward_id uuid not null,
      delivery_id uuid not null,
      attempt integer not null,
      at timestamptz not null,
      status integer,
      error text,
      response_excerpt text,
      duration_ms integer not null,
      primary key (ward_id, delivery_id, attempt),
      foreign key (ward_id, delivery_id) references webhook_deliveries (ward_id, id) on delete cascade
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table webhook_delivery_attempts, webhook_deliveries, webhook_events, webhook_endpoints`.execute(
    db,
  );
}
