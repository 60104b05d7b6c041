import { type Kysely, sql } from 'kysely';

// 特記事項: the provisions each contract is made under (a template of forms/special-provisions, at
// the version in force when the contract was made) and, for a sub-contract, the sub-contractor's
// acceptance of the provisions that flow down to it (003 乙13, 001 第7条3).
// Existing contracts take their ward's chosen template (or seed 001 別紙7) at version 1; their
// sub-contracts the flow-down of it. Acceptances made before this record existed stay unrecorded.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table contract_provisions (
      ward_id uuid not null,
      contract_id uuid not null,
      template_id text not null,
      template_version integer not null check (template_version > 0),
      assigned_at timestamptz not null,
      assigned_by uuid references users (id),
      -- the sub-contractor's 受諾: who accepted on its behalf, under what name, when
      accepted_at timestamptz,
      accepted_by uuid references users (id),
      accepted_name text,
      version integer not null default 1,
      primary key (ward_id, contract_id),
      -- the provisions are part of the contract: they go with it
      foreign key (ward_id, contract_id) references contracts (ward_id, id) on delete cascade,
      check ((accepted_at is null) = (accepted_by is null))
    );

    insert into contract_provisions (ward_id, contract_id, template_id, template_version, assigned_at)
    select c.ward_id, c.id,
           case
             when c.depth = 1 then coalesce(w.settings ->> 'provisionsTemplate', 'toshima-annex7')
             when coalesce(w.settings ->> 'provisionsTemplate', 'toshima-annex7') = 'shinjuku-contractor'
               then 'shinjuku-subcontractor'
             else coalesce(w.settings ->> 'provisionsTemplate', 'toshima-annex7')
           end,
           1, c.created_at
      from contracts c join organisations w on w.id = c.ward_id;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table contract_provisions`.execute(db);
}
