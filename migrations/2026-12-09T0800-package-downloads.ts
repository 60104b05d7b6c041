import { type Kysely, sql } from 'kysely';

// The encrypted package file (JWE) kept for a short while after it is prepared, so the page can
// offer it as an ordinary download instead of embedding tens of megabytes in the page. Only the
// ciphertext is kept (never the password); only its preparer may fetch it; a row past its
// expiry is never served and is removed by the next preparation.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table package_downloads (
      ward_id uuid not null,
      package_id uuid not null,
      prepared_by uuid not null references users (id),
      jwe text not null,
      expires_at timestamptz not null,
      primary key (ward_id, package_id),
      foreign key (ward_id, package_id) references handover_packages (ward_id, id) on delete cascade
    );
    create index package_downloads_expiry on package_downloads (expires_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table package_downloads`.execute(db);
}
