import { type Kysely, sql } from 'kysely';

// 認証 of a company (issue 22): プライバシーマーク, ISMS (ISO/IEC 27001) and ISMAP registration, each
// with its number, scope, issuer, validity and the certificate's copy (an attachment). Owned by the
// company, which works for many wards, and read by every ward it contracts with: a reference table
// like organisations and attachments (test/schema/tenant-keys.test.ts, docs/scale-out.md).
// A certification is withdrawn (withdrawn_at), never deleted, so the audit trail keeps its meaning.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table company_certifications (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      kind text not null check (kind in ('privacy_mark', 'isms', 'ismap')),
      number text not null,
      scope text,
      issuer text not null,
      valid_from date,
      valid_until date not null,
      attachment_id uuid references attachments (id),
      created_at timestamptz not null,
      created_by uuid references users (id),
      updated_at timestamptz not null,
      updated_by uuid references users (id),
      version integer not null default 1,
      withdrawn_at timestamptz,
      withdrawn_by uuid references users (id),
      check (valid_from is null or valid_from <= valid_until)
    );
    create index company_certifications_org on company_certifications (organisation_id, kind, valid_until)
      where withdrawn_at is null;
    create index company_certifications_expiry on company_certifications (valid_until)
      where withdrawn_at is null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table company_certifications`.execute(db);
}
