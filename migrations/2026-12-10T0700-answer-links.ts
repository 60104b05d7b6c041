import { type Kysely, sql } from 'kysely';

// 回答用リンク (answers without an account): a ward sends a company's contact who has no account a
// one-time, expiring, single-purpose link. Only the SHA-256 of the token is stored; the token itself
// is shown once to the officer who made the link (and mailed). The link is looked up by that hash
// before any ward is known (the index on token_hash alone; docs/scale-out.md), and every other
// query names the ward.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table answer_links (
      ward_id uuid not null references organisations (id),
      id uuid not null default gen_random_uuid(),
      token_hash text not null,
      purpose text not null check (purpose in ('compliance_report_answer', 'handler_pledge_upload')),
      -- the record the link answers: a compliance report, or a handler (by purpose)
      target_id uuid not null,
      -- the company whose contact answers: the audit entry names it as the acting organisation
      organisation_id uuid not null references organisations (id),
      contact_name text not null check (length(contact_name) between 1 and 200),
      contact_email text not null check (length(contact_email) between 3 and 320),
      contact_organisation text not null check (length(contact_organisation) between 1 and 200),
      created_by uuid not null references users (id),
      created_at timestamptz not null,
      expires_at timestamptz not null check (expires_at > created_at),
      used_at timestamptz,
      revoked_at timestamptz,
      primary key (ward_id, id),
      unique (ward_id, token_hash)
    );
    create index answer_links_token_hash on answer_links (token_hash);
    create index answer_links_target on answer_links (ward_id, target_id, created_at desc);

    -- a pledge's copy uploaded through a link has no user behind it: its audit entry names the contact
    alter table attachments alter column uploaded_by drop not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists answer_links;
    alter table attachments alter column uploaded_by set not null;
  `.execute(db);
}
