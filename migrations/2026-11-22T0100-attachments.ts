import { type Kysely, sql } from 'kysely';

// Attachments (添付ファイル): evidence files such as confidentiality pledges (誓約書), internal
// rules (社内規程), P-mark certificates (プライバシーマーク登録証) and photos.
// The bytes live in their own table so that listing and reading metadata never touch them, and
// so that a later object store can take them over without changing the metadata table.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table attachments (
      id uuid primary key default gen_random_uuid(),
      -- The uploader's organisation: it always sees its own files.
      organisation_id uuid not null references organisations (id),
      -- The ward whose records this evidence belongs to; null = only the uploader's organisation.
      ward_id uuid references organisations (id),
      filename text not null check (length(filename) between 1 and 255),
      content_type text not null,
      size_bytes integer not null check (size_bytes > 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      -- The list of purposes lives in the domain, so a new kind of evidence needs no migration.
      purpose text not null check (purpose ~ '^[a-z_]{1,40}$'),
      uploaded_by uuid not null references users (id),
      uploaded_at timestamptz not null
    );
    create index attachments_organisation_uploaded on attachments (organisation_id, uploaded_at desc, id desc);
    create index attachments_ward_uploaded on attachments (ward_id, uploaded_at desc, id desc)
      where ward_id is not null;

    create table attachment_blobs (
      attachment_id uuid primary key references attachments (id),
      data bytea not null
    );
    -- PDF, PNG and JPEG are compressed already: store them out of line without trying again.
    alter table attachment_blobs alter column data set storage external;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists attachment_blobs, attachments`.execute(db);
}
