import { type Kysely, sql } from 'kysely';

// Keys a PostgreSQL sharded by tenant (Citus) can enforce on one shard (docs/scale-out.md):
// every key of a tenant-owned table holds its ward.
// - audit_heads, audit_entries and notifications may belong to no ward (the global audit chain,
//   a company user's digest), so they get tenant_ward_id: the ward, or the nil uuid for none. It
//   is their distribution column and leads their keys; a check keeps it equal to ward_id (or to
//   the chain key). The column is added as a generated one and then made plain, so the existing
//   rows are filled while the table is rewritten: no update runs on the append-only audit trail
//   and no hashed value changes.
// - subcontractor_suspensions: its id is unique within its ward, not across wards.
// Frozen once released: later changes go into new migrations.

const NIL = sql.raw(`'00000000-0000-0000-0000-000000000000'::uuid`);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table audit_heads
      add column tenant_ward_id uuid
        generated always as (case when chain_key = 'global' then ${NIL} else chain_key::uuid end) stored;
    alter table audit_heads alter column tenant_ward_id drop expression;
    alter table audit_heads alter column tenant_ward_id set not null;
    alter table audit_heads
      add constraint audit_heads_tenant_ward_check
        check (chain_key = case when tenant_ward_id = ${NIL} then 'global' else tenant_ward_id::text end),
      drop constraint audit_heads_pkey,
      add primary key (tenant_ward_id, chain_key);

    alter table audit_entries
      add column tenant_ward_id uuid generated always as (coalesce(ward_id, ${NIL})) stored;
    alter table audit_entries alter column tenant_ward_id drop expression;
    alter table audit_entries alter column tenant_ward_id set not null;
    alter table audit_entries
      add constraint audit_entries_tenant_ward_check check (tenant_ward_id = coalesce(ward_id, ${NIL})),
      drop constraint audit_entries_pkey,
      add primary key (tenant_ward_id, chain_key, seq);

    alter table notifications
      add column tenant_ward_id uuid generated always as (coalesce(ward_id, ${NIL})) stored;
    alter table notifications alter column tenant_ward_id drop expression;
    alter table notifications alter column tenant_ward_id set not null;
    alter table notifications
      add constraint notifications_tenant_ward_check check (tenant_ward_id = coalesce(ward_id, ${NIL})),
      drop constraint notifications_user_id_deadline_key_key,
      drop constraint notifications_pkey,
      add primary key (tenant_ward_id, id),
      add constraint notifications_tenant_user_deadline_key unique (tenant_ward_id, user_id, deadline_key);

    drop index subcontractor_suspensions_id;
    create unique index subcontractor_suspensions_id on subcontractor_suspensions (ward_id, id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index subcontractor_suspensions_id;
    create unique index subcontractor_suspensions_id on subcontractor_suspensions (id);

    alter table notifications
      drop constraint notifications_tenant_user_deadline_key,
      drop constraint notifications_pkey,
      add primary key (id),
      add constraint notifications_user_id_deadline_key_key unique (user_id, deadline_key),
      drop column tenant_ward_id;

    alter table audit_entries
      drop constraint audit_entries_pkey,
      add primary key (chain_key, seq),
      drop column tenant_ward_id;

    alter table audit_heads
      drop constraint audit_heads_pkey,
      add primary key (chain_key),
      drop column tenant_ward_id;
  `.execute(db);
}
