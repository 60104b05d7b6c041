import { type Kysely, sql } from 'kysely';

// Foundation: organisations (wards are tenants, companies are shared), departments, users,
// sessions, sign-in throttling, signing keys and the hash-chained audit trail.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('ward', 'company')),
      name text not null check (length(name) between 1 and 200),
      name_kana text,
      corporate_number text,
      address text,
      settings jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );

    -- A company becomes known to a ward when the ward registers it or contracts with it.
    create table ward_companies (
      ward_id uuid not null references organisations (id),
      company_id uuid not null references organisations (id),
      linked_at timestamptz not null default now(),
      primary key (ward_id, company_id)
    );
    create index ward_companies_company on ward_companies (company_id);

    create table departments (
      ward_id uuid not null references organisations (id),
      id uuid not null default gen_random_uuid(),
      name text not null check (length(name) between 1 and 100),
      code text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (ward_id, id),
      unique (ward_id, name)
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      ward_id uuid references organisations (id),
      department_id uuid,
      email text not null,
      display_name text not null,
      password_hash text not null,
      roles text[] not null,
      disabled_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      foreign key (ward_id, department_id) references departments (ward_id, id)
    );
    create unique index users_email_key on users (lower(email));
    create index users_organisation on users (organisation_id);

    create table sessions (
      id uuid primary key,
      user_id uuid not null references users (id),
      refresh_hash text not null,
      csrf_token text not null,
      created_at timestamptz not null,
      refreshed_at timestamptz not null,
      expires_at timestamptz not null,
      revoked_at timestamptz,
      user_agent text,
      ip text
    );
    create index sessions_user on sessions (user_id);

    create table sign_in_attempts (
      id bigserial primary key,
      email text not null,
      ip text,
      succeeded boolean not null,
      at timestamptz not null
    );
    create index sign_in_attempts_email_at on sign_in_attempts (email, at);

    create table signing_keys (
      kid text primary key,
      alg text not null,
      private_jwk jsonb not null,
      public_jwk jsonb not null,
      created_at timestamptz not null default now(),
      retired_at timestamptz
    );

    -- The audit trail: one hash chain per ward (chain_key = ward id, or 'global').
    create table audit_heads (
      chain_key text primary key,
      last_seq bigint not null,
      last_hash text not null
    );

    create table audit_entries (
      chain_key text not null,
      seq bigint not null,
      ward_id uuid,
      at timestamptz not null,
      actor_user_id uuid,
      actor_org_id uuid,
      action text not null,
      subject_type text not null,
      subject_id text not null,
      before jsonb,
      after jsonb,
      request_id text,
      prev_hash text not null,
      hash text not null,
      primary key (chain_key, seq)
    );
    create index audit_entries_subject on audit_entries (subject_type, subject_id);
    create index audit_entries_ward_at on audit_entries (ward_id, at);

    create function audit_entries_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit entries are append-only: % refused', tg_op using errcode = 'P0001';
    end
    $$;
    create trigger audit_entries_no_update_delete before update or delete on audit_entries
      for each row execute function audit_entries_append_only();
    create trigger audit_entries_no_truncate before truncate on audit_entries
      for each statement execute function audit_entries_append_only();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists audit_entries, audit_heads, signing_keys, sign_in_attempts, sessions, users,
      departments, ward_companies, organisations cascade;
    drop function if exists audit_entries_append_only;
  `.execute(db);
}
