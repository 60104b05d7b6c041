import { type Kysely, sql } from 'kysely';

// The council report as seed 003 lays it out (issue 16): what the ward officer records on a report
// item (報告事項) beyond what the approval fills in. The cover sheet's article of the ordinance
// (条例の根拠, e.g. 第14条第1項; the ward's setting when null) and the kinds of outsourcing it
// reports (電子計算機による処理委託, 収集を伴う委託, 重要な個人情報の提供を伴う委託, その他の委託);
// 事業の概要 (目的, 対象者, 事業内容); the meeting date (会議日) when the item is not on a scheduled
// meeting; how the contractor is being chosen when the report precedes the choice (選定方法, and
// when the choice is expected). The parts of a bundled contract (一括契約) are rows of their own:
// whether each handles personal information (○/×) and the council's earlier approval (既承認) —
// only a part that handles personal information can have one.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table council_report_items
      add column ordinance_article text check (length(ordinance_article) between 1 and 100),
      add column outsourcing_kinds text[] not null default '{}'
        check (outsourcing_kinds <@ array['computer_processing', 'collection', 'provision', 'other']::text[]),
      add column purpose text check (length(purpose) between 1 and 2000),
      add column target_people text check (length(target_people) between 1 and 1000),
      add column overview text check (length(overview) between 1 and 8000),
      add column meeting_on date,
      add column contractor_selection text check (length(contractor_selection) between 1 and 300),
      add column contractor_decision_note text check (length(contractor_decision_note) between 1 and 300),
      add constraint council_report_items_selection_check
        check (contractor_selection is not null or contractor_decision_note is null);

    create table council_report_item_parts (
      ward_id uuid not null,
      item_id uuid not null,
      position integer not null check (position between 1 and 50),
      name text not null check (length(name) between 1 and 300),
      handles_personal_info boolean not null,
      prior_approval text check (length(prior_approval) between 1 and 300),
      newly_added boolean not null default false,
      primary key (ward_id, item_id, position),
      foreign key (ward_id, item_id) references council_report_items (ward_id, id) on delete cascade,
      check (handles_personal_info or prior_approval is null),
      check (not (newly_added and prior_approval is not null))
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table council_report_item_parts;
    alter table council_report_items
      drop constraint council_report_items_selection_check,
      drop column ordinance_article, drop column outsourcing_kinds, drop column purpose,
      drop column target_people, drop column overview, drop column meeting_on,
      drop column contractor_selection, drop column contractor_decision_note;
  `.execute(db);
}
