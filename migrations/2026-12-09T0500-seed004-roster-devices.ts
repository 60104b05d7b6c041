import { type Kysely, sql } from 'kysely';

// Seed 004 (南国市個人番号カード関係業務委託仕様書): the contractor's people as the specification names
// them, the pledges' wording, the register of information devices (情報機器等の持込み制限) and where
// 特定個人情報 is handled.
// - handler_list_entries: besides 取扱責任者 (responsible) and 取扱者 (handler), 統括責任者
//   (general_manager, one per contract), 業務責任者 (task_lead) and 副業務責任者 (deputy_task_lead) for
//   each task (業務), 業務従事者 (worker); the task they are placed on; whether the person may handle
//   特定個人情報 (番号法: the staff allowed to handle it are named).
// - handler_pledges: the wording version of the pledge (誓約書) and whether it binds after the
//   contract ends and after the person leaves the company (seed 004 5(1)③).
// - device_declarations: a device the 業務責任者 declares (機器名, 仕様, 用途) and the city permits or
//   refuses in advance; never connected to the city's network (5(3)①).
// - contract_my_number_areas: the areas where 特定個人情報 is handled (取扱区域), named by the city.
// Frozen once released: later changes go into new migrations.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table handler_list_entries drop constraint handler_list_entries_role_check;
    alter table handler_list_entries
      add constraint handler_list_entries_role_check check (role in
        ('responsible', 'handler', 'general_manager', 'task_lead', 'deputy_task_lead', 'worker')),
      add column task text check (length(task) between 1 and 200),
      add column handles_my_number boolean not null default false,
      add constraint handler_list_entries_lead_task_check
        check (role not in ('task_lead', 'deputy_task_lead') or task is not null);

    alter table handler_pledges
      add column wording_version text check (length(wording_version) between 1 and 100),
      add column binds_after_contract boolean not null default false,
      add column binds_after_leaving boolean not null default false;

    create table device_declarations (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      organisation_id uuid not null references organisations (id),
      status text not null check (status in ('declared', 'permitted', 'refused', 'withdrawn')),
      machine_id text not null check (machine_id = 'device-declaration'),
      machine_version integer not null check (machine_version >= 1),
      declarant_handler_id uuid not null references handlers (id),
      device_name text not null check (length(device_name) between 1 and 200),
      specification text not null check (length(specification) between 1 and 2000),
      purpose text not null check (length(purpose) between 1 and 2000),
      storage_place text not null check (length(storage_place) between 1 and 500),
      use_place text not null check (length(use_place) between 1 and 500),
      bring_from date not null,
      no_network_acknowledged boolean not null check (no_network_acknowledged),
      declared_by uuid references users (id),
      declared_at timestamptz not null,
      decided_by uuid references users (id),
      decided_at timestamptz,
      decision_comment text,
      withdrawn_at timestamptz,
      withdrawal_reason text,
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id) on delete cascade
    );
    create index device_declarations_id on device_declarations (id);
    create index device_declarations_contract on device_declarations (ward_id, contract_id, declared_at);

    create table contract_my_number_areas (
      ward_id uuid not null,
      contract_id uuid not null,
      areas text[] not null check (cardinality(areas) between 1 and 50),
      updated_by uuid references users (id),
      updated_at timestamptz not null,
      version integer not null default 1,
      primary key (ward_id, contract_id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id) on delete cascade
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table contract_my_number_areas;
    drop table device_declarations;
    alter table handler_pledges
      drop column binds_after_leaving, drop column binds_after_contract, drop column wording_version;
    delete from handler_list_entries
      where role in ('general_manager', 'task_lead', 'deputy_task_lead', 'worker');
    alter table handler_list_entries
      drop constraint handler_list_entries_lead_task_check,
      drop column handles_my_number, drop column task,
      drop constraint handler_list_entries_role_check;
    alter table handler_list_entries
      add constraint handler_list_entries_role_check check (role in ('responsible', 'handler'));
  `.execute(db);
}
