import { type Kysely, sql } from 'kysely';

// The head and the reporting body of every kind of municipality (issues 18 and 19).
// head_title: the title of the municipality's head as its documents name it when it is not the
// kind's own (区長, 市長, 町長, 村長; 一部事務組合: 管理者; 広域連合: 広域連合長) — null: the kind's.
// report_body_name: the body its rules send its reports (報告事項) to when that is not its council
// (council_name) — a municipality without a council names e.g. 情報公開・個人情報保護審査会; null:
// reports go to the council, and with neither the report pages say that no body is set.
// Companies and the operator carry neither. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table organisations
      add column head_title text check (length(head_title) between 1 and 50),
      add column report_body_name text check (length(report_body_name) between 1 and 100);
    alter table organisations add constraint organisations_head_report_body_check check (
      kind = 'ward' or (head_title is null and report_body_name is null)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table organisations drop constraint organisations_head_report_body_check;
    alter table organisations drop column head_title, drop column report_body_name;
  `.execute(db);
}
