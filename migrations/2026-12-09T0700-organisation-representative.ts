import { type Kysely, sql } from 'kysely';

// 代表者 (issue 19): documents a company issues or receives name its representative — the erasure
// certificate (消去証明書) beside its seal box (印), the sub-contracting application
// (再委託承認申請書) and the approval notice (承認通知書). One line as the forms print it, title and
// name together (代表取締役　山田 太郎); null: not recorded, the form leaves the line blank.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table organisations
      add column representative text check (length(representative) between 1 and 100);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table organisations drop column representative;`.execute(db);
}
