import { type Kysely, sql } from 'kysely';

// Contracts (委託契約), their data-item registers (情報項目) as immutable revisions, the item
// catalogue, and handler lists (取扱責任者及び取扱者の名簿) with pledges (誓約書) and training (研修).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table contracts (
      ward_id uuid not null references organisations (id),
      id uuid not null default gen_random_uuid(),
      department_id uuid not null,
      -- the chain: a sub-contract (再委託) points at its parent; depth 1 is the contractor (乙)
      parent_contract_id uuid,
      depth integer not null default 1 check (depth between 1 and 4),
      contractor_org_id uuid not null references organisations (id),
      -- organisations above this one in the chain; they supervise it and may read it
      chain_org_ids uuid[] not null default '{}',
      -- whether the contractor's own users may see it (a sub-contract only once approved)
      contractor_access boolean not null default true,
      title text not null,
      contract_number text,
      contract_date date,
      period_from date not null,
      period_to date not null,
      amount_yen numeric(15, 0),
      place text,
      handles_personal_info boolean not null,
      processing_modes text[] not null default '{}',
      selection_method text,
      required_certifications text[] not null default '{}',
      work_description text,
      reason text,
      ward_measures jsonb not null default '{"operational":[],"system":[]}'::jsonb,
      contractor_measures jsonb not null default '{"operational":[],"system":[]}'::jsonb,
      status text not null default 'draft' check (status in ('draft', 'active', 'ending', 'closed')),
      predecessor_contract_id uuid,
      renewal_count integer not null default 0 check (renewal_count between 0 and 2),
      register_revision integer not null default 0,
      created_by uuid references users (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, department_id) references departments (ward_id, id),
      foreign key (ward_id, parent_contract_id) references contracts (ward_id, id),
      foreign key (ward_id, predecessor_contract_id) references contracts (ward_id, id),
      check (period_from <= period_to)
    );
    create unique index contracts_number on contracts (ward_id, contract_number) where contract_number is not null;
    create index contracts_contractor on contracts (contractor_org_id);
    create index contracts_chain on contracts using gin (chain_org_ids);
    create index contracts_parent on contracts (ward_id, parent_contract_id);
    create index contracts_list on contracts (ward_id, created_at desc, id);
    create index contracts_id on contracts (id);

    -- Each change of a register is a new revision; revisions are never changed afterwards.
    create table register_revisions (
      ward_id uuid not null,
      contract_id uuid not null,
      revision integer not null,
      document jsonb not null,
      changed_by uuid references users (id),
      changed_at timestamptz not null,
      note text,
      primary key (ward_id, contract_id, revision),
      foreign key (ward_id, contract_id) references contracts (ward_id, id)
    );
    create index register_revisions_at on register_revisions (ward_id, contract_id, changed_at);

    -- Standard items to pick from (ward_id null) and a ward's own additions.
    create table data_item_catalogue (
      id uuid primary key default gen_random_uuid(),
      ward_id uuid references organisations (id),
      code text not null,
      name text not null,
      name_en text not null,
      special_category text check (special_category in ('belief', 'social_status', 'crime')),
      my_number boolean not null default false,
      source text,
      created_at timestamptz not null default now()
    );
    create unique index data_item_catalogue_code on data_item_catalogue (coalesce(ward_id, '00000000-0000-0000-0000-000000000000'::uuid), code);

    -- People who handle the data, kept by their own company (or ward) across contracts.
    create table handlers (
      id uuid primary key default gen_random_uuid(),
      organisation_id uuid not null references organisations (id),
      full_name text not null,
      full_name_kana text,
      job_title text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1
    );
    create index handlers_org on handlers (organisation_id);

    create table handler_pledges (
      id uuid primary key default gen_random_uuid(),
      handler_id uuid not null references handlers (id),
      signed_on date not null,
      attachment_id uuid references attachments (id),
      recorded_by uuid references users (id),
      recorded_at timestamptz not null
    );
    create index handler_pledges_handler on handler_pledges (handler_id);

    create table handler_trainings (
      id uuid primary key default gen_random_uuid(),
      handler_id uuid not null references handlers (id),
      held_on date not null,
      subject text not null,
      recorded_by uuid references users (id),
      recorded_at timestamptz not null
    );
    create index handler_trainings_handler on handler_trainings (handler_id);

    -- A handler list as submitted for one contract by one organisation; every change is a new
    -- submission that the ward acknowledges or returns.
    create table handler_list_submissions (
      ward_id uuid not null,
      id uuid not null default gen_random_uuid(),
      contract_id uuid not null,
      organisation_id uuid not null references organisations (id),
      status text not null check (status in ('submitted', 'acknowledged', 'returned')),
      submitted_by uuid references users (id),
      submitted_at timestamptz not null,
      decided_by uuid references users (id),
      decided_at timestamptz,
      comment text,
      version integer not null default 1,
      primary key (ward_id, id),
      foreign key (ward_id, contract_id) references contracts (ward_id, id)
    );
    create index handler_list_submissions_contract on handler_list_submissions (ward_id, contract_id, organisation_id, submitted_at);

    create table handler_list_entries (
      ward_id uuid not null,
      submission_id uuid not null,
      handler_id uuid not null references handlers (id),
      role text not null check (role in ('responsible', 'handler')),
      effective_from date not null,
      effective_to date,
      primary key (ward_id, submission_id, handler_id),
      foreign key (ward_id, submission_id) references handler_list_submissions (ward_id, id),
      check (effective_to is null or effective_from <= effective_to)
    );
    create index handler_list_entries_handler on handler_list_entries (handler_id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table if exists handler_list_entries, handler_list_submissions, handler_trainings, handler_pledges,
      handlers, data_item_catalogue, register_revisions, contracts cascade;
  `.execute(db);
}
