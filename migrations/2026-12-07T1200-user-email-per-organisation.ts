import { type Kysely, sql } from 'kysely';

// An e-mail address is unique within an organisation, not across all of them: a globally unique
// address made "create a user" answer 409 for an address taken in any tenant, telling anyone who
// may create users which addresses exist elsewhere. Sign-in finds every account with the address
// and takes the one whose password matches (src/domain/auth/sign-in.ts).
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    drop index users_email_key;
    create unique index users_organisation_email_key on users (organisation_id, lower(email));
    create index users_email on users (lower(email));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index users_email;
    drop index users_organisation_email_key;
    create unique index users_email_key on users (lower(email));
  `.execute(db);
}
