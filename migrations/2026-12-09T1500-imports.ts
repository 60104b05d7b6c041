import { type Kysely, sql } from 'kysely';

// 既存記録の取込み: a ward bringing in the contracts, data-item registers (情報項目) and handler
// rosters (名簿) it kept in Excel or on paper. One row per import (what kind, which file, how many
// records, who, when); each record it wrote carries `import_id` and `imported_at`, so a page or an
// auditor can tell an imported record (its dates are history, as the ward recorded them) from one
// the product's workflows produced.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table imports (
      ward_id uuid not null references organisations (id),
      id uuid not null default gen_random_uuid(),
      kind text not null check (kind in ('contracts', 'register', 'handlers')),
      file_name text not null,
      sha256 text not null,
      row_count integer not null check (row_count >= 0),
      record_count integer not null check (record_count >= 0),
      imported_by uuid references users (id),
      imported_at timestamptz not null,
      primary key (ward_id, id)
    );
    create index imports_list on imports (ward_id, imported_at desc, id desc);

    alter table contracts add column imported_at timestamptz, add column import_id uuid,
      add foreign key (ward_id, import_id) references imports (ward_id, id);
    alter table register_revisions add column import_id uuid,
      add foreign key (ward_id, import_id) references imports (ward_id, id);
    alter table handler_list_submissions add column imported_at timestamptz, add column import_id uuid,
      add foreign key (ward_id, import_id) references imports (ward_id, id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table handler_list_submissions drop column if exists import_id, drop column if exists imported_at;
    alter table register_revisions drop column if exists import_id;
    alter table contracts drop column if exists import_id, drop column if exists imported_at;
    drop table if exists imports;
  `.execute(db);
}
