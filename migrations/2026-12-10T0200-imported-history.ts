import { type Kysely, sql } from 'kysely';

// 取込み（過去の記録）: past sub-contracting approvals (再委託の承認) and past handovers and
// erasures (媒体の受渡し・パスワード通知書の受渡し・返却・消去) a ward brings in from paper. They are
// history of a contract, kept as recorded: not workflow instances (an approval here started no
// sign-off chain, a handover carried no package of the product), so they live in their own
// table, with the day and time as written, the row of the file and its cells by the template's
// headings, and the import that brought them.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table imports drop constraint imports_kind_check;
    alter table imports add constraint imports_kind_check
      check (kind in ('contracts', 'register', 'handlers', 'approvals', 'handovers'));

    create table imported_history (
      ward_id uuid not null references organisations (id),
      id uuid not null default gen_random_uuid(),
      import_id uuid not null,
      contract_id uuid not null,
      kind text not null check (
        kind in ('subcontract_approval', 'media_handover', 'password_handover', 'return', 'erasure')
      ),
      occurred_at timestamptz not null,
      source_row integer not null check (source_row > 0),
      details jsonb not null,
      primary key (ward_id, id),
      foreign key (ward_id, import_id) references imports (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id)
    );
    create index imported_history_contract on imported_history (ward_id, contract_id, occurred_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists imported_history;
    delete from imports where kind in ('approvals', 'handovers');
    alter table imports drop constraint imports_kind_check;
    alter table imports add constraint imports_kind_check check (kind in ('contracts', 'register', 'handlers'));
  `.execute(db);
}
