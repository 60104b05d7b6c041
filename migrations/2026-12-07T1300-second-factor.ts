import { type Kysely, sql } from 'kysely';

// A second factor (TOTP, RFC 6238) per user, one-time recovery codes (stored as hashes), and the
// sign-in challenges between the password and the second factor. Sessions remember whether they
// were opened with the second factor.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table second_factors (
      user_id uuid primary key references users (id),
      -- the TOTP secret (base32); it has to be read to check codes, like the signing keys
      secret text not null,
      -- null while enrolling: the factor counts once a code from the authenticator confirmed it
      confirmed_at timestamptz,
      -- the time step of the last accepted code: a code is accepted once
      last_used_step bigint,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );

    create table recovery_codes (
      user_id uuid not null references users (id),
      code_hash text not null,
      used_at timestamptz,
      created_at timestamptz not null,
      primary key (user_id, code_hash)
    );

    create table sign_in_challenges (
      id uuid primary key,
      user_id uuid not null references users (id),
      secret_hash text not null,
      purpose text not null check (purpose in ('verify', 'enrol')),
      -- the address signed in with and the password step's attempt, for the throttling
      email text not null,
      attempt_id bigint not null,
      attempts integer not null default 0,
      ip text,
      user_agent text,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index sign_in_challenges_user on sign_in_challenges (user_id);

    alter table sessions add column second_factor boolean not null default false;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table sessions drop column second_factor;
    drop table sign_in_challenges, recovery_codes, second_factors;
  `.execute(db);
}
